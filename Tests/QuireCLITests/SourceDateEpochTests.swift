import Foundation
import QuireTestSupport
import Testing

/// A paper with no date takes its PDF creation date from SOURCE_DATE_EPOCH, never the clock.
@Suite struct SourceDateEpochTests {
    /// A Quire home whose only layout needs no date, sharing the bundled fonts.
    func home(in scratch: Scratch) throws -> URL {
        let home = scratch.root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("layouts"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: home.appendingPathComponent("fonts"), withDestinationURL: repositoryRoot.appendingPathComponent("fonts"))
        try "name: plain\ndescription: No required fields\nheader-block:\n  required: [subject]\n"
            .write(to: home.appendingPathComponent("layouts/plain.yaml"), atomically: true, encoding: .utf8)
        return home
    }

    @Test func undatedPaperUsesSourceDateEpoch() throws {
        let scratch = try Scratch()
        let home = try home(in: scratch)
        try scratch.write("paper.md", "---\nlayout: plain\nsubject: An undated note\n---\n# Note\n\nText.\n")
        let environment = ["QUIRE_HOME": home.path, "SOURCE_DATE_EPOCH": "1500000000"]
        for output in ["a.pdf", "b.pdf"] {
            let result = try scratch.quire(["render", "paper.md", "-o", output], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(scratch.contents(of: "a.pdf") == scratch.contents(of: "b.pdf"))
        let text = try run("pdfinfo", [scratch.work.appendingPathComponent("a.pdf").path]).out
        #expect(text.contains("Fri Jul 14 02:40:00 2017 UTC"), "\(text)")
    }
}
