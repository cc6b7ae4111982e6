import Foundation
import HTTPTypes

/// A file of the workspace open for writing: bytes go to disk as they arrive, or, for a main
/// file the workspace holds in memory, into the workspace's buffer until it outgrows it.
final class StoredFile {
    private enum Sink {
        case disk(Int32)
        case held(Workspace)
        case closed
    }
    private var sink: Sink
    let path: String

    init(descriptor: Int32, path: String) {
        sink = .disk(descriptor)
        self.path = path
    }

    init(heldBy workspace: Workspace, path: String) {
        sink = .held(workspace)
        self.path = path
    }

    deinit { close() }

    func write(_ bytes: some ContiguousBytes) throws(Problem) {
        switch sink {
        case .closed: return
        case .held(let workspace):
            // Past the workspace's limit the file goes to disk, with what it held so far.
            guard let descriptor = try workspace.hold(bytes) else { return }
            sink = .disk(descriptor)
        case .disk(let descriptor):
            try StoredFile.write(bytes, to: descriptor, path: path)
        }
    }

    /// Writes all of `bytes` (retrying short writes) to the file at `path` of a workspace.
    static func write(_ bytes: some ContiguousBytes, to descriptor: Int32, path: String) throws(Problem) {
        let failed: Bool = bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let count = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { return true }
                offset += count
            }
            return false
        }
        if failed {
            let code = errno
            throw Problem.diskFull(code) ?? Problem(.internalServerError, kind: "internal", title: "The server cannot store the request",
                                                    detail: "the file '\(path)' could not be written: \(String(cString: strerror(code)))")
        }
    }

    func close() {
        if case .disk(let descriptor) = sink { _ = Foundation.close(descriptor) }
        sink = .closed
    }
}

extension Problem {
    /// 507 for a full disk or quota (the server's trouble, worth a retry elsewhere), else nil.
    static func diskFull(_ code: Int32) -> Problem? {
        guard code == ENOSPC || code == EDQUOT else { return nil }
        return Problem(insufficientStorage, kind: "disk-full", title: "The server has no room for the request",
                       detail: "the server's temporary disk is full, so the upload could not be stored", hint: retryElsewhere, retryAfter: 10)
    }

    static let insufficientStorage = HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage")
    static let retryElsewhere = "retry after the number of seconds in Retry-After (another replica may take it)"
}
