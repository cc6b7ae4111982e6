public import Foundation
import QuireModel

/// Where Quire's house styles, fonts and assets live: `$QUIRE_HOME`, else the first folder
/// holding `layouts/` and `fonts/` found walking up from the executable, else the current
/// directory (a checkout).
public struct Resources: Sendable {
    public var root: URL
    public var layouts: URL { root.appendingPathComponent("layouts") }
    public var fonts: URL { root.appendingPathComponent("fonts") }
    public var assets: URL { root.appendingPathComponent("assets") }

    public init(root: URL) { self.root = root.standardizedFileURL }

    public static func locate() -> Resources {
        let fm = FileManager.default
        func holdsResources(_ url: URL) -> Bool {
            fm.fileExists(atPath: url.appendingPathComponent("layouts").path) && fm.fileExists(atPath: url.appendingPathComponent("fonts/fonts.conf").path)
        }
        if let home = ProcessInfo.processInfo.environment["QUIRE_HOME"], !home.isEmpty {
            return Resources(root: URL(fileURLWithPath: home))
        }
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() { candidates.append(executable.deletingLastPathComponent()) }
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
