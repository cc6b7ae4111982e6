import Foundation
import QuireModel

/// A source table as a Quire table: the grid cell by cell, empty cells kept empty, merged
/// cells as spans, the rows the source marks as heading it (at least the first, as a pipe
/// table needs), columns of figures right-aligned in their figure style, and a caption from
/// a "Table 1: …" line just above it.
///
/// Shape:
/// ```
/// Table 2: Revenue budget                        caption (the paragraph above)
/// | Service   | Balance £m        |              a merged header cell over two columns
/// |           | 2024/25 | 2025/26 |              a second header row
/// | Parks     |   120.0 |  (12.0) |              figures; "(12.0)": negative in brackets
/// | Libraries |         |    80.5 |              an empty cell stays empty
/// ```
func convertTable(_ source: ImportTable, caption: [Inline]?) -> Table {
    let width = source.rows.map(\.count).max() ?? 0
    var grid: [[[Inline]]] = source.rows.map { row in
        (0..<width).map { column in
            guard column < row.count, !row[column].isCovered else { return [] }
            return joinedInlines(row[column].paragraphs.map(\.inlines))
        }
    }
    if grid.isEmpty { grid = [[]] }
    var spans: [CellSpan] = []
    for (r, row) in source.rows.enumerated() {
        for (c, cell) in row.enumerated() where !cell.isCovered && (cell.columnSpan > 1 || cell.rowSpan > 1) {
            spans.append(CellSpan(row: r, column: c, rows: min(cell.rowSpan, source.rows.count - r), columns: min(cell.columnSpan, width - c)))
        }
    }
    let headerRows = min(max(1, source.headerRows), grid.count)
    let figures = figureColumns(grid, headerRows: headerRows, width: width)
    let alignments: [Table.Alignment] = (0..<width).map { column in
        if figures[column] != nil { return .right }
        let body = source.rows.dropFirst(headerRows).compactMap { column < $0.count && !$0[column].isCovered && !$0[column].text.isEmpty ? $0[column] : nil }
        return !body.isEmpty && body.filter(\.alignedRight).count * 2 > body.count ? .right : .left
    }
    return Table(header: grid[0], rows: Array(grid.dropFirst()), alignments: alignments, line: source.place.line, caption: caption,
                 figures: figures.contains { $0 != nil } ? figures : [], headerRows: headerRows, spans: spans)
}

/// A "Table 3: Capital programme" or "Figure 2 – …" line, which captions the table below it.
func isTableCaption(_ text: String) -> Bool {
    matchGroups(#"^(?i:table|figure)\s+[0-9]+[A-Za-z]?(?:\.[0-9]+)?\s*(?:[:.–—-]|$)"#, tidiedText(text)) != nil
}
