public import Foundation
import QuireSystem
import QuireModel

/// Where Quire's house styles, fonts and assets live: `$QUIRE_HOME`, else the first folder
/// holding `layouts/` and `fonts/` found walking up from the executable, else the current
/// directory (a checkout).
public struct Resources: Sendable {
    public var root: URL
    /// Further layout folders searched by name before the bundled `layouts/` (`QUIRE_LAYOUTS`,
    /// colon-separated): a council's own house styles, kept outside Quire's install.
    public var layoutPath: [URL]
    public var layouts: URL { root.appendingPathComponent("layouts") }
    public var fonts: URL { root.appendingPathComponent("fonts") }
    /// Layouts parsed so far, shared by every copy of these resources.
    let layoutCache = LayoutCache()
    public var assets: URL { root.appendingPathComponent("assets") }

    public init(root: URL, layoutPath: [URL] = []) {
        self.root = root.standardizedFileURL
        self.layoutPath = layoutPath.map(\.standardizedFileURL)
    }

    /// `QUIRE_LAYOUTS` as folders: colon-separated, empty entries ignored, relative ones from
    /// the current directory.
    /// `environment` looks a variable up (the process's own when nil).
    public static func layoutPath(from environment: ((String) -> String?)? = nil) -> [URL] {
        ((environment ?? Platform.environmentValue)("QUIRE_LAYOUTS") ?? "").split(separator: ":").filter { !$0.isEmpty }.map { URL(fileURLWithPath: String($0)) }
    }

    public static func locate() -> Resources {
        var found = findRoot()
        found.layoutPath = layoutPath().map(\.standardizedFileURL)
        return found
    }

    /// Plain paths and `stat`: URL's parsing and FileManager's checks, 16 of them for the
    /// executable's folders, were a tenth of a `quire layouts` (perf).
    private static func findRoot() -> Resources {
        func exists(_ path: String) -> Bool {
            var status = stat()
            return stat(path, &status) == 0
        }
        func holdsResources(_ path: String) -> Bool {
            exists(path + "/layouts") && exists(path + "/fonts/fonts.conf")
        }
        if let home = Platform.environmentValue("QUIRE_HOME"), !home.isEmpty {
            return Resources(root: URL(fileURLWithPath: home))
        }
        for start in [parentFolder(Platform.executable.path), parentFolder(#filePath)] {
            var path = start
            for _ in 0..<8 {
                if holdsResources(path) { return Resources(root: URL(fileURLWithPath: path, isDirectory: true)) }
                path = parentFolder(path)
            }
        }
        return Resources(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// The folder holding `path` ("/" for "/" and for a top-level name).
    private static func parentFolder(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        let parent = trimmed[..<slash]
        return parent.isEmpty ? "/" : String(parent)
    }
}
