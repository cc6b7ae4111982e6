import QuireModel
import QuirePages

extension Collector {
    /// A GFM table: columns sized from their content, one slice per row, header row repeated
    /// on every page the table spans; rows are never split. Figures in right-aligned columns
    /// line up on the decimal point (`FigureShifts`). A table that keeps together (its own
    /// `keep-together`, or no more rows than `table.keep-together-rows`) moves whole to the
    /// next page; one taller than a page still breaks, with a diagnostic from distribution.
    func collectTable(_ table: Table, x: Double) {
        let style = theme.table
        let width = theme.contentWidth - x
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        open(.table)
        defer { close() }
        if let caption = table.caption { self.caption(caption, x: x, line: table.line) }
        let widths = columnWidths(table, columns: columns, width: width)
        // A figure column is right-aligned whatever its delimiter row said.
        let alignments = (0..<columns).map { table.figureStyle($0) != nil ? .right : $0 < table.alignments.count ? table.alignments[$0] : .left }
        let figureColumns = (0..<columns).map { table.figureStyle($0) != nil }

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
        let keepTogether = table.keepTogether ?? (rows.count <= style.keepTogetherRows)
        let pageHeight = theme.contentHeight
        add { shaped in
            let shifts = FigureShifts(rows: rows.map { $0.map { shaped[$0] } }, header: header.map { $0.map { shaped[$0] } },
                                      aligned: alignments.map { $0 == .right }, figureColumns: figureColumns)
            let headerSlice = header.map {
                row(shaped, cells: $0, shifts: shifts.header, widths: widths, x: x, fullWidth: fullWidth, style: style, fill: true, line: line)
            }
            var items: [FlowItem] = []
            if var headerSlice {
                headerSlice.breakAfter = false  // a header row never ends a page
                items.append(.slice(headerSlice))
            }
            var slices = rows.enumerated().map { index, cells in
                row(shaped, cells: cells, shifts: shifts.rows[index], widths: widths, x: x, fullWidth: fullWidth, style: style,
                    fill: false, line: table.line(ofRow: index))
            }
            // A table too tall for any page cannot be kept together: it breaks as a long
            // table does, where it stands, rather than leaving a page blank and splitting anyway.
            let height = slices.reduce(headerSlice?.height ?? 0) { $0 + $1.height }
            let kept = keepTogether && height <= pageHeight + 1e-6
            if keepTogether && !kept {
                self.note(Diagnostic(at: SourceLocation(file: self.file, line: line),
                                     "the table is \(Int(height)) pt tall, more than a page (\(Int(pageHeight)) pt), so it breaks across pages although it should stay together"))
            }
            for index in slices.indices {
                if let headerSlice, index > 0 { slices[index].repeatedHeader = [headerSlice] }
                // A table kept together breaks only after its last row; a longer one never
                // leaves its first or last row alone on a page.
                slices[index].breakAfter = index == slices.count - 1 || (!kept && index != 0 && index != slices.count - 2)
                items.append(.slice(slices[index]))
            }
            return items
        }
    }

    /// Natural widths (text length) scaled to fill the column, never below the longest word.
    /// Widths are estimated from character counts at a generous 0.62 em (wider than Liberation
    /// Sans's bold digits), so a year or a figure never wraps inside its cell. A column whose
    /// figures line up on the decimal point needs room for the longest integer part and the
    /// longest part after it, which may come from different rows.
    private func columnWidths(_ table: Table, columns: Int, width: Double) -> [Double] {
        let em = theme.table.size * 0.62, pad = 2 * theme.table.padding
        var natural = Array(repeating: pad + em, count: columns)
        var minimum = natural
        for row in [table.header] + table.rows {
            for (column, cell) in row.enumerated() where column < columns {
                // A header's unit label sits on a line of its own.
                for text in cell.plainText.split(separator: "\n", omittingEmptySubsequences: false) {
                    natural[column] = max(natural[column], Double(text.count) * em + pad)
                    let longest = text.split(separator: " ").map(\.count).max() ?? 0
                    minimum[column] = max(minimum[column], Double(longest) * em + pad)
                }
            }
        }
        for column in 0..<columns {
            let aligned = figureWidth(table, column: column)
            natural[column] = max(natural[column], aligned * em + pad)
            minimum[column] = max(minimum[column], aligned * em + pad)
        }
        let total = natural.reduce(0, +)
        if total <= width { return natural.map { $0 * width / total } }
        let floor = minimum.reduce(0, +)
        guard floor < width else { return minimum.map { $0 * width / floor } }
        let flexible = zip(natural, minimum).map { $0 - $1 }, flex = flexible.reduce(0, +)
        return (0..<columns).map { minimum[$0] + flexible[$0] / flex * (width - floor) }
    }

    /// Characters a column's figures span once lined up on the decimal point (as `FigureShifts`
    /// groups them): the longest integer part and the longest tail of each group.
    private func figureWidth(_ table: Table, column: Int) -> Double {
        let aligned = table.figureStyle(column) != nil || (column < table.alignments.count && table.alignments[column] == .right)
        guard aligned else { return 0 }
        var integers: [String: Int] = [:], tails: [String: Int] = [:]
        for row in table.rows where column < row.count {
            let text = row[column].plainText
            guard let parts = FigureParts(text) else { continue }
            let integer = String(decoding: text.utf8.prefix(parts.integerEnd), as: UTF8.self).count
            integers[parts.suffix] = max(integers[parts.suffix] ?? 0, integer)
            tails[parts.suffix] = max(tails[parts.suffix] ?? 0, text.count - integer)
        }
        return Double(integers.map { $0.value + (tails[$0.key] ?? 0) }.max() ?? 0)
    }
}

/// One table row as a slice: cells side by side, ruled on all sides.
private func row(_ shaped: Collector.Shaped, cells: [Int], shifts: [Double], widths: [Double], x: Double, fullWidth: Double,
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
            place(shapedLine, in: &frame, x: cellX + style.padding - shifts[column], baseline: baseline)
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
