import QuireModel
import QuirePages

extension Collector {
    /// A GFM table: columns sized from their content, one slice per row, header row repeated
    /// on every page the table spans; rows are never split.
    func collectTable(_ table: Table, x: Double) {
        let style = theme.table
        let width = theme.contentWidth - x
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        open(.table)
        defer { close() }
        if let caption = table.caption { self.caption(caption, x: x, line: table.line) }
        let widths = columnWidths(table, columns: columns, width: width)
        let alignments = (0..<columns).map { $0 < table.alignments.count ? table.alignments[$0] : .left }

        func requestRow(_ cells: [[Inline]], bold: Bool) -> [Int] {
            (0..<columns).map { column in
                let inlines = column < cells.count ? cells[column] : []
                let align: TextAlignment = switch alignments[column] {
                case .left: .left
                case .center: .center
                case .right: .right
                }
                return request(styledText(inlines, base: SpanStyle(bold: bold)), width: max(1, widths[column] - 2 * style.padding),
                               size: style.size, alignment: align)
            }
        }
        let header = table.header.isEmpty ? nil : requestRow(table.header, bold: true)
        let rows = table.rows.map { requestRow($0, bold: false) }
        let line = table.line
        let fullWidth = theme.contentWidth
        add { shaped in
            let headerSlice = header.map { row(shaped, cells: $0, widths: widths, x: x, fullWidth: fullWidth, style: style, fill: true, line: line) }
            var items: [FlowItem] = []
            if var headerSlice {
                headerSlice.breakAfter = false  // a header row never ends a page
                items.append(.slice(headerSlice))
            }
            for (index, cells) in rows.enumerated() {
                var slice = row(shaped, cells: cells, widths: widths, x: x, fullWidth: fullWidth, style: style, fill: false, line: line)
                if let headerSlice, index > 0 { slice.repeatedHeader = [headerSlice] }
                // A short table (three rows or fewer) stays together; a longer one never
                // leaves its first or last row alone on a page.
                slice.breakAfter = index == rows.count - 1 || (rows.count > 3 && index != 0 && index != rows.count - 2)
                items.append(.slice(slice))
            }
            return items
        }
    }

    /// Natural widths (text length) scaled to fill the column, never below the longest word.
    /// Widths are estimated from character counts at a generous 0.62 em (wider than Liberation
    /// Sans's bold digits), so a year or a figure never wraps inside its cell.
    private func columnWidths(_ table: Table, columns: Int, width: Double) -> [Double] {
        let em = theme.table.size * 0.62, pad = 2 * theme.table.padding
        var natural = Array(repeating: pad + em, count: columns)
        var minimum = natural
        for row in [table.header] + table.rows {
            for (column, cell) in row.enumerated() where column < columns {
                let text = cell.plainText
                natural[column] = max(natural[column], Double(text.count) * em + pad)
                let longest = text.split(separator: " ").map(\.count).max() ?? 0
                minimum[column] = max(minimum[column], Double(longest) * em + pad)
            }
        }
        let total = natural.reduce(0, +)
        if total <= width { return natural.map { $0 * width / total } }
        let floor = minimum.reduce(0, +)
        guard floor < width else { return minimum.map { $0 * width / floor } }
        let flexible = zip(natural, minimum).map { $0 - $1 }, flex = flexible.reduce(0, +)
        return (0..<columns).map { minimum[$0] + flexible[$0] / flex * (width - floor) }
    }
}

/// One table row as a slice: cells side by side, ruled on all sides.
private func row(_ shaped: Collector.Shaped, cells: [Int], widths: [Double], x: Double, fullWidth: Double,
                 style: TableStyle, fill: Bool, line: Int) -> Slice {
    let lineCounts = cells.map { shaped[$0].lines.count }
    let height = Double(lineCounts.max() ?? 1) * style.leading + 2 * style.padding
    let tableWidth = widths.reduce(0, +)
    var frame = Frame(size: Size(width: fullWidth, height: height))
    frame.open(.tableRow)
    if fill {
        frame.open(.artifact)
        frame.push(.rect(Size(width: tableWidth, height: height), fill: style.headerFill), at: Point(x: x, y: 0))
        frame.close()
    }
    var cellX = x
    // The filled row is the header row: its cells head their columns.
    let cellTag = fill ? StructureTag(.headerCell, scope: .column) : StructureTag(.dataCell)
    for (column, index) in cells.enumerated() {
        frame.open(cellTag)
        for (n, shapedLine) in shaped[index].lines.enumerated() {
            let baseline = style.padding + Double(n) * style.leading + baselineOffset(shapedLine, leading: style.leading)
            place(shapedLine, in: &frame, x: cellX + style.padding, baseline: baseline)
        }
        frame.close()
        cellX += widths[column]
    }
    frame.open(.artifact)  // the rules
    let rule = { (frame: inout Frame, from: Point, to: Point) in
        frame.push(.line(to: Point(x: to.x - from.x, y: to.y - from.y), width: style.ruleWidth, color: style.ruleColor), at: from)
    }
    rule(&frame, Point(x: x, y: 0), Point(x: x + tableWidth, y: 0))
    rule(&frame, Point(x: x, y: height), Point(x: x + tableWidth, y: height))
    var edge = x
    rule(&frame, Point(x: edge, y: 0), Point(x: edge, y: height))
    for w in widths {
        edge += w
        rule(&frame, Point(x: edge, y: 0), Point(x: edge, y: height))
    }
    frame.close(2)  // the rules, the row
    return Slice(frame: frame, height: height, breakAfter: true, line: line)
}
