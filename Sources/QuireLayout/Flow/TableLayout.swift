import QuireModel
import QuirePages

/// A shaped table turned into slices: one per group of rows (a row alone, or the rows a
/// merged cell spans), each row's cells side by side and ruled, a merged cell over its
/// columns and rows with no rule inside it. Header rows are filled and their cells tagged as
/// column headers; a merged cell's element says how far it spans.
struct TableLayout {
    let grid: TableGrid
    let requests: [[Int?]]
    let shaped: Collector.Shaped
    let widths: [Double]
    /// x of each column's left edge, and of the table's right edge last.
    let edges: [Double]
    let style: TableStyle
    /// How far each cell's text moves left to line figures up on the decimal point, by grid
    /// position.
    private var shifts: [[Double]]
    /// Each grid row's height; a merged cell taller than its rows deepens its last row.
    private var heights: [Double]

    init(grid: TableGrid, requests: [[Int?]], shaped: Collector.Shaped, widths: [Double], edges: [Double], style: TableStyle,
         aligned: [Bool], figureColumns: [Bool]) {
        self.grid = grid
        self.requests = requests
        self.shaped = shaped
        self.widths = widths
        self.edges = edges
        self.style = style
        // Figures line up among the body's one-column cells; a merged or covered position
        // takes no part (an empty paragraph is never moved).
        func paragraph(_ row: Int, _ column: Int) -> ShapedParagraph {
            guard let index = requests[row][column], grid.span(row, column).columns == 1 else { return ShapedParagraph(lines: []) }
            return shaped[index]
        }
        let columns = grid.columns
        let firstBody = max(grid.firstRow, grid.headerRows)
        let body = (firstBody..<grid.rowCount).map { row in (0..<columns).map { paragraph(row, $0) } }
        var shifts = Array(repeating: Array(repeating: 0.0, count: columns), count: grid.rowCount)
        if grid.headerRows == 0 {
            let figures = FigureShifts(rows: body, header: nil, aligned: aligned, figureColumns: figureColumns)
            for (index, row) in figures.rows.enumerated() { shifts[firstBody + index] = row }
        }
        for header in 0..<grid.headerRows {
            let figures = FigureShifts(rows: body, header: (0..<columns).map { paragraph(header, $0) }, aligned: aligned, figureColumns: figureColumns)
            shifts[header] = figures.header
            if header == 0 { for (index, row) in figures.rows.enumerated() { shifts[firstBody + index] = row } }
        }
        self.shifts = shifts

        var heights = (0..<grid.rowCount).map { row -> Double in
            let lines = (0..<columns).compactMap { column -> Int? in
                guard let index = requests[row][column], grid.span(row, column).rows == 1 else { return nil }
                return shaped[index].lines.count
            }
            return Double(lines.max() ?? 1) * style.leading + 2 * style.padding
        }
        for span in grid.spans where span.rows > 1 {
            guard let index = requests[span.row][span.column] else { continue }
            let need = Double(shaped[index].lines.count) * style.leading + 2 * style.padding
            let rows = span.row..<(span.row + span.rows)
            let have = rows.reduce(0) { $0 + heights[$1] }
            if need > have { heights[rows.upperBound - 1] += need - have }
        }
        self.heights = heights
    }

    /// The rows of `group` as one slice.
    func slice(_ group: Range<Int>, fullWidth: Double, line: Int) -> Slice {
        let x = edges[0]
        let tableWidth = widths.reduce(0, +)
        let header = group.lowerBound < grid.headerRows
        var tops: [Double] = []
        var height = 0.0
        for row in group {
            tops.append(height)
            height += heights[row]
        }
        var frame = Frame(size: Size(width: fullWidth, height: height))
        let rule = { (frame: inout Frame, from: Point, to: Point) in
            frame.push(.line(to: Point(x: to.x - from.x, y: to.y - from.y), width: style.ruleWidth, color: style.ruleColor), at: from)
        }
        // A row whose every position is covered from above has no cell of its own: it gets no
        // row element (an empty one would hold nothing), and spans count only rows that do.
        func hasCells(_ row: Int) -> Bool { requests[row].contains { $0 != nil } }
        for (k, row) in group.enumerated() {
            let top = tops[k], rowHeight = heights[row]
            let tagged = hasCells(row)
            if tagged { frame.open(.tableRow) }
            if header && k == 0 {
                frame.open(.artifact)
                frame.push(.rect(Size(width: tableWidth, height: height), fill: style.headerFill), at: Point(x: x, y: 0))
                frame.close()
            }
            for column in 0..<grid.columns {
                guard let index = requests[row][column] else { continue }
                let span = grid.span(row, column)
                // The filled rows are the header rows: their cells head their columns; below
                // them, a row's first cell names the row and heads it.
                var tag = header ? StructureTag(.headerCell, scope: .column)
                    : column == 0 && grid.columns > 1 ? StructureTag(.headerCell, scope: .row) : StructureTag(.dataCell)
                let rows = (span.row..<(span.row + span.rows)).filter(hasCells).count
                if rows > 1 { tag.rowSpan = rows }
                if span.columns > 1 { tag.columnSpan = span.columns }
                frame.open(tag)
                for (n, shapedLine) in shaped[index].lines.enumerated() {
                    let baseline = top + style.padding + Double(n) * style.leading + baselineOffset(shapedLine, leading: style.leading)
                    place(shapedLine, in: &frame, x: edges[column] + style.padding - shifts[row][column], baseline: baseline)
                }
                frame.close()
            }
            frame.open(.artifact)  // the rules: none between the positions of one merged cell
            horizontal(&frame, y: top, apart: k == 0 ? nil : row - 1, row, tableWidth: tableWidth, rule: rule)
            horizontal(&frame, y: top + rowHeight, apart: row, k == group.count - 1 ? nil : row + 1, tableWidth: tableWidth, rule: rule)
            rule(&frame, Point(x: edges[0], y: top), Point(x: edges[0], y: top + rowHeight))
            for edge in 1...grid.columns where edge == grid.columns || !grid.sameCell((row, edge - 1), (row, edge)) {
                rule(&frame, Point(x: edges[edge], y: top), Point(x: edges[edge], y: top + rowHeight))
            }
            frame.close(tagged ? 2 : 1)  // the rules, the row
        }
        return Slice(frame: frame, height: height, breakAfter: true, line: line)
    }

    /// A horizontal rule at `y` between two rows (nil: the group's edge, ruled right across),
    /// left out under each column where both rows are one merged cell.
    private func horizontal(_ frame: inout Frame, y: Double, apart above: Int?, _ below: Int?, tableWidth: Double,
                            rule: (inout Frame, Point, Point) -> Void) {
        let ruled = (0..<grid.columns).map { column in
            guard let above, let below else { return true }
            return !grid.sameCell((above, column), (below, column))
        }
        var column = 0
        while column < grid.columns {
            guard ruled[column] else { column += 1; continue }
            var end = column
            while end < grid.columns && ruled[end] { end += 1 }
            let right = column == 0 && end == grid.columns ? edges[0] + tableWidth : edges[end]
            rule(&frame, Point(x: edges[column], y: y), Point(x: right, y: y))
            column = end
        }
    }
}
