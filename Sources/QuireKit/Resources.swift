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
    public static func layoutPath(from environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        (environment["QUIRE_LAYOUTS"] ?? "").split(separator: ":").filter { !$0.isEmpty }.map { URL(fileURLWithPath: String($0)) }
    }

    public static func locate() -> Resources {
        var found = findRoot()
        found.layoutPath = layoutPath().map(\.standardizedFileURL)
        return found
    }

    private static func findRoot() -> Resources {
        let fm = FileManager.default
        func holdsResources(_ url: URL) -> Bool {
            fm.fileExists(atPath: url.appendingPathComponent("layouts").path) && fm.fileExists(atPath: url.appendingPathComponent("fonts/fonts.conf").path)
        }
        if let home = ProcessInfo.processInfo.environment["QUIRE_HOME"], !home.isEmpty {
            return Resources(root: URL(fileURLWithPath: home))
        }
        var candidates: [URL] = []
        candidates.append(Platform.executable.deletingLastPathComponent())
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent())
        for start in candidates {
            var url = start
            for _ in 0..<8 {
                if holdsResources(url) { return Resources(root: url) }
                url = url.deletingLastPathComponent()
            }
        }
        return Resources(root: URL(fileURLWithPath: fm.currentDirectoryPath))
    }
}
