import Foundation
@testable import QuireImport
import Testing

/// Page furniture and paragraph gaps in PDF text, from line boxes made up here (no PDF needed).
@Suite struct CleanLinesTests {
    /// A page of lines 14 pt apart from y = 90, with gaps where a line is nil; a running header
    /// at the top and "Page N of M" at the foot. `short` lines stop well before the margin.
    func page(_ number: Int, of count: Int, _ body: [String?], firstLine: Int, short: Set<String> = []) -> PDFPageText {
        var lines = [PDFLine(number: firstLine, text: "Cabinet Committee – 21 November 2017", top: 40, bottom: 49, left: 72, right: 300)]
        var y = 90.0
        for text in body {
            if let text {
                lines.append(PDFLine(number: firstLine + lines.count, text: text, top: y, bottom: y + 11, left: 72, right: short.contains(text) ? 200 : 523))
            }
            y += 14
        }
        lines.append(PDFLine(number: firstLine + lines.count, text: "Page \(number) of \(count)", top: 800, bottom: 809, left: 280, right: 320))
        return PDFPageText(number: number, height: 842, lines: lines)
    }

    @Test func furnitureGoesAndGapsBecomeBlankLines() {
        let pages = [
            page(1, of: 2, ["By: Jane Smith", nil, "(1) A paragraph that runs", "to the foot of the page"], firstLine: 1),
            page(2, of: 2, ["and on overleaf.", nil, "(2) Next."], firstLine: 7, short: ["and on overleaf.", "(2) Next."]),
        ]
        let text = cleanLines(pages, file: "old.pdf")
        #expect(text.lines.map(\.text) == ["By: Jane Smith", "", "(1) A paragraph that runs", "to the foot of the page", "and on overleaf.", "", "(2) Next."])
        #expect(text.lines.map(\.page) == [1, 1, 1, 1, 2, 2, 2])
        #expect(text.furniture.map(\.text) == ["Cabinet Committee – 21 November 2017", "Page 1 of 2", "Cabinet Committee – 21 November 2017", "Page 2 of 2"])
    }

    @Test func aShortLastLineEndsTheParagraphAtThePageBreak() {
        let pages = [
            page(1, of: 2, ["(1) A paragraph that ends", "here."], firstLine: 1, short: ["here."]),
            page(2, of: 2, ["A new paragraph."], firstLine: 5),
        ]
        #expect(cleanLines(pages, file: "old.pdf").lines.map(\.text) == ["(1) A paragraph that ends", "here.", "", "A new paragraph."])
    }

    @Test func aBarePageNumberGoesEvenOnOnePage() {
        let lines = [
            PDFLine(number: 1, text: "By: Jane Smith", top: 90, bottom: 101, left: 72, right: 300),
            PDFLine(number: 2, text: "12", top: 300, bottom: 311, left: 72, right: 90),
            PDFLine(number: 3, text: "7", top: 800, bottom: 809, left: 290, right: 300),
        ]
        let text = cleanLines([PDFPageText(number: 1, height: 842, lines: lines)], file: "old.pdf")
        // "12" is not near the page's edge, so it is text (a figure on its own line).
        #expect(text.lines.map(\.text).filter { !$0.isEmpty } == ["By: Jane Smith", "12"])
        #expect(text.furniture.map(\.reason) == ["page number"])
    }
}
