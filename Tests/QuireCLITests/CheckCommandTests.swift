import Foundation
import QuireTestSupport
import Testing

/// `quire check` on what `quire render` writes, and on a PDF without tags.
@Suite struct CheckCommandTests {
    func render(_ name: String, in scratch: Scratch, _ extra: [String] = []) throws -> String {
        let result = try scratch.quire(["render", example(name).path, "-o", "\(name).pdf"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return scratch.work.appendingPathComponent("\(name).pdf").path
    }

    @Test(arguments: ["kscb-2016-17", "kscb-2012-13", "cabinet-decision-2017", "kscb-annual-report"])
    func everyExamplePasses(_ name: String) throws {
        let scratch = try Scratch()
        let pdf = try render(name, in: scratch)
        let result = try scratch.quire(["check", pdf])
        #expect(result.status == 0, "\(result.stdout)")
        for check in ["tagged", "language", "title", "headings", "tables", "figures", "artifacts", "fonts"] {
            #expect(result.stdout.split(separator: "\n").contains { $0.hasPrefix("pass  \(check)") },
                    "\(check): \(result.stdout)")
        }
    }

    @Test func pdfaIsRequiredOnlyWhenAsked() throws {
        let scratch = try Scratch()
        let report = try render("kscb-annual-report", in: scratch)
        let paper = try render("kscb-2016-17", in: scratch)
        #expect(try scratch.quire(["check", "--pdfa", report]).status == 0)
        let plain = try scratch.quire(["check", "--pdfa", paper])
        #expect(plain.status == 1)
        #expect(plain.stdout.contains("FAIL  pdfa"))
        let archival = try render("kscb-2016-17", in: scratch, ["--pdfa"])
        #expect(try scratch.quire(["check", "--pdfa", archival]).status == 0)
    }

    @Test func treeListsHeadingsAndNumberedParagraphsInReadingOrder() throws {
        let scratch = try Scratch()
        let result = try scratch.quire(["check", "--tree", try render("kscb-2016-17", in: scratch)])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let introduction = try #require(lines.firstIndex { $0.contains("H1 [p.1] \"1. Introduction\"") }, "\(result.stdout)")
        let firstLabel = try #require(lines.firstIndex { $0.contains("Lbl [p.1] \"(1)\"") })
        #expect(introduction < firstLabel)
        #expect(lines.contains { $0.contains("TH [p.1] \"To:\"") })
    }

    @Test func untaggedPDFFails() throws {
        let scratch = try Scratch()
        let tagged = try render("kscb-2016-17", in: scratch)
        // pdftocairo redraws the pages without any structure.
        let untagged = scratch.work.appendingPathComponent("untagged.pdf").path
        try run("pdftocairo", ["-pdf", tagged, untagged])
        let result = try scratch.quire(["check", untagged])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL  tagged"))
        #expect(result.stdout.contains("FAIL  language"))
    }

    @Test func unreadableFileIsAnInputError() throws {
        let scratch = try Scratch()
        try scratch.write("not.pdf", "hello")
        let result = try scratch.quire(["check", "not.pdf"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("not.pdf"))
    }
}
