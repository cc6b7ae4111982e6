import Foundation
@testable import QuireImport
@testable import QuireImportPDF
import QuireModel
import QuireTestSupport
import Testing

/// A legacy paper given as a PDF: each seed typeset plainly by reportlab (not by Quire, so the
/// importer meets someone else's PDF) with a running header and "Page N" footers, which must
/// be dropped, and paragraphs split across pages, which must be joined.
@Suite struct PDFImportTests {
    /// Draws a text file line by line, wrapped to the measure, a blank line as a gap; a
    /// running header and a page number on every page.
    static let script = """
        import sys
        from reportlab.pdfgen import canvas
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.lib.utils import simpleSplit
        src, out, font = sys.argv[1:4]
        pdfmetrics.registerFont(TTFont("Body", font))
        c = canvas.Canvas(out, pagesize=A4, invariant=1)
        W, H = A4
        page, y = 0, 0
        def new_page():
            global page, y
            if page: c.showPage()
            page += 1; y = H - 90
            c.setFont("Body", 9)
            c.drawString(72, H - 50, "Kent County Council \\u2013 Committee Paper")
            c.drawCentredString(W / 2, 40, "Page %d" % page)
            c.setFont("Body", 11)
        new_page()
        for raw in open(src, encoding="utf-8").read().split("\\n"):
            line = raw.replace("\\t", "    ").rstrip()
            for part in (simpleSplit(line, "Body", 11, W - 144) if line.strip() else [""]):
                if y < 80: new_page()
                c.drawString(72, y, part); y -= 14
        c.save()
        """

    /// A seed as a PDF in a scratch folder.
    func seedPDF(_ prefix: String) throws -> (pdf: String, text: String) {
        let missing = missingPythonModule("reportlab", package: "reportlab")
        try #require(missing == nil, "\(missing ?? "")")
        let (path, text) = try seed(prefix)
        let folder = try scratchDirectory()
        let scriptPath = folder.appendingPathComponent("make-pdf.py").path
        try Self.script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("\(prefix)seed.pdf").path
        let font = repositoryRoot.appendingPathComponent("fonts/LiberationSans-Regular.ttf").path
        let made = try run("python3", [scriptPath, path, pdf, font])
        try #require(made.status == 0, "reportlab could not make the PDF: \(made.err)")
        return (pdf, text)
    }

    @Test(arguments: ["000_", "002_"]) func pdfGivesTheSameHeaderAsTheText(seed prefix: String) throws {
        let (pdf, text) = try seedPDF(prefix)
        let fromPDF = try importPaper(try readImportDocument(try Data(contentsOf: URL(fileURLWithPath: pdf)), file: pdf))
        let fromText = try importText(text, file: "\(prefix)seed.txt")
        // The same header, but for the file each came from.
        var pdfMatter = fromPDF.paper.frontMatter, textMatter = fromText.paper.frontMatter
        pdfMatter[.importedFrom] = nil
        textMatter[.importedFrom] = nil
        pdfMatter.lines = [:]
        textMatter.lines = [:]
        #expect(pdfMatter == textMatter)
        // Furniture went: the running header and the page numbers, from every page.
        let pages = Set(fromPDF.furniture.compactMap(\.place.page))
        #expect(pages.count >= 2)
        #expect(fromPDF.furniture.filter { $0.text.hasPrefix("Page ") }.count == pages.count)
        #expect(fromPDF.furniture.filter { $0.text.contains("Committee Paper") }.count == pages.count)
        let source = fromPDF.source
        #expect(!source.contains("Committee Paper"))
        #expect(source.range(of: #"Page \d"#, options: .regularExpression) == nil)
        #expect(fromPDF.unplaced.isEmpty, "unplaced: \(fromPDF.unplaced)")
    }

    @Test(arguments: ["000_", "002_"]) func pdfBodyMatchesTheTextBody(seed prefix: String) throws {
        let (pdf, text) = try seedPDF(prefix)
        let fromPDF = try importPaper(try readImportDocument(try Data(contentsOf: URL(fileURLWithPath: pdf)), file: pdf))
        let fromText = try importText(text, file: "\(prefix)seed.txt")
        // Blocks compared without the source lines they came from (the PDF counts its own).
        func body(_ result: ImportResult) -> [String] { result.paper.body.map { blockTexts($0).joined(separator: " | ") } }
        for (index, pair) in zip(body(fromPDF), body(fromText)).enumerated() where pair.0 != pair.1 {
            Issue.record("block \(index) differs:\n  from PDF:  \(pair.0)\n  from text: \(pair.1)")
        }
        #expect(fromPDF.paper.body.count == fromText.paper.body.count)
    }

    @Test(arguments: ["000_", "002_"]) func everyWordOfThePDFIsInTheRenderedPDF(seed prefix: String) throws {
        let (pdf, text) = try seedPDF(prefix)
        let result = try importPaper(try readImportDocument(try Data(contentsOf: URL(fileURLWithPath: pdf)), file: pdf))
        let problems = missingWords(legacy: text, rendered: try renderedText(result))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func brokenPDFIsALocatedError() throws {
        let data = Data("%PDF-1.4\nthis is not really a PDF\n".utf8)
        #expect {
            _ = try readImportDocument(data, file: "broken.pdf")
        } throws: { error in
            "\(error)".hasPrefix("broken.pdf:1: error: the file cannot be read as a PDF")
        }
    }
}
