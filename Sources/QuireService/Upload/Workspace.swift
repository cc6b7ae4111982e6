import Foundation

/// A request's own temporary folder: the uploaded files written under it, at paths checked
/// to stay inside it, and the folder removed when the request is done. Sources may name only
/// these files (and Quire's own assets), so a request never reads anything of the server's.
final class Workspace: Sendable {
    let root: URL
    let mainPath: String

    static let maxFiles = 1000

    init(_ upload: Upload) throws(Problem) {
        let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("quire-request-XXXXXX")
        var buffer = Array(template.utf8CString)
        guard let made = mkdtemp(&buffer) else {
            throw Problem(.internalServerError, kind: "internal", title: "The server cannot store the request", detail: "no temporary folder could be made")
        }
        root = URL(fileURLWithPath: String(cString: made))
        mainPath = root.appendingPathComponent(upload.main.path).path
        do throws(Problem) {
            guard upload.files.count <= Workspace.maxFiles else {
                throw Problem.badRequest("the request has \(upload.files.count) files; at most \(Workspace.maxFiles) are accepted")
            }
            var seen: Set<String> = [upload.main.path]
            for file in upload.files {
                let components = try Workspace.checkedComponents(file.path)
                let relative = components.joined(separator: "/")
                guard seen.insert(relative).inserted else {
                    throw Problem.badRequest("the file '\(relative)' is sent twice", field: relative)
                }
                try write(file.bytes, to: components)
            }
            try write(upload.main.bytes, to: [upload.main.path])
        } catch {
            remove()
            throw error
        }
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

    private func write(_ bytes: Data, to components: [String]) throws(Problem) {
        var url = root
        for component in components { url.appendPathComponent(component) }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url, options: .withoutOverwriting)
        } catch {
            throw Problem.badRequest("the file '\(components.joined(separator: "/"))' cannot be stored (a file and a folder of the same name?)")
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
