import Foundation
@testable import QuireImport
import QuireModel
import Testing

/// The text route: `pdftotext -layout` exports (and plain text) read into the import document.
/// Fixtures: the import cases (r*.txt) and two papers written with python-docx and exported
/// by LibreOffice and pdftotext (`Tests/Fixtures/import-reading/generate.py`).
@Suite struct TextReadingTests {
    static let texts = ["r1_blank_in_from.txt", "r2_label_own_line.txt", "r3_other_council_header.txt", "r4_table.txt", "r5_people.txt",
                        "r7_numbering.txt", "city-paper.txt", "county-paper.txt", "drawn-paper.txt"]

    func read(_ name: String) throws -> ImportDocument {
        readTextDocument(try decodeTextExport(try readingFixture(name), file: name), file: name)
    }

    func rows(_ table: ImportTable) -> [[String]] { table.rows.map { $0.map { $0.isCovered ? "<" : $0.text } } }

    /// Nothing lost, nothing read twice: every word of the export is in a block or in the
    /// furniture, once (a word the export broke over two lines may come back whole).
    @Test(arguments: texts) func everyWordOnce(name: String) throws {
        let input = String(decoding: try readingFixture(name), as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
        let document = try read(name)
        let ledger = wordLedger(input: input, output: documentWords(document))
        #expect(ledger.missing.isEmpty, "lost: \(ledger.missing)\n\(document.dump)")
        #expect(ledger.extra.isEmpty, "twice or made up: \(ledger.extra)\n\(document.dump)")
    }

    @Test(arguments: ["000_", "002_"]) func everyWordOfTheSeedsOnce(prefix: String) throws {
        let (path, text) = try seed(prefix)
        let document = readTextDocument(text, file: path)
        let ledger = wordLedger(input: text.split(whereSeparator: \.isWhitespace).map(String.init), output: documentWords(document))
        #expect(ledger.missing.isEmpty && ledger.extra.isEmpty, "lost: \(ledger.missing), extra: \(ledger.extra)")
    }

    /// r4: figures stay in their columns and the empty cells stay empty.
    @Test func tableKeepsEmptyCellsInPlace() throws {
        let document = try read("r4_table.txt")
        let tables = document.tables
        let figures = try #require(tables.last)
        #expect(rows(figures) == [["", "Oaks", "Birches", "Rowans"], ["North", "120", "80", "40"], ["South", "", "65", "30"], ["East", "90", "", "25"]])
        #expect(figures.headerRows == 1)
        #expect(!figures.ruled)
        // The paragraphs around it are paragraphs, with their numbers split off.
        #expect(document.paragraphs.map(\.marker).suffix(3) == ["1.", "1.1", "1.2"])
    }

    /// r3: labels wrapped over two lines with their values beside them make one row each.
    @Test func wrappedLabelsStayWithTheirValues() throws {
        let document = try read("r3_other_council_header.txt")
        let grid = try #require(document.tables.first)
        #expect(rows(grid) == [["REPORT TO:", "PARKS COMMITTEE"], ["DATE:", "4 JUNE 2025"], ["REPORT TITLE:", "TREE PLANTING PROGRAMME"],
                               ["RESPONSIBLE OFFICER:", "DIRECTOR OF GREEN SPACES"]])
        let texts = document.paragraphs.map(\.text)
        #expect(texts.prefix(4) == ["Purpose of Report", "To set out the planting plan for the year.", "Recommendation", "That the Committee:"])
        let item = try #require(document.paragraphs.first { $0.marker == "1)" })
        #expect(item.text == "Approves the plan.")
        #expect(item.markerIndent == 3 * TextGrid.column)
        #expect(document.paragraphs.first { $0.text == "Background" }?.isolated == true)
    }

    /// r1 and r5: a value running on over a blank line or wrapped under itself stays in its row.
    @Test func valuesRunOnInTheirRow() throws {
        let r1 = try #require(try read("r1_blank_in_from.txt").tables.first)
        #expect(rows(r1)[0] == ["From:", "Alex Example, Cabinet Member for Parks Sam Sample, Director of Green Spaces"])
        // The two people are two paragraphs of the cell, as the blank line parted them.
        #expect(r1.rows[0][1].paragraphs.map(\.text) == ["Alex Example, Cabinet Member for Parks", "Sam Sample, Director of Green Spaces"])
        let r5 = try read("r5_people.txt")
        let from = try #require(r5.tables.first)
        #expect(from.rows[0][1].paragraphs.map(\.text) == ["Deputy Leader and Cabinet Member for Parks, Leisure and Open Spaces, Alex Example",
                                                            "Director of Green Spaces, Sam Sample"])
    }

    /// r5: the two-column contact block is a table, a contact a column.
    @Test func contactBlockIsATable() throws {
        let contacts = try #require(try read("r5_people.txt").tables.last)
        #expect(rows(contacts) == [["Report Author:", "Relevant Director:"], ["Jo Bloggs", "Sam Sample"], ["Tree Officer", "Director of Green Spaces"],
                                   ["03000 111111", "03000 222222"], ["jo.bloggs@example.gov.uk", "sam.sample@example.gov.uk"]])
    }

    /// r7: recommendation numbers and paragraph numbers (with their gap) kept as printed.
    @Test func markersAsPrinted() throws {
        let markers = try read("r7_numbering.txt").paragraphs.compactMap(\.marker)
        #expect(markers == ["(1)", "(2)", "1.", "1.1", "1.3", "2.", "2.1", "2.3"])
    }

    /// The city paper: a label grid, hanging numbers, bullets and sub-bullets, a financial table
    /// with merged year headings carried over three pages, furniture and the OFFICIAL marking.
    @Test func cityPaper() throws {
        let document = try read("city-paper.txt")
        let grid = try #require(document.tables.first)
        #expect(rows(grid) == [["REPORT TO:", "PARKS COMMITTEE"], ["DATE:", "4 JUNE 2025"],
                               ["REPORT TITLE:", "TREE PLANTING PROGRAMME FOR THE NORTH AND SOUTH OF THE DISTRICT"],
                               ["RESPONSIBLE OFFICER:", "DIRECTOR OF GREEN SPACES"], ["WARD(S):", "All"]])
        let numbered = try #require(document.paragraphs.first { $0.marker == "1.1" })
        #expect(numbered.markerIndent == 0)
        #expect(numbered.indent == 10 * TextGrid.column)
        #expect(numbered.text.hasSuffix("including the Woodland Trust."))
        #expect(document.paragraphs.contains { $0.text.contains("a multi-agency group plans the sites.") })
        let bullets = document.paragraphs.filter { $0.marker == "\u{F0B7}" }
        #expect(bullets.map(\.text) == ["Schools take part in every ward",
                                        "Community groups adopt the new trees and water them through their first summer, which is when most young trees are lost",
                                        "Watering rotas are kept by the parks team", "Volunteers are insured by the council"])
        #expect(bullets[2].markerIndent! > bullets[1].markerIndent!)

        let money = try #require(document.tables.first { $0.rows.first?.first?.text == "Scheme" })
        #expect(document.tables.count == 3)
        #expect(money.continuesAcrossPages)
        #expect(money.headerRows == 2)
        #expect(money.rows.count == 2 + 34)
        #expect(rows(money)[0] == ["Scheme", "Budget £m", "<", "Spend £m", "<"])
        #expect(money.rows[0][1].columnSpan == 2 && money.rows[0][3].columnSpan == 2)
        // "Scheme" has nothing under it in the heading rows: the text shows it merged down.
        #expect(rows(money)[1] == ["<", "2024/25", "2025/26", "2024/25", "2025/26"])
        #expect(money.rows[0][0].rowSpan == 2)
        #expect(rows(money)[2] == ["North planting scheme 1", "1.2", "", "0.40", "1.0"])
        // A row broken by the page break, under the repeated header overleaf.
        #expect(rows(money)[20] == ["Old Town planting scheme 19", "3.0", "", "1.30", "4.0"])
        // A cell the export ran into the next one ("East planting 3.4").
        #expect(rows(money)[24] == ["East planting scheme 23", "3.4", "(1.5)", "1.50", "3.0"])
        #expect(rows(money).last == ["West planting scheme 34", "4.5", "", "2.05", ""])

        let contacts = try #require(document.tables.last)
        #expect(rows(contacts)[0] == ["Report Author:", "Relevant Director:"])
        #expect(rows(contacts).count == 5)

        #expect(document.marking == "OFFICIAL")
        let reasons = Dictionary(grouping: document.furniture, by: \.text)
        for page in 1...4 { #expect(reasons["Page \(page) of 4"]?.count == 1) }
        #expect(reasons["OFFICIAL"]?.count == 4)
        #expect(reasons["Version January 2024"]?.count == 4)
        #expect(document.furniture.filter { $0.reason.hasPrefix("table header row repeated") }.count == 4)
        #expect(!document.paragraphs.contains { $0.text.contains("OFFICIAL") || $0.text.contains("Page ") })
    }

    /// The county paper: running header and bare page numbers dropped, a paragraph carried
    /// over a page break joined, a label/value block set with tabs read as a table.
    @Test func countyPaper() throws {
        let document = try read("county-paper.txt")
        #expect(Set(document.furniture.map(\.text)) == ["Cabinet – 4 June 2025", "1", "2", "3"])
        #expect(document.marking == nil)
        let from = try #require(document.tables.first)
        #expect(rows(from)[0] == ["From:", "Alex Example, Cabinet Member for Parks, Leisure and Open Spaces, and Deputy Leader of the Council"])
        let numbered = document.paragraphs.filter { $0.marker?.hasPrefix("(") == true }
        #expect(numbered.count == 12)
        // Each numbered paragraph is whole: it ends a sentence, the one over the page break too.
        for paragraph in numbered { #expect(paragraph.text.hasSuffix("by the committee."), "\(paragraph.dump)") }
        let carried = try #require(numbered.first { $0.place.page == 1 && $0.lines.count > 12 })
        #expect(carried.marker == "(3)")
        #expect(document.paragraphs.compactMap(\.marker).filter { $0 == "a)" || $0 == "b)" }.count == 2)
    }

    /// Left-aligned headings over right-aligned figures are one column each, not two that
    /// never share a row; a short line that stops mid-sentence goes on in the next one.
    @Test func headingsOverRightAlignedFigures() throws {
        let document = try read("drawn-paper.txt")
        let wards = try #require(document.tables.first { $0.rows.first?.first?.text == "Ward" })
        #expect(rows(wards) == [["Ward", "Oaks", "Birches", "Rowans"], ["North", "120", "80", "40"], ["South", "", "65", "30"], ["Total (all wards)", "", "145", "70"]])
        #expect(document.paragraphs.contains { $0.text == "This report sets out the planting plan for the year and asks the committee to agree it." })
    }

    /// A word broken by a hyphen at a line end is rejoined; a prefix keeps its hyphen; the
    /// paper's own spelling decides.
    @Test func hyphenationAtLineEnds() {
        let text = "The safe-\nguarding duty of the multi-\nagency board is a long sentence that fills the line to the right edge here\nand a well-\nknown fact.\n"
        let paragraph = readTextDocument(text, file: "t.txt").paragraphs.first
        #expect(paragraph?.text == "The safeguarding duty of the multi-agency board is a long sentence that fills the line to the right edge here and a well-known fact.")
    }

    /// A short line ends its paragraph even without a blank line after it (a heading); a
    /// marker mid-paragraph after a full line is text ("2.3 of the report").
    @Test func shortLinesAndMarkersMidParagraph() {
        let text = """
            Background
            The council has planted trees in every ward for many years, as set out in paragraph
            2.3 of the report to the committee last year, and plans to go on doing so.
            """
        let paragraphs = readTextDocument(text, file: "t.txt").paragraphs
        #expect(paragraphs.map(\.text) == ["Background", "The council has planted trees in every ward for many years, as set out in paragraph 2.3 of the report to the committee last year, and plans to go on doing so."])
        #expect(paragraphs.map(\.marker) == [nil, nil])
    }

    /// Form feeds are page breaks; a page number alone at a page's foot is furniture.
    @Test func formFeedsArePages() {
        let text = "First page text.\n\n1\n\u{0C}Second page text.\n\n2\n\u{0C}"
        let document = readTextDocument(text, file: "t.txt")
        #expect(document.paragraphs.map(\.text) == ["First page text.", "Second page text."])
        #expect(document.paragraphs.map(\.place.page) == [1, 2])
        #expect(document.furniture.map(\.text) == ["1", "2"])
    }

    /// A Word document handed to the text route says so, not "not UTF-8".
    @Test func wordDocumentIsNamed() throws {
        let data = try readingFixture("city-paper.docx")
        #expect {
            _ = try decodeTextExport(data, file: "paper.docx")
        } throws: { error in
            "\(error)".contains("paper.docx:1: error: the file is a Word document (.docx)")
        }
    }

    @Test func binaryIsNotText() {
        #expect {
            _ = try decodeTextExport(Data([0x48, 0x69, 0x0A, 0x00, 0x01]), file: "x.bin")
        } throws: { error in
            "\(error)".hasPrefix("x.bin:2: error: the file is neither UTF-8 text nor a PDF")
        }
    }
}
