import QuireModel

/// A table's grid with its merged cells worked out: which cell covers each position, the
/// rows that head the table, and the groups of rows that merged cells tie together (each
/// laid out as one slice, so a cell spanning rows never splits across pages). Spans that
/// cannot hold (outside the grid, overlapping another, or covering a position that has
/// content) are left out and reported, so no cell's text is ever hidden.
struct TableGrid {
    /// Grid rows: the header row (0) and the body rows.
    let rowCount: Int
    let columns: Int
    /// The spans that hold.
    private(set) var spans: [CellSpan] = []
    /// For each position, the index in `spans` of the span covering it.
    private var cover: [[Int?]]
    /// Grid rows that head the table (from 0), extended over any span reaching past them.
    private(set) var headerRows: Int
    /// The first grid row drawn: 1 when the table has no header row.
    let firstRow: Int
    /// Row ranges laid out together, in order; the first is the header's when there is one.
    private(set) var groups: [Range<Int>] = []
    /// Spans left out, with why.
    private(set) var problems: [String] = []

    init(_ table: Table, columns: Int) {
        let grid = [table.header] + table.rows
        rowCount = grid.count
        self.columns = columns
        firstRow = table.header.isEmpty ? 1 : 0
        var cover: [[Int?]] = Array(repeating: Array(repeating: nil, count: columns), count: grid.count)
        var spans: [CellSpan] = [], problems: [String] = []
        let firstRow = firstRow
        for span in table.spans {
            let rows = span.row..<(span.row + span.rows), cells = span.column..<(span.column + span.columns)
            guard span.rows >= 1, span.columns >= 1, span.rows * span.columns > 1, span.row >= firstRow, rows.upperBound <= grid.count,
                  span.column >= 0, cells.upperBound <= columns else {
                problems.append("a merged cell at row \(span.row + 1), column \(span.column + 1) reaches outside the table; its cells are set apart")
                continue
            }
            let overlaps = rows.contains { r in cells.contains { cover[r][$0] != nil } }
            let hidden = rows.contains { r in cells.contains { c in (r, c) != (span.row, span.column) && c < grid[r].count && !grid[r][c].isEmpty } }
            guard !overlaps, !hidden else {
                problems.append("a merged cell at row \(span.row + 1), column \(span.column + 1) "
                                + (overlaps ? "overlaps another" : "covers cells that have text") + "; its cells are set apart")
                continue
            }
            for r in rows { for c in cells { cover[r][c] = spans.count } }
            spans.append(span)
        }
        self.cover = cover
        self.spans = spans
        self.problems = problems
        // The header, then each body row with the rows its merged cells reach into.
        headerRows = firstRow == 0 ? min(max(1, table.headerRows), grid.count) : 0
        var row = firstRow
        while row < grid.count {
            var end = row == 0 ? max(1, headerRows) : row + 1
            var scan = row
            while scan < end {
                for column in 0..<columns { if let index = cover[scan][column] { end = max(end, spans[index].row + spans[index].rows) } }
                scan += 1
            }
            if row == 0 { headerRows = end }
            groups.append(row..<end)
            row = end
        }
    }

    /// The merged cell covering (row, column), or the position alone.
    func span(_ row: Int, _ column: Int) -> CellSpan {
        cover[row][column].map { spans[$0] } ?? CellSpan(row: row, column: column)
    }

    /// Whether (row, column) is covered by a merged cell whose text starts elsewhere.
    func isCovered(_ row: Int, _ column: Int) -> Bool {
        let cell = span(row, column)
        return (cell.row, cell.column) != (row, column)
    }

    /// Whether two positions are in the same cell (no rule between them).
    func sameCell(_ a: (Int, Int), _ b: (Int, Int)) -> Bool {
        guard let first = cover[a.0][a.1], let second = cover[b.0][b.1] else { return false }
        return first == second
    }

    /// Whether the table has any merged cell (a table without one is laid out row by row, as
    /// it always was).
    var hasSpans: Bool { !spans.isEmpty }
}
