import QuireModel
import QuirePages

extension Collector {
    /// A GFM table: columns sized from their content, one slice per row (per group of rows a
    /// merged cell ties together), the header rows repeated on every page the table spans;
    /// rows are never split. A merged cell takes the widths of its columns (no rule between)
    /// and the heights of its rows, its text at the top. Figures in right-aligned columns
    /// line up on the decimal point (`FigureShifts`). A table that keeps together (its own
    /// `keep-together`, or no more body rows than `table.keep-together-rows`) moves whole to
    /// the next page; one taller than a page still breaks, with a diagnostic from
    /// distribution. Notes referred to in the table (or its caption) are set under it.
    func collectTable(_ table: Table, x: Double) {
        let style = theme.table
        let width = theme.contentWidth - x
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        let grid = TableGrid(table, columns: columns)
        for problem in grid.problems { note(Diagnostic(at: SourceLocation(file: file, line: table.line), problem)) }
        open(.table)
        let holding = holdsNotes
        holdsNotes = true
        if let caption = table.caption { self.caption(caption, x: x, line: table.line) }
        let widths = columnWidths(table, grid: grid, columns: columns, width: width)
        // A figure column is right-aligned whatever its delimiter row said.
        let alignments = (0..<columns).map { table.figureStyle($0) != nil ? .right : $0 < table.alignments.count ? table.alignments[$0] : .left }
        let figureColumns = (0..<columns).map { table.figureStyle($0) != nil }
        var edges = [x]
        for w in widths { edges.append(edges[edges.count - 1] + w) }

        let cells = [table.header] + table.rows
        let requests = (0..<grid.rowCount).map { row -> [Int?] in
            (0..<columns).map { column -> Int? in
                guard row >= grid.firstRow, !grid.isCovered(row, column) else { return nil }
                let span = grid.span(row, column), header = row < grid.headerRows
                let inlines = column < cells[row].count ? cells[row][column] : []
                // A heading over several columns ("Budget £m" over its years) is centred on them.
                let align: TextAlignment = switch alignments[column] {
                case _ where header && span.columns > 1: .center
                case .left: .left
                case .center: .center
                case .right: .right
                }
                let cellWidth = span.columns == 1 ? widths[column] : edges[column + span.columns] - edges[column]
                return request(styledText(inlines, base: SpanStyle(bold: header)), width: max(1, cellWidth - 2 * style.padding),
                               size: style.size, alignment: align)
            }
        }
        holdsNotes = holding
        let notes = requestNotes(takeNotes(), x: x)
        let line = table.line
        let fullWidth = theme.contentWidth
        let bodyRows = grid.rowCount - max(grid.firstRow, grid.headerRows)
        let keepTogether = table.keepTogether ?? (bodyRows <= style.keepTogetherRows)
        let pageHeight = theme.contentHeight
        let noteStyle = theme.notes
        add { shaped in
            let layout = TableLayout(grid: grid, requests: requests, shaped: shaped, widths: widths, edges: edges, style: style,
                                     aligned: alignments.map { $0 == .right }, figureColumns: figureColumns)
            var groups = grid.groups
            let headerSlice = grid.headerRows > 0 ? layout.slice(groups.removeFirst(), fullWidth: fullWidth, line: line) : nil
            var items: [FlowItem] = []
            if var headerSlice {
                headerSlice.breakAfter = false  // a header row never ends a page
                items.append(.slice(headerSlice))
            }
            var slices = groups.map { layout.slice($0, fullWidth: fullWidth, line: table.line(ofRow: $0.lowerBound - 1)) }
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
                // leaves its first or last row alone on a page. Its first note stays with it.
                slices[index].breakAfter = (index == slices.count - 1 && notes.isEmpty) || (!kept && index != 0 && index != slices.count - 2)
                items.append(.slice(slices[index]))
            }
            items.append(.close)  // the table; its notes follow it
            for note in notes {
                items.append(.space(noteStyle.spaceBetween))
                items.append(.slice(noteSlice(note, shaped, style: noteStyle, width: fullWidth)))
            }
            return items
        }
    }

    /// Natural widths (text length) scaled to fill the column, never below the longest word.
    /// Widths are estimated from character counts at a generous 0.62 em (wider than Liberation
    /// Sans's bold digits), so a year or a figure never wraps inside its cell. A column whose
    /// figures line up on the decimal point needs room for the longest integer part and the
    /// longest part after it, which may come from different rows. A merged cell's text counts
    /// over its columns together: what they lack between them is shared out among them.
    private func columnWidths(_ table: Table, grid: TableGrid, columns: Int, width: Double) -> [Double] {
        let em = theme.table.size * 0.62, pad = 2 * theme.table.padding
        var natural = Array(repeating: pad + em, count: columns)
        var minimum = natural
        var merged: [(span: CellSpan, natural: Double, minimum: Double)] = []
        for (rowIndex, row) in ([table.header] + table.rows).enumerated() {
            for (column, cell) in row.enumerated() where column < columns {
                let span = grid.span(rowIndex, column)
                var cellNatural = 0.0, cellMinimum = 0.0
                // A header's unit label sits on a line of its own.
                for text in cell.plainText.split(separator: "\n", omittingEmptySubsequences: false) {
                    cellNatural = max(cellNatural, Double(text.count) * em + pad)
                    let longest = text.split(separator: " ").map(\.count).max() ?? 0
                    cellMinimum = max(cellMinimum, Double(longest) * em + pad)
                }
                if span.columns > 1 {
                    if (span.row, span.column) == (rowIndex, column) { merged.append((span, cellNatural, cellMinimum)) }
                    continue
                }
                natural[column] = max(natural[column], cellNatural)
                minimum[column] = max(minimum[column], cellMinimum)
            }
        }
        for column in 0..<columns {
            let aligned = figureWidth(table, grid: grid, column: column)
            natural[column] = max(natural[column], aligned * em + pad)
            minimum[column] = max(minimum[column], aligned * em + pad)
        }
        // Narrower merged cells first, so a wider one sees what they already added.
        for cell in merged.sorted(by: { $0.span.columns < $1.span.columns }) {
            let range = cell.span.column..<(cell.span.column + cell.span.columns)
            let shortNatural = cell.natural - range.reduce(0) { $0 + natural[$1] }
            if shortNatural > 0 { for c in range { natural[c] += shortNatural / Double(range.count) } }
            let shortMinimum = cell.minimum - range.reduce(0) { $0 + minimum[$1] }
            if shortMinimum > 0 { for c in range { minimum[c] += shortMinimum / Double(range.count) } }
            for c in range { natural[c] = max(natural[c], minimum[c]) }
        }
        let total = natural.reduce(0, +)
        if total <= width { return natural.map { $0 * width / total } }
        let floor = minimum.reduce(0, +)
        guard floor < width else { return minimum.map { $0 * width / floor } }
        let flexible = zip(natural, minimum).map { $0 - $1 }, flex = flexible.reduce(0, +)
        return (0..<columns).map { minimum[$0] + flexible[$0] / flex * (width - floor) }
    }

    /// Characters a column's figures span once lined up on the decimal point (as `FigureShifts`
    /// groups them): the longest integer part and the longest tail of each group, over the
    /// body rows' cells of one column.
    private func figureWidth(_ table: Table, grid: TableGrid, column: Int) -> Double {
        let aligned = table.figureStyle(column) != nil || (column < table.alignments.count && table.alignments[column] == .right)
        guard aligned else { return 0 }
        var integers: [String: Int] = [:], tails: [String: Int] = [:]
        let firstBody = max(1, grid.headerRows)
        for (index, row) in table.rows.enumerated() where index + 1 >= firstBody && column < row.count && grid.span(index + 1, column).columns == 1 {
            let text = row[column].plainText
            guard let parts = FigureParts(text) else { continue }
            let integer = String(decoding: text.utf8.prefix(parts.integerEnd), as: UTF8.self).count
            integers[parts.suffix] = max(integers[parts.suffix] ?? 0, integer)
            tails[parts.suffix] = max(tails[parts.suffix] ?? 0, text.count - integer)
        }
        return Double(integers.map { $0.value + (tails[$0.key] ?? 0) }.max() ?? 0)
    }
}
