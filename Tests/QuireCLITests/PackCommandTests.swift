import Foundation
import QuireTestSupport
import Testing

/// `quire pack` as a user runs it: both editions written, and bad manifests refused with
/// the manifest's file and line, nothing half-written.
@Suite struct PackCommandTests {
    let folder = repositoryRoot.appendingPathComponent("examples/county-council-2017-10-19")

    /// A copy of the example pack's folder, to break things in.
    func copy(in scratch: Scratch) throws -> URL {
        let copy = scratch.root.appendingPathComponent("meeting")
        try FileManager.default.copyItem(at: folder, to: copy)
        // The papers are links to the other examples, relative ones, leading out of the copy:
        // copy the folders they lead to in their place.
        let papers = copy.appendingPathComponent("papers")
        for name in try FileManager.default.contentsOfDirectory(atPath: papers.path) {
            let link = papers.appendingPathComponent(name)
            try FileManager.default.removeItem(at: link)
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/\(name)"), to: link)
        }
        return copy
    }

    @Test func publicAndFullPacksAreWritten() throws {
        let scratch = try Scratch()
        let manifest = folder.appendingPathComponent("pack.yaml").path
        // Its papers link the other examples: the examples' folder is the pack's root.
        let root = ["--root", repositoryRoot.appendingPathComponent("examples").path]
        #expect(try scratch.quire(["pack", manifest] + root + ["-o", "public.pdf"]).status == 0)
        #expect(try scratch.quire(["pack", manifest] + root + ["--full", "--print", "-o", "full.pdf"]).status == 0)
        #expect(scratch.contents(of: "public.pdf")?.isPDF == true)
        #expect(scratch.contents(of: "full.pdf")?.isPDF == true)
        #expect(try scratch.listing() == ["full.pdf", "public.pdf"])
    }

    struct Case: CustomStringConvertible, Sendable {
        var name: String
        /// Changes the copied folder (manifest text, files).
        var change: @Sendable (URL) throws -> Void
        var mentions: [String]
        var description: String { name }
    }

    static func edit(_ old: String, _ new: String) -> @Sendable (URL) throws -> Void {
        { folder in
            let url = folder.appendingPathComponent("pack.yaml")
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        }
    }

    static let cases: [Case] = [
        Case(name: "missing paper", change: edit("paper: exempt-land-disposal.md", "paper: exempt-land.md"),
             mentions: ["pack.yaml:", "'exempt-land.md' was not found"]),
        Case(name: "missing appendix", change: { try FileManager.default.removeItem(at: $0.appendingPathComponent("appendix-a-business-plan.pdf")) },
             mentions: ["pack.yaml:", "appendix-a-business-plan.pdf"]),
        Case(name: "encrypted appendix", change: { folder in
            let path = folder.appendingPathComponent("appendix-a-business-plan.pdf").path
            try run("qpdf", ["--encrypt", "user", "owner", "256", "--", path, "--replace-input"])
        }, mentions: ["pack.yaml:", "is encrypted"]),
        Case(name: "broken appendix", change: { try Data("%PDF-1.4\nnot really".utf8).write(to: $0.appendingPathComponent("appendix-a-business-plan.pdf")) },
             mentions: ["pack.yaml:", "cannot be read as a PDF"]),
        Case(name: "exempt without a paragraph", change: edit("exempt: 3", "exempt: true"), mentions: ["pack.yaml:", "Schedule 12A"]),
        Case(name: "duplicate item number", change: edit("  - number: 6", "  - number: 5"), mentions: ["pack.yaml:", "5"]),
    ]

    @Test(arguments: cases)
    func badManifestExitsTwoWithLocationAndNoOutput(_ bad: Case) throws {
        let scratch = try Scratch()
        let meeting = try copy(in: scratch)
        try bad.change(meeting)
        let result = try scratch.quire(["pack", meeting.appendingPathComponent("pack.yaml").path, "--full", "-o", "pack.pdf"])
        #expect(result.status == 2, "\(bad.name): \(result.stderr)")
        for phrase in bad.mentions { #expect(result.stderr.contains(phrase), "\(bad.name): \(result.stderr)") }
        #expect(try scratch.listing().isEmpty, "nothing is written")
    }
}
