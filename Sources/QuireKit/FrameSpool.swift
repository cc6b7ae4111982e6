import Foundation
import QuireModel
import QuirePages
import QuireSystem

/// Finished body frames parked until the document's page count is known and pages can be
/// drawn. The first frames of the process stay in memory, up to `memoryAllowance` bytes
/// (encoded) shared by every spool alive; the rest go to an unlinked temporary file, so a
/// long document's or a long pack's pages cost disk, not memory, and nothing is left behind
/// even if the process dies. A paper in the service fits in memory: creating, writing and
/// reading back a file was 3.6% of its render (perf).
final class FrameSpool {
    /// Encoded frames all spools together may hold in memory.
    static let memoryAllowance = 4 << 20
    private static let held = Locked(0)

    private var codec = FrameCodec()
    private enum Place { case memory(Int), file(offset: Int, length: Int) }
    private var places: [Place] = []
    private var inMemory: [[UInt8]] = []
    private var heldBytes = 0
    private var descriptor: Int32 = -1
    private var end = 0
    /// Set when the file could not be made, written or read (a full disk); reported after layout.
    private(set) var failure: String?
    /// What the spooled pages draw from and must outlive them (an imported Word document's
    /// pictures).
    var retained: AnyObject?

    init() {}

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if heldBytes > 0 { Self.held.withLock { $0 -= heldBytes } }
    }

    func append(_ frame: Frame) {
        let bytes = codec.encode(frame)
        let kept = Self.held.withLock { held in
            guard held + bytes.count <= Self.memoryAllowance else { return false }
            held += bytes.count
            return true
        }
        if kept {
            heldBytes += bytes.count
            places.append(.memory(inMemory.count))
            inMemory.append(bytes)
            return
        }
        places.append(.file(offset: end, length: bytes.count))
        guard openFile() else { return }
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, bytes.count, off_t(end)) }
        if written != bytes.count, failure == nil { failure = "cannot write the page spool: \(String(cString: strerror(errno)))" }
        end += bytes.count
    }

    func frame(at index: Int) -> Frame {
        switch places[index] {
        case .memory(let slot):
            return codec.decode(inMemory[slot])
        case .file(let offset, let length):
            var bytes = [UInt8](repeating: 0, count: length)
            let read = descriptor < 0 ? -1 : bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, off_t(offset)) }
            if read != length, failure == nil { failure = "cannot read the page spool: \(String(cString: strerror(errno)))" }
            return read == length ? codec.decode(bytes) : Frame(size: .a4)
        }
    }

    /// Makes the file on first use; false (and `failure` set) if it cannot be made.
    private func openFile() -> Bool {
        if descriptor >= 0 { return true }
        if failure != nil { return false }
        switch openUnlinkedTemporaryFile(named: "quire-spool") {
        case .success(let made): descriptor = made
        case .failure(let error):
            failure = "cannot create the page spool: \(error)"
            return false
        }
        return true
    }
}
