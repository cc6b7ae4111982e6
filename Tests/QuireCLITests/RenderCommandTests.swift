import Foundation
import QuireTestSupport
import Testing

/// `quire render` of good papers: PDF by default, `-o` honoured, `--png` page previews.
@Suite struct RenderCommandTests {
    @Test(arguments: examples)
    func rendersExampleToTheOutputPath(_ name: String) throws {
        let scratch = try Scratch()
        let result = try scratch.quire(["render", example(name).path, "-o", "rendered.pdf"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let pdf = try #require(scratch.contents(of: "rendered.pdf"))
        #expect(pdf.isPDF)
        #expect(pdf.count > 1000)
        #expect(try scratch.listing() == ["rendered.pdf"])
    }

    @Test func defaultOutputIsTheSourceNameWithPDF() throws {
        let scratch = try Scratch()
        try scratch.write("paper.md", try Data(contentsOf: example("kscb-2016-17")))
        let result = try scratch.quire(["render", "paper.md"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(scratch.contents(of: "paper.pdf")?.isPDF == true)
        #expect(try scratch.listing() == ["paper.md", "paper.pdf"])
    }

    @Test(arguments: examples)
    func pngWritesOnePreviewPerPage(_ name: String) throws {
        let scratch = try Scratch()
        let result = try scratch.quire(["render", example(name).path, "--png", "pages"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: scratch.work.appendingPathComponent("pages").path)
        #expect(pages.contains("page-1.png"))
        #expect(Set(pages) == Set((1...pages.count).map { "page-\($0).png" }))
        for page in pages {
            #expect(scratch.contents(of: "pages/\(page)")?.isPNG == true, "\(page) is not a PNG")
        }
        // --png alone writes no PDF.
        #expect(try scratch.listing() == ["pages"])
    }

    @Test func pngAndOutputTogetherWriteBoth() throws {
        let scratch = try Scratch()
        let result = try scratch.quire(["render", example("kscb-2012-13").path, "--png", "pages", "-o", "paper.pdf"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(scratch.contents(of: "paper.pdf")?.isPDF == true)
        #expect(scratch.contents(of: "pages/page-1.png")?.isPNG == true)
    }
}
