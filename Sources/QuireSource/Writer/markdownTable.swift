import Foundation
import QuireModel

/// A table as a pipe table: the grid's first row as its header, a cell covered by a merge
/// written `<` (merged into the cell on its left) or `^` (into the cell above), and a `{: … }`
/// line under it for what a pipe table cannot say (more header rows, keep-together, figure
/// columns, a caption).
func markdownTable(_ table: Table, notes: inout FootnoteList) -> String {
    let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0, table.alignments.count)
    guard columns > 0 else { return "" }
    let grid = [table.header] + table.rows
    var covered: [[String?]] = grid.map { _ in Array(repeating: nil, count: columns) }
    for span in table.spans {
        for row in span.row..<min(grid.count, span.row + span.rows) {
            for column in span.column..<min(columns, span.column + span.columns) where (row, column) != (span.row, span.column) {
                // Cells to the right in the span's first row merge left; every cell below merges up.
                covered[row][column] = row == span.row ? "<" : "^"
            }
        }
    }
    // The caption is read first (it stands above the table), so its notes come first.
    let attributes = tableAttributes(table, notes: &notes)
    func line(_ row: Int) -> String {
        var cells: [String] = []
        for column in 0..<columns {
            if let marker = covered[row][column] {
                cells.append(marker)
                continue
            }
            let cell = column < grid[row].count ? grid[row][column] : []
            // A cell is one line: a hard break inside it is written as a space.
            let text = markdownInline(cell, notes: &notes).replacingOccurrences(of: "\\\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            // A cell that is only "<" or "^" is text, not a merge.
            cells.append(text == "<" || text == "^" ? "\\" + text : text)
        }
        return "| " + cells.joined(separator: " | ") + " |"
    }
    let rule = (0..<columns).map { column -> String in
        switch column < table.alignments.count ? table.alignments[column] : .left {
        case .left: "---"
        case .center: ":---:"
        case .right: "---:"
        }
    }
    var lines = [line(0), "| " + rule.joined(separator: " | ") + " |"]
    for row in 1..<grid.count { lines.append(line(row)) }
    lines += attributes.map { "{: " + $0.joined(separator: " ") + "}" }
    return lines.joined(separator: "\n")
}

/// What the table's `{: … }` lines say, in the order the reader documents its keys: one line
/// per figure style, as the reader takes one style a line (the first line also holds the
/// table's own keys).
private func tableAttributes(_ table: Table, notes: inout FootnoteList) -> [[String]] {
    var items: [String] = []
    if table.headerRows > 1 { items.append("header-rows=\(table.headerRows)") }
    if let keep = table.keepTogether { items.append(keep ? "keep-together" : "keep-together=false") }
    if let caption = table.caption { items.append("caption=" + quoted(markdownInline(caption, notes: &notes))) }
    // Figure columns with the same style share one line's worth of keys.
    var groups: [(style: FigureStyle, columns: [Int])] = []
    for (column, style) in table.figures.enumerated() {
        guard let style else { continue }
        if let index = groups.firstIndex(where: { $0.style == style }) { groups[index].columns.append(column + 1) } else { groups.append((style, [column + 1])) }
    }
    var lines: [[String]] = []
    for group in groups {
        lines.append((lines.isEmpty ? items : []) + ["columns=" + group.columns.map(String.init).joined(separator: ",")] + figureStyleItems(group.style))
    }
    if lines.isEmpty, !items.isEmpty { lines = [items] }
    return lines
}

/// A figure style's keys, as a layout or a `{: }` line writes them.
private func figureStyleItems(_ style: FigureStyle) -> [String] {
    var items = ["figures"]
    if let negative = style.negative { items.append("negative=\(negative.rawValue)") }
    if let separators = style.separators { items.append("separators=\(separators)") }
    if let decimals = style.decimals { items.append("decimals=\(decimals)") }
    if let unit = style.unit { items.append("unit=" + quoted(unit)) }
    if let scale = style.scale { items.append("scale=" + (scale == scale.rounded() ? String(Int(scale)) : String(scale))) }
    return items
}

private func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}
