import Foundation
import HTTPTypes

/// A request's own temporary folder: the uploaded files written under it as they arrive, at
/// paths checked to stay inside it, and the folder removed when the request is done. Sources
/// may name only these files (and Quire's own assets), so a request never reads anything of
/// the server's.
///
/// A request of one file (a paper, and nothing it refers to) needs no folder: its main file is
/// held in memory, up to `heldLimit`, and the folder is made only when a second file arrives,
/// the main file outgrows the limit, or a render needs files on disk (`materialize`). Making,
/// filling, reading back and removing the folder was about 5% of a service render.
final class Workspace: @unchecked Sendable {
    /// The folder; it exists only once `materialize` made it. Its name is random, in this
    /// process's own folder, so no one else makes it meanwhile.
    let root: URL
    /// The main file (the paper or the manifest), once it is stored.
    private(set) var mainPath = ""
    /// The main file's bytes while it is held in memory.
    private(set) var heldMain: Data?
    private var stored: Set<String> = []
    private var made = false

    static let maxFiles = 1000
    /// A main file larger than this goes to disk: a paper is tens of KB, and a large body
    /// streams to disk, never into memory.
    static let heldLimit = 1 << 20

    init() {
        var generator = SystemRandomNumberGenerator()
        let name = "quire-request-" + (0..<2).map { _ in String(generator.next() as UInt64, radix: 16) }.joined(separator: "-")
        root = RequestFolders.parent.appendingPathComponent(name)
    }

    /// The main file's bytes, from memory or from disk.
    var mainContents: Data? { heldMain ?? FileManager.default.contents(atPath: mainPath) }

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
        if main, stored.count == 1, !made {
            mainPath = url.path
            heldMain = Data()
            return StoredFile(heldBy: self, path: relative)
        }
        try materialize()
        let descriptor = try open(url, relative: relative, flags: O_WRONLY | O_CREAT | O_EXCL)
        if main { mainPath = url.path }
        return StoredFile(descriptor: descriptor, path: relative)
    }

    /// Makes the folder and writes a held main file into it: for a second file, and for the
    /// renders that read their files from disk (a pack, PNG pages).
    func materialize() throws(Problem) {
        if !made {
            guard mkdir(root.path, 0o700) == 0 else {
                let code = errno
                throw Problem.diskFull(code) ?? Problem(.internalServerError, kind: "internal", title: "The server cannot store the request",
                                                        detail: "no temporary folder could be made: \(String(cString: strerror(code)))")
            }
            made = true
        }
        guard let held = heldMain else { return }
        heldMain = nil
        let descriptor = try open(URL(fileURLWithPath: mainPath), relative: mainName, flags: O_WRONLY | O_CREAT | O_EXCL)
        defer { _ = Foundation.close(descriptor) }
        try StoredFile.write(held, to: descriptor, path: mainName)
    }

    /// Adds bytes to the held main file. Past `heldLimit` (or once the folder holds it) the
    /// file goes on disk, with what was held, and the descriptor to go on writing is returned.
    func hold(_ bytes: some ContiguousBytes) throws(Problem) -> Int32? {
        if let held = heldMain, held.count + bytes.withUnsafeBytes(\.count) <= Workspace.heldLimit {
            bytes.withUnsafeBytes { heldMain!.append(contentsOf: $0) }
            return nil
        }
        try materialize()
        let descriptor = try open(URL(fileURLWithPath: mainPath), relative: mainName, flags: O_WRONLY | O_APPEND)
        do throws(Problem) {
            try StoredFile.write(bytes, to: descriptor, path: mainName)
        } catch {
            _ = Foundation.close(descriptor)
            throw error
        }
        return descriptor
    }

    private var mainName: String { (mainPath as NSString).lastPathComponent }

    /// Opens a file of the folder, its parent folders made; clashing paths are the client's
    /// fault, a full disk is the server's (507).
    private func open(_ url: URL, relative: String, flags: Int32) throws(Problem) -> Int32 {
        func refused(_ code: Int32) -> Problem {
            if let full = Problem.diskFull(code) { return full }
            return code == EEXIST || code == ENOTDIR || code == EISDIR
                ? Problem.badRequest("the file '\(relative)' cannot be stored (a file and a folder of the same name?)")
                : Problem(.internalServerError, kind: "internal", title: "The server cannot store the request",
                          detail: "the file '\(relative)' could not be stored: \(String(cString: strerror(code)))")
        }
        if let failed = makeFolders(url.deletingLastPathComponent().path) { throw refused(failed) }
        let descriptor = Foundation.open(url.path, flags | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw refused(errno) }
        return descriptor
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

    func remove() {
        heldMain = nil
        if made { try? FileManager.default.removeItem(at: root) }
    }
}

/// Creates the folder and any missing parents; the errno of the first failure, or nil
/// (ENOTDIR when a file stands where a folder should).
func makeFolders(_ path: String) -> Int32? {
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
