import Foundation
public import QuireModel
import QuireSystem

/// A file written beside its destination and renamed into place once complete, so a failed
/// or interrupted write never leaves a partial file where the output belongs. It is created
/// exclusively (`O_CREAT | O_EXCL | O_NOFOLLOW`) under a random name, so nothing planted in
/// the folder beforehand (a symlink, a file of the same name) can redirect the write, and it
/// is written through the descriptor that created it, never by looking its path up again.
/// Until it is renamed or discarded, its path is registered for removal if the process is
/// interrupted (`TemporaryFiles.removeOnSignal`).
public final class TemporaryFile {
    public let path: String
    public let descriptor: Int32
    private let slot: Int?
    /// Whether it is still to be renamed or removed.
    private var pending = true

    /// Creates `.<name>.<random>.tmp` in `output`'s folder, mode 0666 less the umask (0644 as
    /// usually set), as a regular file does.
    public init(beside output: String) throws(QuireError) {
        let folder = (output as NSString).deletingLastPathComponent
        // Room for the dot, the random part and the suffix within a file name's 255 bytes.
        let name = String(decoding: Array((output as NSString).lastPathComponent.utf8.prefix(200)), as: UTF8.self)
        for _ in 0..<16 {
            let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
            let path = (folder.isEmpty ? "." : folder) + "/.\(name).\(random).tmp"
            // Registered before it exists, so a signal can never come between the two.
            let slot = TemporaryFiles.register(path)
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if descriptor >= 0 {
                self.path = path
                self.descriptor = descriptor
                self.slot = slot
                return
            }
            let failure = errno
            if let slot { TemporaryFiles.unregister(slot) }
            errno = failure
            if failure != EEXIST { break }
        }
        if errno == ENOSPC || errno == EDQUOT { throw QuireError.diskFull(writing: output, String(cString: strerror(errno))) }
        throw QuireError(.io, at: nil, "cannot write '\(output)': cannot create a temporary file in \(folder.isEmpty ? "the current folder" : "'\(folder)'"): \(String(cString: strerror(errno)))",
                         hint: "check that the folder exists and that you may write in it")
    }

    /// Moves the finished file to `output` (replacing a regular file there, atomically).
    public func commit(to output: String) throws(QuireError) {
        guard pending else { return }
        pending = false
        let failed = close(descriptor) != 0 ? errno : rename(path, output) != 0 ? errno : 0
        if failed != 0 { unlink(path) }
        if let slot { TemporaryFiles.unregister(slot) }
        if failed == ENOSPC || failed == EDQUOT { throw QuireError.diskFull(writing: output, String(cString: strerror(failed))) }
        if failed != 0 { throw QuireError(.io, at: nil, "cannot write '\(output)': \(String(cString: strerror(failed)))") }
    }

    /// Removes the file: the write failed or was stopped.
    public func remove() {
        guard pending else { return }
        pending = false
        close(descriptor)
        unlink(path)
        if let slot { TemporaryFiles.unregister(slot) }
    }

    /// Neither committed nor removed (a path that threw past both): never leave it behind.
    deinit { remove() }
}

/// The paths of temporary files being written, kept where a signal handler can read them
/// without allocating or locking: fixed slots of bytes, each with a flag saying it is in use.
public enum TemporaryFiles {
    private static let slotCount = 64
    private static let slotSize = Int(PATH_MAX) + 1
    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<CChar> = {
        let paths = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
        paths.initialize(repeating: 0, count: slotCount * slotSize)
        return paths
    }()
    nonisolated(unsafe) private static let inUse: UnsafeMutablePointer<sig_atomic_t> = {
        let flags = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: slotCount)
        flags.initialize(repeating: 0, count: slotCount)
        return flags
    }()
    /// Held while a slot is claimed or freed (never in the signal handler, which only reads).
    private static let slots = Locked(())

    /// On SIGINT, SIGTERM, SIGHUP or SIGPIPE (standard output closed under `-o -`), removes
    /// every temporary file being written, then dies of the signal as it would have (the exit
    /// status says which). For the CLI: the service
    /// leaves its signals to its own graceful shutdown and removes each request's folder.
    /// The signals are unblocked on the calling thread (the command's, which also makes its
    /// threads): a parent that spawned `quire` from a thread blocking them (a test runner's
    /// worker) would otherwise have them wait, pending, until the render ended.
    public static func removeOnSignal() {
        _ = paths
        _ = inUse
        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = removeAndReraise
            action.sa_flags = Int32(bitPattern: UInt32(truncatingIfNeeded: SA_RESETHAND))  // the default action again, for the re-raise
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
            sigaddset(&handled, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
    }

    /// The paths registered now (for tests and diagnostics).
    public static var registered: [String] {
        slots.withLock { _ in (0..<slotCount).filter { inUse[$0] != 0 }.map { String(cString: paths + $0 * slotSize) } }
    }

    static func register(_ path: String) -> Int? {
        let bytes = Array(path.utf8)
        guard bytes.count < slotSize else { return nil }  // removed on the error paths still, just not on a signal
        return slots.withLock { _ in
            guard let slot = (0..<slotCount).first(where: { inUse[$0] == 0 }) else { return nil }
            let start = paths + slot * slotSize
            for (offset, byte) in bytes.enumerated() { start[offset] = CChar(bitPattern: byte) }
            start[bytes.count] = 0
            inUse[slot] = 1
            return slot
        }
    }

    static func unregister(_ slot: Int) {
        slots.withLock { _ in inUse[slot] = 0 }
    }

    /// The signal handler: only async-signal-safe calls (unlink, raise).
    private static let removeAndReraise: @convention(c) (Int32) -> Void = { signal in
        for slot in 0..<slotCount where inUse[slot] != 0 {
            unlink(paths + slot * slotSize)
        }
        raise(signal)
    }
}
