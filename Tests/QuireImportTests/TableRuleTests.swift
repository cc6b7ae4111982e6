import Foundation
@testable import QuireImport
import QuireModel
import QuireSource
import Testing

/// Tables: cell by cell, empty cells kept, merged cells as spans, figure columns in the
/// source's style, captions from the line above.
@Suite struct TableRuleTests {
    @Test func emptyCellsStayInTheirColumns() {
        guard case .table(let source) = grid([["", "Oaks", "Birches", "Rowans"], ["North", "120", "80", "40"], ["South", "", "65", "30"], ["East", "90", "", "25"]], at: 10, ruled: false) else { return }
        let table = convertTable(source, caption: nil)
        #expect(table.header.map(\.plainText) == ["", "Oaks", "Birches", "Rowans"])
        #expect(table.rows.map { $0.map(\.plainText) } == [["North", "120", "80", "40"], ["South", "", "65", "30"], ["East", "90", "", "25"]])
        #expect(table.alignments == [.left, .right, .right, .right])
        #expect(table.figures.map { $0 != nil } == [false, true, true, true])
    }

    @Test func mergedHeaderCellsAndTwoHeaderRows() {
        guard case .table(let source) = grid([
            ["Service", "Balance £m", "<"],
            ["^", "2024/25", "2025/26"],
            ["Parks", "120.0", "12.0"],
            ["Libraries", "", "80.5"],
        ], at: 20, headerRows: 2, rightAligned: [1, 2]) else { return }
        let table = convertTable(source, caption: [.text("Table 2: Revenue budget")])
        #expect(table.headerRows == 2)
        #expect(table.spans == [CellSpan(row: 0, column: 0, rows: 2, columns: 1), CellSpan(row: 0, column: 1, rows: 1, columns: 2)])
        // A second header row in a column: kept as written (right-aligned as the source set it).
        #expect(table.figures.allSatisfy { $0 == nil })
        #expect(writeBody([.table(table)]) == """
            | Service | Balance £m | < |
            | --- | ---: | ---: |
            | ^ | 2024/25 | 2025/26 |
            | Parks | 120.0 | 12.0 |
            | Libraries |  | 80.5 |
            {: header-rows=2 caption="Table 2: Revenue budget"}

            """)
    }

    @Test func bracketedNegativesKeepTheirStyle() {
        guard case .table(let source) = grid([["Service", "2024/25", "Change"], ["Parks", "120.0", "(12.0)"], ["Libraries", "80.5", "3.5"]], at: 30) else { return }
        let table = convertTable(source, caption: nil)
        #expect(table.figures == [nil, FigureStyle(unit: "cell"), FigureStyle(negative: .brackets, unit: "cell")])
        // One {: } line per style (the reader takes one style a line), read back as written.
        let written = writeBody([.table(table)])
        #expect(written.contains("{: columns=2 figures unit=\"cell\"}\n{: columns=3 figures negative=brackets unit=\"cell\"}"), "\(written)")
        let reread = try? parsePaper(data: Data(("---\nsubject: T\n---\n" + written).utf8), file: "t.md").body.first
        guard case .table(let back)? = reread else { Issue.record("the table did not read back"); return }
        #expect(back.figures == table.figures)
    }

    @Test(arguments: [(["2019", "2020", "2021"], false), (["(3.0)", "-4.0"], false), (["1,234", "5"], true), (["n/a", "5"], false), (["£1.2", "12%"], true)])
    func whatMakesAFigureColumn(cells: [String], isFigures: Bool) {
        let grid: [[[Inline]]] = [[[.text("Head")]]] + cells.map { [[.text($0)]] }
        #expect((figureColumns(grid, headerRows: 1, width: 1)[0] != nil) == isFigures)
    }

    @Test func aCaptionLineAboveBecomesTheCaption() throws {
        let result = try importDocument([para("To: Cabinet", at: 1), para("Subject: Trees", at: 2)] + body(at: 4) + [
            para("Table 1: Planting by ward", at: 8),
            grid([["Ward", "Oaks"], ["North", "120"]], at: 9),
            para("Volunteers do the planting.", marker: "1.2", at: 12),
        ])
        guard case .table(let table)? = result.paper.body.first(where: { if case .table = $0 { true } else { false } }) else {
            Issue.record("no table in \(result.paper.body)")
            return
        }
        #expect(table.caption?.plainText == "Table 1: Planting by ward")
        #expect(result.paper.body.map(\.kind) == ["#1 Introduction", "¶", "table", "¶"])
        #expect(result.wordCheck.extraWords.isEmpty && result.wordCheck.outOfOrderWords.isEmpty)
    }
}
