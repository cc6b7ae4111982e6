import Foundation
import QuireTestSupport
import Testing

/// ARCHITECTURE.md draws the target graph once; this keeps it Package.swift's, so a new
/// dependency cannot land without the document saying so.
@Suite struct ArchitectureDocumentTests {
    @Test func theGraphAndTableAreThePackagesOwn() throws {
        // A scratch path of its own: `swift test` holds the lock on the package's .build.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("quire-dump-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let dump = try runProcess("swift", ["package", "--scratch-path", scratch.path, "dump-package"], in: repositoryRoot, timeout: 120)
        #expect(dump.status == 0, "\(dump.stderr)")
        let package = try #require(try JSONSerialization.jsonObject(with: dump.stdoutData) as? [String: Any])
        let targets = try #require(package["targets"] as? [[String: Any]])
        let built = targets.filter { !["system", "test"].contains($0["type"] as? String ?? "") }
        let graph = built.map { target in
            let name = target["name"] as? String ?? "?"
            let dependencies = (target["dependencies"] as? [[String: Any]] ?? []).map(Self.dependencyName)
            return name.padding(toLength: 16, withPad: " ", startingAt: 0) + " ← " + (dependencies.isEmpty ? "—" : dependencies.joined(separator: ", "))
        }
        let document = try String(contentsOf: repositoryRoot.appendingPathComponent("ARCHITECTURE.md"), encoding: .utf8)
        let drawn = document.components(separatedBy: "\n").filter { $0.contains(" ← ") }
        #expect(drawn == graph, "redraw ARCHITECTURE.md's graph from `swift package dump-package`:\n\(graph.joined(separator: "\n"))")
        // The table has a row for every target, naming its dependencies among the targets.
        for target in built {
            let name = target["name"] as? String ?? "?"
            let row = document.components(separatedBy: "\n").first { $0.hasPrefix("| `\(name)` |") }
            #expect(row != nil, "ARCHITECTURE.md's table has no row for \(name)")
            for dependency in (target["dependencies"] as? [[String: Any]] ?? []).map(Self.dependencyName)
            where dependency.hasPrefix("Quire") && dependency != "QuireTestSupport" {
                #expect(row?.components(separatedBy: " | ").last?.contains(dependency) == true, "\(name)'s row names \(dependency)")
            }
        }
    }

    /// A dependency as the graph writes it: a target by name, a package's product with `*`.
    static func dependencyName(_ dependency: [String: Any]) -> String {
        if let names = dependency["byName"] as? [Any], let name = names.first as? String { return name }
        if let names = dependency["target"] as? [Any], let name = names.first as? String { return name }
        if let names = dependency["product"] as? [Any], let name = names.first as? String { return name + "*" }
        return "?"
    }
}
