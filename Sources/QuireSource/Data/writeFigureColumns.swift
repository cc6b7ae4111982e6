import Foundation
import QuireModel

/// Writes each figure column of a Markdown table in its style (the layout's, with the
/// column's own from its `{: }` line laid over it): every body cell is read as a figure
/// ("-230.8", "−230.8", "(230.8)", "1,234", "£1,234", "12.5%") and written again, so one
/// column cannot mix "(230.8)" with "-12". A blank cell or a lone dash (nil, as finance
/// tables mark it) stays as written; anything else is an error naming its line and cell,
/// never a figure silently printed wrong. A unit label goes under the column's header (its
/// lowest header row; a heading merged over several columns gets it once). Header rows
/// below the first are headings, not figures.
func writeFigureColumns(_ table: inout Table, style base: FigureStyle, file: String) throws(QuireError) {
    for column in table.figures.indices {
        guard let own = table.figures[column] else { continue }
        let style = base.merging(own)
        table.figures[column] = style
        let heading = column < table.header.count ? table.header[column].plainText : ""
        for index in table.rows.indices where index >= table.headerRows - 1 && column < table.rows[index].count {
            let cell = table.rows[index][column]
            let location = SourceLocation(file: file, line: table.line(ofRow: index))
            let name = "column \(column + 1)" + (heading.isEmpty ? "" : " ('\(heading)')")
            let text = cell.plainText.trimmingCharacters(in: .whitespaces)
            if text.isEmpty || ["-", "\u{2013}", "\u{2014}"].contains(text) { continue }
            guard let written = readFigure(text) else {
                throw QuireError(.invalidValue, at: location, field: "table", "'\(text)' in \(name) is not a figure",
                                 hint: "the column is a figure column ({: } line under the table): write a number such as 1,234.5, (230.8) or -230.8, leave the cell empty, or leave the column out with columns=…")
            }
            if let label = style.unitLabel, written.hasSymbol, !label.contains(written.unit == .currency ? "£" : "%") {
                throw QuireError(.invalidValue, at: location, field: "table", "'\(text)' in \(name) is written in \(written.unit == .currency ? "£" : "%"), but the column's unit is \(label)",
                                 hint: "write the figure in \(label), without the symbol, or give the column its own unit with columns=…")
            }
            let figure = formatFigure(written.number, decimals: written.decimals, unit: written.unit, style: style)
            guard let rewritten = replacingText(of: cell, with: figure) else {
                throw QuireError(.invalidValue, at: location, field: "table", "'\(text)' in \(name) mixes styles inside one figure",
                                 hint: "a figure cell is plain, or bold or italic as a whole (**1,234.5**)")
            }
            table.rows[index][column] = rewritten
        }
        if let label = style.unitLabel { addUnit(label, to: &table, column: column) }
    }
}

/// Puts a column's unit label under its lowest heading: the cell of the last header row, or
/// the merged heading that covers it, once (a "Budget £m" over two columns already says it).
private func addUnit(_ label: String, to table: inout Table, column: Int) {
    let row = max(0, min(table.headerRows, table.rows.count + 1) - 1)
    let span = table.spans.first { row >= $0.row && row < $0.row + $0.rows && column >= $0.column && column < $0.column + $0.columns }
    let (r, c) = span.map { ($0.row, $0.column) } ?? (row, column)
    func cell(_ r: Int) -> [Inline] {
        if r == 0 { return c < table.header.count ? table.header[c] : [] }
        return c < table.rows[r - 1].count ? table.rows[r - 1][c] : []
    }
    let heading = cell(r)
    if span != nil, heading.plainText.contains(label) { return }
    let labelled: [Inline] = heading.isEmpty ? [.text(label)] : heading + [.lineBreak, .text(label)]
    if r == 0 {
        guard c < table.header.count else { return }
        table.header[c] = labelled
    } else {
        guard c < table.rows[r - 1].count else { return }
        table.rows[r - 1][c] = labelled
    }
}

/// The cell with its one text replaced, keeping bold or italic around it and the notes
/// referenced after it; nil when the cell is more than one piece of text.
private func replacingText(of cell: [Inline], with text: String) -> [Inline]? {
    if cell.count > 1, let last = cell.last, case .note = last {
        return replacingText(of: Array(cell.dropLast()), with: text).map { $0 + [last] }
    }
    guard cell.count == 1 else { return nil }
    switch cell[0] {
    case .text: return [.text(text)]
    case .strong(let inner): return replacingText(of: inner, with: text).map { [.strong($0)] }
    case .emphasis(let inner): return replacingText(of: inner, with: text).map { [.emphasis($0)] }
    case .code, .link, .softBreak, .lineBreak, .note: return nil
    }
}
