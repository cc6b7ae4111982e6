import Foundation
import QuireModel
@testable import QuireSource
import Testing

/// Merged cells (`<` and `^`), more header rows and captions in a pipe table, read and
/// written back by the source writer.
@Suite struct MergedCellTests {
    /// A council's revenue table: "Service" over two header rows, "Budget £m" over two years.
    let budget = """
        | Service           | Budget £m | <       | Change |
        |:------------------|----------:|--------:|-------:|
        | ^                 | 2024/25   | 2025/26 | £m     |
        | Adult social care | 412.3     | 430.1   | 17.8   |
        | Savings           | (12.0)    | (14.5)  | (2.5)  |
        {: header-rows=2 caption="Table 1: Revenue budget, *net*"}
        """

    func table(_ markdown: String) throws -> Table {
        let blocks = try body(markdown)
        guard blocks.count == 1, case .table(let table) = blocks[0] else {
            Issue.record("not one table: \(blocks)")
            return Table(header: [], rows: [], alignments: [], line: 0)
        }
        return table
    }

    func failure(_ markdown: String) -> QuireError? { parseFailure("---\nsubject: Test\n---\n" + markdown) }

    @Test("< merges into the cell on the left, ^ into the cell above; covered cells hold nothing")
    func spans() throws {
        let parsed = try table(budget)
        #expect(parsed.spans == [CellSpan(row: 0, column: 0, rows: 2, columns: 1), CellSpan(row: 0, column: 1, rows: 1, columns: 2)])
        #expect(parsed.header.map(\.plainText) == ["Service", "Budget £m", "", "Change"])
        #expect(parsed.rows[0].map(\.plainText) == ["", "2024/25", "2025/26", "£m"])
        #expect(parsed.headerRows == 2)
        #expect(parsed.caption == [.text("Table 1: Revenue budget, "), .emphasis([.text("net")])])
        #expect(parsed.rows.count == 3 && parsed.rowLines == [6, 7, 8])
    }

    @Test("a block of < and ^ is one rectangle, written either way")
    func rectangle() throws {
        let square = "| A | < | B |\n|---|---|---|\n| ^ | < | C |\n| ^ | ^ | D |\n"
        let written = "| A | < | B |\n|---|---|---|\n| ^ | ^ | C |\n| ^ | ^ | D |\n"
        #expect(try table(square).spans == [CellSpan(row: 0, column: 0, rows: 3, columns: 2)])
        #expect(try table(written).spans == [CellSpan(row: 0, column: 0, rows: 3, columns: 2)])
    }

    @Test("\\< and \\^ are the characters themselves, as is a < with other text")
    func escaped() throws {
        let parsed = try table("| a | b | c |\n|---|---|---|\n| \\< | \\^ | << |\n| x < y | ^^ | `<` |\n")
        #expect(parsed.spans.isEmpty)
        #expect(parsed.rows[0].map(\.plainText) == ["<", "^", "<<"])
        #expect(parsed.rows[1].map(\.plainText) == ["x < y", "^^", "<"])
    }

    @Test("merges that do not make a rectangle are errors naming the line and the cell", arguments: [
        ("| a | b |\n|---|---|\n| < | c |\n", 6, "cell 1 is '<'"),
        ("| a | ^ |\n|---|---|\n| b | c |\n", 4, "cell 2 of the header row is '^'"),
        ("| A | < |\n|---|---|\n| ^ | x |\n", 6, "cell 2 lies inside the cell merged from line 4, cell 1"),
        ("| A | B |\n|---|---|\n| ^ | < |\n", 4, "cell 2 lies inside the cell merged from line 4, cell 1"),
    ])
    func notRectangles(markdown: String, line: Int, message: String) throws {
        let error = try #require(failure(markdown))
        #expect(error.location?.line == line, "\(error)")
        #expect(error.message.contains(message), "\(error)")
        #expect(error.hint?.contains("for a literal") == true, "\(error)")
    }

    @Test("header-rows past the table, a bare caption and a header-rows that is not a count are errors at their line")
    func badAttributes() throws {
        let rows = try #require(failure("| a |\n|---|\n| b |\n{: header-rows=3}\n"))
        #expect(rows.location?.line == 7 && rows.field == "header-rows" && rows.message.contains("has 2 rows"), "\(rows)")
        let caption = try #require(failure("| a |\n|---|\n| b |\n{: caption}\n"))
        #expect(caption.location?.line == 7 && caption.field == "caption", "\(caption)")
        let count = try #require(failure("| a |\n|---|\n| b |\n{: header-rows=two}\n"))
        #expect(count.field == "header-rows", "\(count)")
        let typo = try #require(failure("| a |\n|---|\n| b |\n{: header-row=2}\n"))
        #expect(typo.hint == "did you mean 'header-rows'?", "\(typo)")
    }

    @Test("a caption is read as written: a pipe, quotes and Markdown inside it")
    func captionAsWritten() throws {
        let parsed = try table("| a |\n|---|\n| b |\n{: caption=\"Cost | \\\"net\\\" of **grants** \\\\ fees\"}\n")
        #expect(parsed.rows.count == 1)
        #expect(parsed.caption == [.text("Cost | \"net\" of "), .strong([.text("grants")]), .text(" \\ fees")])
    }

    @Test("merged cells, header rows and captions survive the source writer, and its output is stable")
    func roundTrip() throws {
        let blocks = try body(budget)
        let written = writeBody(blocks)
        let reread = try body(written)
        #expect(writeBody(reread) == written, "\(written)")
        guard case .table(let before) = blocks[0], case .table(let after) = reread[0] else { Issue.record("no table: \(written)"); return }
        #expect(after.spans == before.spans && after.headerRows == before.headerRows && after.caption == before.caption)
        #expect(after.header == before.header && after.rows == before.rows)
    }

    @Test("a model's spans written and read back give the same spans")
    func modelRoundTrip() throws {
        let table = Table(header: [[.text("Balance £m")], [], [.text("Notes")]],
                          rows: [[[.text("2024/25")], [.text("2025/26")], []], [[.text("1.5")], [.text("<")], [.text("^")]]],
                          alignments: [.right, .right, .left], line: 1, caption: [.text("Reserves")], headerRows: 2,
                          spans: [CellSpan(row: 0, column: 0, columns: 2), CellSpan(row: 0, column: 2, rows: 2)])
        let written = writeBody([.table(table)])
        guard case .table(let reread) = try body(written)[0] else { Issue.record("no table: \(written)"); return }
        #expect(reread.spans == table.spans, "\(written)")
        #expect(reread.rows[1].map(\.plainText) == ["1.5", "<", "^"], "literal < and ^ stay text: \(written)")
        #expect(reread.headerRows == 2 && reread.caption == [.text("Reserves")])
    }
}
