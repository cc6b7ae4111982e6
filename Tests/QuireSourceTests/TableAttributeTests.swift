import Foundation
import QuireModel
@testable import QuireSource
import Testing

/// The `{: … }` line under a Markdown table: keep-together and figure columns, and what a
/// figure column does to its cells.
@Suite struct TableAttributeTests {
    let money = """
        | Service           | 2016/17 | 2017/18 |
        |:------------------|--------:|--------:|
        | Adult social care |   412.3 | 1,234.5 |
        | Savings           |  (12.0) |  -230.8 |
        | **Total**         | **400.3** | **1,003.7** |
        """

    func table(_ markdown: String) throws -> Table {
        let blocks = try body(markdown)
        guard blocks.count == 1, case .table(let table) = blocks[0] else {
            Issue.record("not one table: \(blocks)")
            return Table(header: [], rows: [], alignments: [], line: 0)
        }
        return table
    }

    /// The table after figures are resolved under the layout's `style`.
    func resolved(_ markdown: String, style: FigureStyle = FigureStyle()) throws -> Table {
        let paper = try parse("---\nsubject: Test\n---\n" + markdown, figures: FigureData(style: style))
        guard case .table(let table) = paper.body[0] else { throw QuireError(.invalidValue, at: nil, "no table") }
        return table
    }

    func failure(_ markdown: String, style: FigureStyle = FigureStyle()) -> QuireError? {
        do {
            _ = try resolved(markdown, style: style)
            return nil
        } catch {
            return error as? QuireError
        }
    }

    func cells(_ table: Table, column: Int) -> [String] { table.rows.map { $0[column].plainText } }

    @Test("a line right under the table gives its right-aligned columns a figure style")
    func rightUnder() throws {
        let parsed = try table(money + "\n{: negative=brackets decimals=1 unit=\"£m\" keep-together}\n")
        #expect(parsed.rows.count == 3, "the attribute line is not a row")
        #expect(parsed.rowLines == [6, 7, 8])
        #expect(parsed.keepTogether == true)
        #expect(parsed.figures == [nil, FigureStyle(negative: .brackets, decimals: 1, unit: "£m"), FigureStyle(negative: .brackets, decimals: 1, unit: "£m")])
    }

    @Test("the same line after a blank line, and several lines for different columns")
    func afterBlankLine() throws {
        let parsed = try table(money + "\n\n{: columns=2 decimals=2}\n{: columns=3 negative=brackets}\n{: keep-together=false}\n")
        #expect(parsed.figures == [nil, FigureStyle(decimals: 2), FigureStyle(negative: .brackets)])
        #expect(parsed.keepTogether == false)
    }

    @Test("no line: nothing changes")
    func plainTable() throws {
        let parsed = try table(money)
        #expect(parsed.figures.allSatisfy { $0 == nil })
        #expect(parsed.keepTogether == nil)
    }

    @Test("a figure column's cells are read as numbers and written in its style; the unit goes to the header")
    func rewritten() throws {
        let table = try resolved(money + "\n{: negative=brackets decimals=1 unit=\"£m\"}\n")
        #expect(cells(table, column: 1) == ["412.3", "(12.0)", "400.3"])
        #expect(cells(table, column: 2) == ["1,234.5", "(230.8)", "1,003.7"])
        #expect(table.header[1] == [.text("2016/17"), .lineBreak, .text("£m")])
        #expect(table.rows[2][2] == [.strong([.text("1,003.7")])], "a bold total stays bold")
        #expect(cells(table, column: 0) == ["Adult social care", "Savings", "Total"], "text columns are left alone")
    }

    @Test("the layout's style is the default; the column's own keys go over it")
    func layoutDefault() throws {
        let layout = FigureStyle(negative: .brackets, decimals: 2)
        let table = try resolved(money + "\n{: figures}\n", style: layout)
        #expect(cells(table, column: 2) == ["1,234.50", "(230.80)", "1,003.70"])
        let own = try resolved(money + "\n{: decimals=0}\n", style: layout)
        #expect(cells(own, column: 2) == ["1,235", "(231)", "1,004"])
        // A table with no line is not touched by the layout's style.
        #expect(cells(try resolved(money, style: layout), column: 2) == ["1,234.5", "-230.8", "1,003.7"])
    }

    @Test("every way of writing a figure is read", arguments: ["-230.8", "\u{2212}230.8", "(230.8)", "£-230.8", "(£230.8)"])
    func forms(cell: String) throws {
        let markdown = "| A | B |\n|---|---:|\n| x | \(cell) |\n| y | 1,234 |\n| z |  |\n{: negative=brackets decimals=1}\n"
        if cell == "£-230.8" {
            #expect(failure(markdown)?.message == "'£-230.8' in column 2 ('B') is not a figure")
            return
        }
        #expect(cells(try resolved(markdown), column: 1) == [cell.contains("£") ? "(£230.8)" : "(230.8)", "1,234.0", ""])
    }

    @Test("a cell that is not a figure is an error naming its line and cell")
    func notAFigure() throws {
        let error = try #require(failure("Intro.\n\n| Service | 2017/18 |\n|---|---:|\n| Adults | 412.3 |\n| Children | about 40 |\n{: figures}\n"))
        #expect(error.location == SourceLocation(file: "paper.md", line: 9))
        #expect(error.message == "'about 40' in column 2 ('2017/18') is not a figure")
        #expect(error.hint?.contains("(230.8)") == true)
    }

    @Test("a dash stays as written; a figure in another unit than the column's is an error")
    func dashesAndUnits() throws {
        let table = try resolved("| A | £m |\n|---|---:|\n| x | – |\n| y | £12 |\n{: unit=£m decimals=1}\n")
        #expect(cells(table, column: 1) == ["–", "12.0"])
        let error = try #require(failure("| A | B |\n|---|---:|\n| x | 12.5% |\n{: unit=£m}\n"))
        #expect(error.message == "'12.5%' in column 2 ('B') is written in %, but the column's unit is £m")
        #expect(error.location?.line == 6)
    }

    @Test("a cell mixing styles inside one figure is refused rather than flattened")
    func mixedCell() throws {
        let error = try #require(failure("| A | B |\n|---|---:|\n| x | **1**,234 |\n{: figures}\n"))
        #expect(error.message == "'1,234' in column 2 ('B') mixes styles inside one figure")
    }

    @Test("mistakes in the line name the paper's line", arguments: [
        ("{: negatve=brackets}", "unknown table attribute 'negatve'", "did you mean 'negative'?"),
        ("{: negative}", "'negative' needs a value", nil),
        ("{: decimals=many}", "decimals must be a whole number from 0 to 6, not 'many'", nil),
        ("{: columns=0}", "'0' is not a list of columns", nil),
        ("{: columns=3-2 figures}", "'3-2' is not a list of columns", nil),
        ("{: columns=5 figures}", "column 5 is past the table's last (it has 3)", nil),
        ("{: columns=2}", "columns= says which columns hold figures, but no figure style follows", nil),
        ("{: keep-together=maybe}", "keep-together is a flag, not 'maybe'", nil),
        ("{: unit=\"£m}", "a quote in the {: } line is never closed", nil),
    ] as [(String, String, String?)])
    func badLines(line: String, message: String, hint: String?) throws {
        let error = try #require(parseFailure("---\nsubject: Test\n---\n" + money + "\n" + line + "\n"))
        #expect(error.message == message)
        #expect(error.location == SourceLocation(file: "paper.md", line: 9))
        if let hint { #expect(error.hint == hint) }
    }

    @Test("a style for a table with no right-aligned column must name its columns")
    func noRightAligned() throws {
        let error = try #require(parseFailure("---\nsubject: Test\n---\n| A | B |\n|---|---|\n| x | 1 |\n{: figures}\n"))
        #expect(error.message == "the table has no right-aligned column for the figure style")
        let named = try table("| A | B |\n|---|---|\n| x | 1 |\n{: columns=2 figures}\n")
        #expect(named.alignments == [.left, .right], "a figure column is right-aligned")
    }

    @Test("a {: } line with no table above it is an error, not printed text")
    func orphanLine() throws {
        let error = try #require(parseFailure("---\nsubject: Test\n---\nSome text.\n\n{: keep-together}\n"))
        #expect(error.location?.line == 6)
        #expect(error.message.contains("no table is right above it"))
    }
}
