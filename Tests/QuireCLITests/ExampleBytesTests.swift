import Foundation
import QuireTestSupport
import Testing

/// Every example's output, byte for byte, against the SHA-256 recorded before the code under
/// it was restructured (Tests/Fixtures/example-hashes.txt): papers as PDF and PDF/A, the
/// three committee packs and the example archive. A change that moves one byte fails here,
/// so a refactoring cannot pass as "the same" by looking alike.
@Suite struct ExampleBytesTests {
    @Test func everyExampleRendersTheRecordedBytes() throws {
        let recorded = try recordedHashes()
        let scratch = try Scratch()
        let out = scratch.work
        var made: [String] = []
        let examples = repositoryRoot.appendingPathComponent("examples")
        var papers = try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted()
            .filter { FileManager.default.fileExists(atPath: examples.appendingPathComponent("\($0)/paper.md").path) }.map { "\($0)/paper.md" }
        let meeting = "county-council-2017-10-19"
        papers += try FileManager.default.contentsOfDirectory(atPath: examples.appendingPathComponent(meeting).path).sorted()
            .filter { $0.hasSuffix(".md") }.map { "\(meeting)/\($0)" }
        for paper in papers {
            let name = String(paper.dropLast(3)).replacingOccurrences(of: "/", with: "__")
            for (suffix, flags) in [(".pdf", [String]()), (".pdfa.pdf", ["--pdfa"])] {
                let result = try scratch.quire(["render", examples.appendingPathComponent(paper).path] + flags + ["-o", name + suffix])
                #expect(result.status == 0, "\(paper): \(result.stderr)")
                made.append(name + suffix)
            }
        }
        let pack = examples.appendingPathComponent("\(meeting)/pack.yaml").path
        for (name, flags) in [("pack-public.pdf", [String]()), ("pack-full-print.pdf", ["--full", "--print"]), ("pack-supplement.pdf", ["--supplement"])] {
            let result = try scratch.quire(["pack", pack, "--root", examples.path] + flags + ["-o", name])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            made.append(name)
        }
        let archive = try scratch.quire(["regenerate", examples.appendingPathComponent("archive").path, "--root", examples.path, "--out", "archive"])
        #expect(archive.status == 0, "\(archive.stderr)")
        let archived = try FileManager.default.subpathsOfDirectory(atPath: out.appendingPathComponent("archive").path)
            .filter { $0.hasSuffix(".pdf") }.map { "archive/" + $0 }
        made += archived
        let hashes = try Dictionary(uniqueKeysWithValues: made.map { ($0, try sha256(out.appendingPathComponent($0))) })
        #expect(Set(hashes.keys) == Set(recorded.keys), "outputs made differ from those recorded")
        for (file, hash) in hashes.sorted(by: { $0.key < $1.key }) {
            #expect(recorded[file] == hash, "\(file) is no longer byte-identical to the recorded render")
        }
    }

    /// `hash  path` lines; `#` lines are comments.
    private func recordedHashes() throws -> [String: String] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/example-hashes.txt"), encoding: .utf8)
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            out[parts[1]] = parts[0]
        }
        return out
    }

    /// The file's SHA-256 by `sha256sum`, a tool Quire did not write.
    private func sha256(_ url: URL) throws -> String {
        String(try run("sha256sum", [url.path]).out.prefix(64))
    }
}
