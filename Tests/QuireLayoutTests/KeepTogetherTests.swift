import QuireLayout
import QuireModel
import QuirePages
import Testing

/// Whether a table may break across pages: the layout's threshold for short tables, the
/// table's own `keep-together`, and the table too tall for any page.
@Suite("Keeping tables together")
struct KeepTogetherTests {
    func table(rows: Int, attributes: String = "") -> String {
        "| Year | Children |\n|---|---:|\n" + (1...rows).map { "| 20\(10 + $0) | \($0 * 100) |" }.joined(separator: "\n") + "\n"
            + (attributes.isEmpty ? "" : attributes + "\n")
    }

    /// Rows per page (pages holding rows only) for the table after `filler` lines of text.
    func rowsPerPage(_ table: String, filler: Int, theme: Theme = testTheme(lines: 12)) throws -> (pages: [Int], diagnostics: [Diagnostic]) {
        let result = layout(try paper(paragraph(lines: filler, tag: "p") + "\n\n" + table), theme)
        let pages = pageLines(result.document).map { $0.filter { $0.hasPrefix("20") }.count }.filter { $0 > 0 }
        return (pages, result.diagnostics)
    }

    @Test("a table of six rows moves whole by default, wherever it falls", arguments: 1...9)
    func sixRowsStayWhole(filler: Int) throws {
        let (pages, _) = try rowsPerPage(table(rows: 6), filler: filler)
        #expect(pages == [6], "after \(filler) lines: rows per page \(pages)")
    }

    @Test("keep-together=false lets a short table break (never leaving a row alone)")
    func authorAllowsABreak() throws {
        var splits: [[Int]] = []
        for filler in 1...9 {
            let (pages, _) = try rowsPerPage(table(rows: 6, attributes: "{: keep-together=false}"), filler: filler)
            #expect(pages.reduce(0, +) == 6)
            #expect(!pages.contains(1), "a lone row: \(pages)")
            if pages.count > 1 { splits.append(pages) }
        }
        #expect(!splits.isEmpty, "somewhere the table split")
    }

    @Test("the layout sets the threshold: table.keep-together-rows")
    func layoutThreshold() throws {
        var theme = testTheme(lines: 12)
        theme.table.keepTogetherRows = try parseTheme("table:\n  keep-together-rows: 3\n", file: "t.yaml").table.keepTogetherRows
        #expect(theme.table.keepTogetherRows == 3)
        let split = try (1...9).map { try rowsPerPage(table(rows: 6), filler: $0, theme: theme).pages }
        #expect(split.contains { $0.count > 1 }, "with a threshold of 3 a 6-row table may split: \(split)")
        var tall = testTheme(lines: 24)
        tall.table.keepTogetherRows = 10
        let whole = try (1...20).map { try rowsPerPage(table(rows: 9), filler: $0, theme: tall).pages }
        #expect(whole.allSatisfy { $0 == [9] }, "\(whole)")
    }

    @Test("keep-together keeps a long table whole when it fits on a page")
    func authorKeepsALongTable() throws {
        for filler in 1...9 {
            let (pages, diagnostics) = try rowsPerPage(table(rows: 9, attributes: "{: keep-together}"), filler: filler, theme: testTheme(lines: 24))
            #expect(pages == [9], "after \(filler) lines: \(pages)")
            #expect(diagnostics.isEmpty)
        }
    }

    @Test("a table kept together but taller than a page still breaks, says so, and loses no row")
    func tallerThanAPage() throws {
        let source = table(rows: 30, attributes: "{: keep-together}")
        let result = layout(try paper("# Figures\n\n" + source), testTheme(lines: 20))
        let pages = pageLines(result.document).filter { $0.contains { $0.hasPrefix("20") } }
        #expect(pages.count >= 2)
        #expect(pages.flatMap { $0 }.filter { $0.hasPrefix("20") } == (1...30).map { "20\(10 + $0) \($0 * 100)" })
        for lines in pages { #expect(lines.contains("Year Children"), "the header repeats: \(lines)") }
        #expect(result.diagnostics.count == 1, "\(result.diagnostics)")
        let note = try #require(result.diagnostics.first)
        #expect(note.message.contains("more than a page"))
        #expect(note.location == SourceLocation(file: "test.md", line: 12), "names the table's line")
        // It breaks where it stands, right after its heading, not on a fresh page.
        #expect(pageLines(result.document)[0].contains("1. Figures") || pageLines(result.document)[0].contains("1 Figures") || pages[0].contains { $0.contains("Figures") })
        #expect(pages[0].contains { $0.hasPrefix("2011") })
    }
}
