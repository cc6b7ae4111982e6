import Foundation
import QuireModel
import QuirePages

/// Finished body frames parked in an unlinked temporary file until the document's page count
/// is known and pages can be drawn: a long document's pages then cost disk, not memory. The
/// file has no name once opened, so nothing is left behind even if the process dies.
final class FrameSpool {
    private let descriptor: Int32
    private var codec = FrameCodec()
    private var extents: [(offset: Int, length: Int)] = []
    private var end = 0
    /// Set when a write failed (full disk); reported after layout.
    private(set) var failure: String?
    /// What the spooled pages draw from and must outlive them (an imported Word document's
    /// pictures).
    var retained: AnyObject?

    init() throws(QuireError) {
        var template = Array((FileManager.default.temporaryDirectory.path + "/quire-spool-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw QuireError(.io, at: nil, "cannot create a temporary file: \(String(cString: strerror(errno)))",
                             hint: "check that TMPDIR points at a writable folder")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }

    deinit { close(descriptor) }

    func append(_ frame: Frame) {
        let bytes = codec.encode(frame)
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, bytes.count, off_t(end)) }
        if written != bytes.count, failure == nil { failure = "cannot write the page spool: \(String(cString: strerror(errno)))" }
        extents.append((end, bytes.count))
        end += bytes.count
    }

    func frame(at index: Int) -> Frame {
        let (offset, length) = extents[index]
        var bytes = [UInt8](repeating: 0, count: length)
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, off_t(offset)) }
        if read != length, failure == nil { failure = "cannot read the page spool: \(String(cString: strerror(errno)))" }
        return read == length ? codec.decode(bytes) : Frame(size: .a4)
    }
}
