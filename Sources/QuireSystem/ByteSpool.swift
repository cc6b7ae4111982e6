import Foundation

/// Bytes appended in order, a few at a time, and read back by range once complete: cairo's
/// PDF on its way to the finisher. The first `memoryChunks` chunks stay in memory; every later
/// chunk, once full, goes to an unlinked temporary file and its buffer is reused, so a long
/// pack's PDF costs disk, not memory, while it is drawn and finished (a 2,000-page pack held
/// 23 MB of it). A paper fits in memory and never makes the file. Where the file cannot be
/// made or written (a full disk), the chunks stay in memory: the render still succeeds.
///
/// A value type, reached through a pointer by the one thread that appends (see `PDFBytes`):
/// through a class, each append cost an exclusivity check. `seal` hands the bytes to a
/// `SpooledBytes`, which any thread may read.
public struct ByteSpool {
    /// Four chunks of 1 MiB: a paper, even a 50-paper pack (2.2 MB), stays in memory.
    public static let defaultChunkSize = 1 << 20, defaultMemoryChunks = 4

    public let chunkSize: Int
    private let memoryChunks: Int
    private var places: [SpooledBytes.Place] = []
    /// The last chunk, and the bytes used in it.
    private var current: UnsafeMutablePointer<UInt8>?
    private var used: Int
    private(set) public var count = 0
    private var file: SpillFile

    /// Tests make chunks of a few bytes, so that objects straddle chunks and the file.
    /// `folder` is where the file goes (default: `TMPDIR`'s).
    public init(chunkSize: Int = defaultChunkSize, memoryChunks: Int = defaultMemoryChunks, folder: String? = nil) {
        precondition(chunkSize > 0)
        file = SpillFile(folder: folder)
        self.chunkSize = chunkSize
        self.memoryChunks = memoryChunks
        used = chunkSize
    }

    /// False when memory runs out (cairo then stops with an error).
    public mutating func append(_ data: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        var copied = 0
        while copied < length {
            if used == chunkSize, !startChunk() { return false }
            let piece = min(length - copied, chunkSize - used)
            (current! + used).update(from: data + copied, count: piece)
            used += piece
            copied += piece
        }
        count += length
        return true
    }

    /// Appends `bytes`; where they lie, or nil when memory runs out.
    public mutating func append(_ bytes: [UInt8]) -> Range<Int>? {
        let start = count
        let appended = bytes.withUnsafeBufferPointer { $0.baseAddress.map { append($0, bytes.count) } ?? true }
        return appended ? start..<count : nil
    }

    /// A new chunk: the full one's buffer, once it is in the file, or a new buffer.
    private mutating func startChunk() -> Bool {
        if let full = current, places.count > memoryChunks, let offset = file.write(full, chunkSize) {
            places[places.count - 1] = .file(offset: offset)
        } else {
            guard let buffer = malloc(chunkSize) else { return false }
            current = buffer.assumingMemoryBound(to: UInt8.self)
        }
        places.append(.memory(current!))
        used = 0
        return true
    }

    /// The bytes, to read; the spool is left empty.
    public mutating func seal() -> SpooledBytes {
        let sealed = SpooledBytes(places: places, chunkSize: chunkSize, count: count, descriptor: file.take())
        places = []
        current = nil
        used = chunkSize
        count = 0
        return sealed
    }

    /// A copy of bytes already appended (a finisher's object it changes again); nil if the
    /// file cannot be read back.
    public func copy(_ range: Range<Int>) -> [UInt8]? {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range \(range) outside \(count) spooled bytes")
        var readable = true
        let copy = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            var position = range.lowerBound
            while position < range.upperBound, readable {
                let chunk = position / chunkSize, within = position % chunkSize
                let piece = min(range.upperBound - position, chunkSize - within)
                let target = buffer.baseAddress! + (position - range.lowerBound)
                switch places[chunk] {
                case .memory(let pointer): target.initialize(from: pointer + within, count: piece)
                case .file(let offset): readable = file.read(into: target, piece, at: offset + within)
                }
                position += piece
            }
            initialized = readable ? range.count : 0
        }
        return readable ? copy : nil
    }

    /// Gives every chunk and the file back.
    public mutating func release() { _ = seal() }

    /// Bytes already in memory (a test's PDF), spooled.
    public static func inMemory(_ bytes: [UInt8]) -> SpooledBytes {
        var spool = ByteSpool(memoryChunks: .max)
        bytes.withUnsafeBufferPointer { if let base = $0.baseAddress { _ = spool.append(base, $0.count) } }
        return spool.seal()
    }
}

/// A spool's bytes, complete: read by range from any thread.
public final class SpooledBytes: @unchecked Sendable {
    enum Place { case memory(UnsafeMutablePointer<UInt8>), file(offset: Int) }
    private let places: [Place]
    private let chunkSize: Int
    private let descriptor: Int32
    public let count: Int
    private let readBack: ReadBackWindows

    init(places: [Place], chunkSize: Int, count: Int, descriptor: Int32) {
        self.places = places
        self.chunkSize = chunkSize
        self.count = count
        self.descriptor = descriptor
        readBack = ReadBackWindows(window: min(ReadBackWindows.defaultWindow, chunkSize))
    }

    deinit {
        // A reused buffer appears once among the places in memory: as the last chunk.
        for case .memory(let pointer) in places { free(pointer) }
        if descriptor >= 0 { close(descriptor) }
    }

    /// Whether any chunk went to the temporary file.
    public var spilled: Bool { places.contains { if case .file = $0 { true } else { false } } }

    /// A copy of the bytes in `range`.
    public func bytes(_ range: Range<Int>) throws(SpoolReadError) -> [UInt8] {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range \(range) outside \(count) spooled bytes")
        var failure: SpoolReadError?
        let copy = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            var position = range.lowerBound
            while position < range.upperBound {
                let chunk = position / chunkSize, within = position % chunkSize
                let piece = min(range.upperBound - position, chunkSize - within)
                let target = buffer.baseAddress! + (position - range.lowerBound)
                switch places[chunk] {
                case .memory(let pointer): target.initialize(from: pointer + within, count: piece)
                case .file(let offset):
                    guard readBack.read(into: target, piece, chunk: chunk, within: within, fileOffset: offset, descriptor) else {
                        failure = SpoolReadError(errno: errno)
                        initialized = 0
                        return
                    }
                }
                position += piece
            }
            initialized = range.count
        }
        if let failure { throw failure }
        return copy
    }

    /// `body` on the bytes in `range`: in place when they lie in one chunk in memory (no copy),
    /// else on a copy.
    public func withBytes<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) throws(SpoolReadError) -> Result {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range \(range) outside \(count) spooled bytes")
        let chunk = range.lowerBound / chunkSize, within = range.lowerBound % chunkSize
        if within + range.count <= chunkSize, chunk < places.count, case .memory(let pointer) = places[chunk] {
            return body(UnsafeBufferPointer(start: pointer + within, count: range.count))
        }
        return try bytes(range).withUnsafeBufferPointer(body)
    }
}

/// The last few windows of the temporary file read back, for the small reads a finisher
/// makes by the ten thousand (an object's first bytes, a structure element): each was a
/// `pread` of its own, 72,000 for a 1,000-page pack. A read of more than half a window, or
/// across a window's end, goes to the file directly.
private final class ReadBackWindows: @unchecked Sendable {
    static let defaultWindow = 64 << 10
    private let window: Int
    private let lock = NSLock()
    /// Most recently used last: (chunk, start of the window within it, its bytes).
    private var windows: [(chunk: Int, start: Int, bytes: UnsafeMutablePointer<UInt8>, count: Int)] = []
    private static let kept = 4

    init(window: Int) { self.window = max(1, window) }

    deinit { for window in windows { window.bytes.deallocate() } }

    /// Copies `count` bytes from `within` bytes into the chunk at `fileOffset`.
    func read(into target: UnsafeMutablePointer<UInt8>, _ count: Int, chunk: Int, within: Int, fileOffset: Int, _ descriptor: Int32) -> Bool {
        let start = within / window * window
        guard count <= window / 2, within + count <= start + window else { return readFully(descriptor, target, count, at: fileOffset + within) }
        lock.lock()
        defer { lock.unlock() }
        if let index = windows.lastIndex(where: { $0.chunk == chunk && $0.start == start }) {
            let found = windows.remove(at: index)
            windows.append(found)
            guard within - start + count <= found.count else { return readFully(descriptor, target, count, at: fileOffset + within) }
            target.initialize(from: found.bytes + (within - start), count: count)
            return true
        }
        let bytes = windows.count == Self.kept ? windows.removeFirst().bytes : UnsafeMutablePointer<UInt8>.allocate(capacity: window)
        // A chunk's last window may be short (the spool's end): read what the file holds.
        let got = pread(descriptor, bytes, window, off_t(fileOffset + start))
        guard got >= within - start + count else {
            bytes.deallocate()
            return readFully(descriptor, target, count, at: fileOffset + within)
        }
        windows.append((chunk, start, bytes, got))
        target.initialize(from: bytes + (within - start), count: count)
        return true
    }
}

/// Reading spooled bytes back from the temporary file failed.
public struct SpoolReadError: Error, CustomStringConvertible {
    public let errno: Int32
    public var description: String { "cannot read back the temporary file it was spooled to: \(String(cString: strerror(errno)))" }
}

/// The unlinked temporary file a spool writes its later chunks to: made on first use; once a
/// write fails, never written again (the spool keeps its chunks in memory instead).
private struct SpillFile {
    let folder: String?
    private var descriptor: Int32 = -1
    private var end = 0
    private var broken = false

    init(folder: String?) { self.folder = folder }

    /// Where the bytes went in the file, or nil if they could not go.
    mutating func write(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        guard !broken else { return nil }
        if descriptor < 0 {
            guard case .success(let made) = openUnlinkedTemporaryFile(named: "quire-pdf", in: folder) else {
                broken = true
                return nil
            }
            descriptor = made
        }
        var written = 0
        while written < count {
            let result = pwrite(descriptor, bytes + written, count - written, off_t(end + written))
            if result < 0, errno == EINTR { continue }
            guard result > 0 else {
                broken = true
                return nil
            }
            written += result
        }
        let offset = end
        end += count
        return offset
    }

    func read(into target: UnsafeMutablePointer<UInt8>, _ count: Int, at offset: Int) -> Bool {
        descriptor >= 0 && readFully(descriptor, target, count, at: offset)
    }

    /// The descriptor, now the reader's to close (-1 if no file was made).
    mutating func take() -> Int32 {
        defer { descriptor = -1; end = 0; broken = false }
        return descriptor
    }
}

private func readFully(_ descriptor: Int32, _ target: UnsafeMutablePointer<UInt8>, _ count: Int, at offset: Int) -> Bool {
    var done = 0
    while done < count {
        let result = pread(descriptor, target + done, count - done, off_t(offset + done))
        if result < 0, errno == EINTR { continue }
        guard result > 0 else { return false }
        done += result
    }
    return true
}

/// A temporary file in `folder` (default: `TMPDIR`'s) that no other process can open and the
/// system removes with the last descriptor, even if the process dies: made with `mkstemp`
/// and unlinked at once.
public func openUnlinkedTemporaryFile(named prefix: String, in folder: String? = nil) -> Swift.Result<Int32, TemporaryFileError> {
    let folder = folder ?? FileManager.default.temporaryDirectory.path
    var template = Array("\(folder)/\(prefix)-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return .failure(TemporaryFileError(folder: folder, errno: errno)) }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    return .success(descriptor)
}

public struct TemporaryFileError: Error, CustomStringConvertible {
    public let folder: String
    public let errno: Int32
    public var description: String {
        "cannot create a temporary file in \(folder): \(String(cString: strerror(errno))); check that TMPDIR points at a writable folder"
    }
}
