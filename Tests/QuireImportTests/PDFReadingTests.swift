import Foundation
@testable import QuireImport
@testable import QuireImportPDF
import QuireModel
import QuireTestSupport
import Testing

/// The PDF route: words with their boxes and fonts from poppler, rules and boxes from the
/// content stream, read by the same geometry passes as the text route.
@Suite struct PDFReadingTests {
    static let pdfs = ["city-paper.pdf", "county-paper.pdf", "split-section.pdf", "drawn-paper.pdf"]

    func read(_ name: String) throws -> ImportDocument { try readImportDocument(try readingFixture(name), file: name) }

    func rows(_ table: ImportTable) -> [[String]] { table.rows.map { $0.map { $0.isCovered ? "<" : $0.text } } }

    /// Nothing lost, nothing read twice: every word pdftotext finds in the PDF is in a block
    /// or in the furniture, once.
    @Test(arguments: pdfs) func everyWordOnce(name: String) throws {
        let path = readingFixtures.appendingPathComponent(name).path
        let extracted = try run("pdftotext", ["-enc", "UTF-8", path, "-"])
        try #require(extracted.status == 0, "pdftotext failed: \(extracted.err)")
        let document = try read(name)
        let ledger = wordLedger(input: extracted.out.split(whereSeparator: \.isWhitespace).map(String.init), output: documentWords(document))
        #expect(ledger.missing.isEmpty, "lost: \(ledger.missing)\n\(document.dump)")
        #expect(ledger.extra.isEmpty, "twice or made up: \(ledger.extra)\n\(document.dump)")
    }

    /// Where the text export holds the same information, both routes give the same blocks:
    /// the same paragraphs with the same markers and text, the same tables cell for cell. A
    /// text export cannot show whether an empty heading cell under another is merged into it
    /// (a PDF's rule between them can), so covered and empty compare alike.
    @Test(arguments: ["city-paper", "county-paper"]) func bothRoutesAgree(name: String) throws {
        func shape(_ document: ImportDocument) -> [String] {
            document.blocks.map { block in
                switch block {
                case .paragraph(let p): "paragraph \(p.marker ?? "-") \(p.text)"
                case .table(let t): "table header=\(t.headerRows) " + t.rows.map { $0.map { $0.isCovered ? "" : $0.text }.joined(separator: " | ") }.joined(separator: " // ")
                case .image(let i): "image \(i.name)"
                }
            }
        }
        let pdf = shape(try read(name + ".pdf")), text = shape(try read(name + ".txt"))
        for (index, (a, b)) in zip(pdf, text).enumerated() where a != b { Issue.record("block \(index):\n  PDF:  \(a)\n  text: \(b)") }
        #expect(pdf.count == text.count)
        let furniture = (try read(name + ".pdf")).furniture.map(\.text), textFurniture = (try read(name + ".txt")).furniture.map(\.text)
        #expect(Set(furniture) == Set(textFurniture))
    }

    /// The city paper's ruled financial table: one table over three pages, its merged year
    /// headings from the missing rules, the repeated header rows dropped, the row the page
    /// break cut joined again; headings by size and weight.
    @Test func cityPaperTable() throws {
        let document = try read("city-paper.pdf")
        let money = try #require(document.tables.first { $0.ruled })
        #expect(money.continuesAcrossPages && money.headerRows == 2 && money.rows.count == 36)
        #expect(rows(money)[0] == ["Scheme", "Budget £m", "<", "Spend £m", "<"])
        #expect(rows(money)[20] == ["Old Town planting scheme 19", "3.0", "", "1.30", "4.0"])
        #expect(money.rows[2][1].alignedRight == false)
        let grid = try #require(document.tables.first)
        #expect(!grid.ruled && rows(grid)[2] == ["REPORT TITLE:", "TREE PLANTING PROGRAMME FOR THE NORTH AND SOUTH OF THE DISTRICT"])
        let heading = try #require(document.paragraphs.first { $0.text == "Purpose of Report" })
        #expect(heading.isBold && heading.sizeRatio > 1.1)
        let body = try #require(document.paragraphs.first { $0.text.hasPrefix("To set out") })
        #expect(!body.isBold && abs(body.sizeRatio - 1) < 0.01)
        #expect(document.marking == "OFFICIAL")
    }

    /// Section numbers written as their own text runs stay apart from their titles, and
    /// nothing is read twice (the import case `make-split-section-pdf.py`).
    @Test func sectionNumbersApartFromTitles() throws {
        let document = try read("split-section.pdf")
        let numbered = document.paragraphs.filter { $0.marker != nil }
        #expect(numbered.map { "\($0.marker!) \($0.text)" } == ["1. Introduction", "1.1 The council plants trees each winter in every ward of the district, using volunteers.",
                                                               "1.2 Planting starts in November.", "2. Costs", "2.1 The programme costs less than last year."])
        let header = try #require(document.tables.first)
        #expect(rows(header).map(\.first) == ["From:", "To:", "Subject:", "Classification:", "Summary:", "Recommendation:"])
    }

    /// What only a PDF shows: headings by size and weight, bold and italic spans, boxed
    /// panels (shaded and outlined), a ruled table drawn in a form XObject at half scale with a
    /// merged cell where a rule is missing, borders drawn as thin filled rectangles; and the
    /// reading order of the page, not of the drawing (labels drawn after their values).
    @Test func drawnPaper() throws {
        let document = try read("drawn-paper.pdf")
        let title = try #require(document.paragraphs.first)
        #expect(title.text == "Tree planting programme" && title.isBold && abs(title.sizeRatio - 16.0 / 11) < 0.01)
        let grid = try #require(document.tables.first)
        #expect(!grid.ruled && rows(grid) == [["Report to:", "Parks Committee"], ["Date:", "4 June 2025"], ["Report of:", "Director of Green Spaces"], ["Ward(s):", "All"]])
        #expect(grid.rows[0][0].paragraphs.first?.isBold == true && grid.rows[0][1].paragraphs.first?.isBold == false)

        let background = try #require(document.paragraphs.first { $0.text.hasPrefix("Background:") })
        #expect(background.inlines == [.strong([.text("Background:")]), .text(" The council plants trees each winter in every ward of the district, and the programme is "),
                                       .emphasis([.text("reviewed")]), .text(" by the committee each year. Volunteers "), .strong([.text("must")]), .text(" be trained.")])
        #expect(!background.isBold && !background.boxed)

        let boxed = document.paragraphs.filter(\.boxed).map(\.text)
        #expect(boxed == ["Summary", "This report sets out the planting plan for the year and asks the committee to agree it.",
                          "Recommendation", "That the committee approves the planting plan."])

        let wards = try #require(document.tables.first { $0.ruled })
        #expect(rows(wards) == [["Ward", "Oaks", "Birches", "Rowans"], ["North", "120", "80", "40"], ["South", "", "65", "30"], ["Total (all wards)", "<", "145", "70"]])
        #expect(wards.rows[3][0].columnSpan == 2)
        #expect(wards.headerRows == 1)
        #expect(wards.rows[1][1].alignedRight && !wards.rows[1][0].alignedRight)

        let costs = try #require(document.tables.last)
        #expect(costs.ruled && rows(costs) == [["Year", "Budget", "Spend"], ["2024/25", "1,200", "(300)"], ["2025/26", "1,350", ""]])
        #expect(document.marking == "OFFICIAL")
        #expect(Set(document.furniture.map(\.text)) == ["Parks Committee – 4 June 2025", "OFFICIAL", "Page 1 of 2", "Page 2 of 2"])
    }

    @Test func brokenPDFIsALocatedError() {
        #expect {
            _ = try readImportDocument(Data("%PDF-1.4\nthis is not really a PDF\n".utf8), file: "broken.pdf")
        } throws: { error in
            "\(error)".hasPrefix("broken.pdf:1: error: the file cannot be read as a PDF")
        }
    }
}

extension PDFReadingTests {
    /// A PDF that needs a password says so.
    @Test func encryptedPDFIsNamed() throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let locked = folder.appendingPathComponent("locked.pdf").path
        let made = try run("qpdf", ["--encrypt", "secret", "owner", "256", "--", readingFixtures.appendingPathComponent("split-section.pdf").path, locked])
        try #require(made.status == 0, "qpdf could not encrypt: \(made.err)")
        #expect {
            _ = try readImportDocument(try Data(contentsOf: URL(fileURLWithPath: locked)), file: "locked.pdf")
        } throws: { error in
            "\(error)".hasPrefix("locked.pdf:1: error: the PDF is encrypted")
        }
    }
}
