import Foundation
import HTTPTypes

/// A request's own temporary folder: the uploaded files written under it as they arrive, at
/// paths checked to stay inside it, and the folder removed when the request is done. Sources
/// may name only these files (and Quire's own assets), so a request never reads anything of
/// the server's.
final class Workspace: @unchecked Sendable {
    let root: URL
    /// The main file (the paper or the manifest), once it is stored.
    private(set) var mainPath = ""
    private var stored: Set<String> = []

    static let maxFiles = 1000

    init() throws(Problem) {
        let template = (RequestFolders.parent.path as NSString).appendingPathComponent("quire-request-XXXXXX")
        var buffer = Array(template.utf8CString)
        guard let made = mkdtemp(&buffer) else {
            throw Problem(.internalServerError, kind: "internal", title: "The server cannot store the request", detail: "no temporary folder could be made")
        }
        root = URL(fileURLWithPath: String(cString: made))
    }

    /// Opens a new file at the relative `path` (checked) for writing; `main` marks the paper or
    /// manifest. A path sent twice, or more than `maxFiles` files, is refused.
    func create(_ path: String, main: Bool = false) throws(Problem) -> StoredFile {
        let components = try Workspace.checkedComponents(path)
        let relative = components.joined(separator: "/")
        guard stored.count < Workspace.maxFiles else {
            throw Problem.badRequest("the request has more than \(Workspace.maxFiles) files; at most \(Workspace.maxFiles) are accepted")
        }
        guard stored.insert(relative).inserted else {
            throw Problem.badRequest("the file '\(relative)' is sent twice", field: relative)
        }
        var url = root
        for component in components { url.appendPathComponent(component) }
        // The client's fault only when its paths clash; a full disk is the server's (507).
        func refused(_ code: Int32) -> Problem {
            if let full = Problem.diskFull(code) { return full }
            return code == EEXIST || code == ENOTDIR || code == EISDIR
                ? Problem.badRequest("the file '\(relative)' cannot be stored (a file and a folder of the same name?)")
                : Problem(.internalServerError, kind: "internal", title: "The server cannot store the request",
                          detail: "the file '\(relative)' could not be stored: \(String(cString: strerror(code)))")
        }
        if let failed = makeFolders(url.deletingLastPathComponent().path) { throw refused(failed) }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw refused(errno) }
        if main { mainPath = url.path }
        return StoredFile(descriptor: descriptor, path: relative)
    }

    /// Stores a whole file at once (a JSON request's files).
    func store(_ bytes: Data, at path: String, main: Bool = false) throws(Problem) {
        let file = try create(path, main: main)
        defer { file.close() }
        try file.write(bytes)
    }

    /// A relative path's components; absolute paths, `..`, `.`, empty components, backslashes
    /// and control characters are refused.
    static func checkedComponents(_ path: String) throws(Problem) -> [String] {
        let components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let safe = !path.isEmpty && path.utf8.count <= 1024 && components.count <= 16 && !path.hasPrefix("/")
            && components.allSatisfy { component in
                !component.isEmpty && component != "." && component != ".." && component.utf8.count <= 255
                    && !component.contains("\\") && component.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0 != "\u{7F}" }
            }
        guard safe else {
            throw Problem(.badRequest, kind: "path", title: "A file path is not allowed",
                          detail: "the file path '\(path)' must be relative and stay inside the upload", field: path,
                          hint: "name files by relative paths such as figures.yaml or papers/report.md, without '..' or a leading '/'")
        }
        return components
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// The one folder this process keeps its requests' workspaces in, `quire-service-<pid>` in
/// the temporary folder. A process killed outright (SIGKILL, the OOM killer) cannot remove
/// its own, so each service, as it starts, removes those of processes that are gone; those
/// of services still running (several may share a machine's /tmp) are left alone.
enum RequestFolders {
    static let prefix = "quire-service-"
    static let parent: URL = {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(prefix + String(getpid()))
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return url
    }()

    /// Removes the request folders of services no longer running; returns how many.
    @discardableResult
    static func sweep(in temporary: URL = URL(fileURLWithPath: NSTemporaryDirectory())) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        var removed = 0
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            // kill(pid, 0) fails with ESRCH only when no such process exists.
            if kill(pid, 0) != 0, errno == ESRCH, (try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))) != nil {
                removed += 1
            }
        }
        return removed
    }
}

/// A file of the workspace open for writing: bytes go to disk as they arrive.
final class StoredFile {
    private var descriptor: Int32
    let path: String

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close() }

    func write(_ bytes: some ContiguousBytes) throws(Problem) {
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
        guard descriptor >= 0 else { return }
        _ = Foundation.close(descriptor)
        descriptor = -1
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

/// Creates the folder and any missing parents; the errno of the first failure, or nil
/// (ENOTDIR when a file stands where a folder should).
private func makeFolders(_ path: String) -> Int32? {
    if mkdir(path, 0o700) == 0 { return nil }
    let code = errno
    if code == EEXIST {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue ? nil : ENOTDIR
    }
    guard code == ENOENT else { return code }
    if let failed = makeFolders((path as NSString).deletingLastPathComponent) { return failed }
    return mkdir(path, 0o700) == 0 ? nil : errno
}
