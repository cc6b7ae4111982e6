import Foundation
import QuireTestSupport
import Testing

/// The CLI measures what a PDF or image would decode before decoding it: `quire check` and
/// `quire pack` refuse a small PDF that inflates to gigabytes, and `quire render` a PNG that
/// declares 400 megapixels, each with exit 2 and the bound in the message.
@Suite struct DecodeBoundsCommandTests {
    @Test func checkRefusesAContentStreamBombWithExit2() throws {
        let scratch = try Scratch()
        try scratch.write("bomb.pdf", contentBombPDF(contentBytes: 100_000_000))
        let result = try scratch.quire(["check", "bomb.pdf"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("decompresses to more than 8 MiB"), "\(result.stderr)")
    }

    @Test func packRefusesAnAppendixBombAtItsLine() throws {
        let scratch = try Scratch()
        try scratch.write("bomb.pdf", contentBombPDF(contentBytes: 100_000_000))
        try scratch.write("own.md", SymlinkPolicyTests.paper())
        try scratch.write("pack.yaml", SymlinkPolicyTests.manifest(paper: "own.md", pdf: "bomb.pdf"))
        let result = try scratch.quire(["pack", "pack.yaml", "-o", "pack.pdf"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("pack.yaml:") && result.stderr.contains("error: field 'pdf': the PDF 'bomb.pdf' has a stream (object 4) that decompresses to more than 8 MiB"),
                "\(result.stderr)")
        #expect(!scratch.exists("pack.pdf"))
    }

    @Test func renderRefusesAPNGDeclaring400MegapixelsAtItsLine() throws {
        let scratch = try Scratch()
        try scratch.write("huge.png", bombPNG(width: 20000, height: 20000))
        try scratch.write("paper.md", SymlinkPolicyTests.paper(body: "A figure:\n\n![A huge figure](huge.png)"))
        let result = try scratch.quire(["render", "paper.md", "-o", "out.pdf"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("paper.md:15: error: field 'image': image 'huge.png' declares 20000×20000 pixels"), "\(result.stderr)")
    }
}
