public import QuireModel

/// A table carried over a page break as one table: the rows overleaf appended, the header
/// rows repeated at the top of the new page dropped (into the furniture, with why), columns
/// matched by order when both parts have as many, else by where they stand across the
/// table. Nil when the second table does not continue the first (another kind, or columns
/// that do not match).
func joinTables(_ above: ReadTable, _ below: ReadTable, page: Int, dropped: inout [SourceText]) -> ReadTable? {
    guard above.table.ruled == below.table.ruled, let width = above.table.rows.first?.count, width > 0 else { return nil }
    guard let mapping = columnMapping(from: below.columns, to: above.columns) else { return nil }
    var rows = below.table.rows
    var joined = above
    // The header repeated overleaf: the first table's leading rows (up to three, at least
    // its heading rows) again, word for word. A row broken by the page break goes on under the
    // repeated header, in cells the header leaves empty: that text ends the row above.
    var headerRows = above.table.headerRows
    let candidates = (1...min(3, max(1, rows.count - 1), above.table.rows.count)).reversed().filter { $0 >= above.table.headerRows }
    if width == rows.first?.count, let (heading, carried) = candidates.lazy.compactMap({ k in
        repeatedHeader(above.table.rows.prefix(k), rows.prefix(k)).map { (k, $0) } }).first {
        for row in rows.prefix(heading) {
            let text = row.filter { !$0.isCovered }.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
            dropped.append(SourceText(text: text, place: rowPlace(row) ?? SourcePlace(line: below.table.place.line, page: page),
                                      reason: "table header row repeated on page \(page)"))
        }
        // The carried text was in the dropped rows' words: take it back out of the furniture.
        for (column, paragraphs) in carried where !paragraphs.isEmpty {
            let last = joined.table.rows.count - 1
            joined.table.rows[last][column].paragraphs = joinedParagraphs(joined.table.rows[last][column].paragraphs, paragraphs)
            let words = paragraphs.flatMap { $0.text.split(separator: " ") }
            for index in dropped.indices.suffix(heading).reversed() {
                var remaining = dropped[index].text.split(separator: " ").map(String.init)
                for word in words { if let at = remaining.firstIndex(of: String(word)) { remaining.remove(at: at) } }
                dropped[index].text = remaining.joined(separator: " ")
            }
        }
        rows.removeFirst(heading)
        headerRows = max(headerRows, heading)
    }
    // A row the page break cut, drawn as a row of its own overleaf: its text starts in
    // lowercase, and it goes on with the row above.
    if let first = rows.first, width == first.count, let last = joined.table.rows.indices.last, last >= headerRows {
        let texts = first.filter { !$0.isCovered && !$0.paragraphs.isEmpty }.map(\.text)
        if !texts.isEmpty, texts.allSatisfy({ $0.first?.isLowercase ?? false }) {
            for (column, cell) in first.enumerated() where !cell.isCovered && !cell.paragraphs.isEmpty {
                joined.table.rows[last][column].paragraphs = joinedParagraphs(joined.table.rows[last][column].paragraphs, cell.paragraphs)
            }
            rows.removeFirst()
        }
    }
    for row in rows {
        var placed = [ImportCell](repeating: ImportCell(paragraphs: []), count: width)
        for (column, cell) in row.enumerated() where !cell.isCovered {
            let target = mapping[column]
            if placed[target].isCovered || !placed[target].paragraphs.isEmpty {
                placed[target].paragraphs += cell.paragraphs
            } else {
                placed[target] = cell
                placed[target].columnSpan = min(cell.columnSpan, width - target)
                for covered in (target + 1)..<(target + placed[target].columnSpan) where covered < width { placed[covered] = .covered }
            }
        }
        joined.table.rows.append(placed)
    }
    joined.table.headerRows = headerRows
    joined.table.continuesAcrossPages = true
    joined.bottom = below.bottom
    joined.lineNumbers += below.lineNumbers
    return joined
}

/// For each column of `from`, the column of `to` it continues; nil when they do not match.
private func columnMapping(from: [ColumnSpan], to: [ColumnSpan]) -> [Int]? {
    guard !from.isEmpty, !to.isEmpty else { return nil }
    if from.count == to.count { return Array(from.indices) }
    // Fewer columns overleaf (one empty on that page) or a different pitch (a text export
    // scales each page's columns): match by where each stands across its own table.
    guard from.count < to.count else { return nil }
    func relative(_ spans: [ColumnSpan]) -> [Double] {
        let left = spans.first!.x0, right = spans.map(\.x1).max()!
        return spans.map { ($0.x0 - left) / max(1, right - left) }
    }
    let targets = relative(to), sources = relative(from)
    var mapping: [Int] = []
    for source in sources {
        let nearest = targets.indices.min { abs(targets[$0] - source) < abs(targets[$1] - source) }!
        if let last = mapping.last, nearest <= last { return nil }
        mapping.append(nearest)
    }
    return mapping
}

/// Whether `overleaf` repeats `header` row for row: every cell the same text, except text
/// the header does not have (in a cell it leaves empty or merged, or after a heading's own
/// words), which carries on the row above the page break (returned by column). Nil when they
/// differ.
private func repeatedHeader(_ header: ArraySlice<[ImportCell]>, _ overleaf: ArraySlice<[ImportCell]>) -> [Int: [ImportParagraph]]? {
    var carried: [Int: [ImportParagraph]] = [:]
    var repeats = false
    for (top, again) in zip(header, overleaf) {
        guard top.count == again.count else { return nil }
        for column in top.indices {
            let a = top[column], b = again[column]
            if b.isCovered {
                guard a.isCovered || a.paragraphs.isEmpty else { return nil }
            } else if a.isCovered || a.paragraphs.isEmpty {
                carried[column, default: []] += b.paragraphs
            } else if a.text == b.text {
                repeats = true
            } else if b.text.hasPrefix(a.text + " "), let extra = linesAfter(a, in: b) {
                // The heading rows overleaf took the carried line into the heading's cell.
                repeats = true
                carried[column, default: []].append(extra)
            } else {
                return nil
            }
        }
    }
    return repeats ? carried : nil
}

/// The lines of `cell` after those of `heading` as one paragraph, or nil.
private func linesAfter(_ heading: ImportCell, in cell: ImportCell) -> ImportParagraph? {
    let lines = cell.paragraphs.flatMap(\.lines)
    let count = heading.paragraphs.flatMap(\.lines).count
    guard lines.count > count, let first = cell.paragraphs.first else { return nil }
    let rest = Array(lines[count...])
    return ImportParagraph(inlines: [.text(rest.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.joined(separator: " "))],
                           lines: rest, place: first.place, indent: first.indent)
}

/// A cell's paragraphs with more after a page break: the first of them goes on the last.
private func joinedParagraphs(_ before: [ImportParagraph], _ after: [ImportParagraph]) -> [ImportParagraph] {
    guard var last = before.last, let first = after.first else { return before + after }
    last.inlines = last.inlines + [.text(" ")] + first.inlines
    last.lines += first.lines
    return before.dropLast() + [last] + after.dropFirst()
}

private func rowPlace(_ row: [ImportCell]) -> SourcePlace? {
    row.lazy.compactMap { $0.paragraphs.first?.place }.first
}
