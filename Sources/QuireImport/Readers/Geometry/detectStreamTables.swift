/// Finds the tables a run of lines sets out in columns of text, as camelot's stream mode and
/// pdfplumber's text strategy do: a line with a gutter (`splitPhrases(_:route:)`) is a table row;
/// rows whose gutters line up over several lines, with the lines between them that fit inside
/// one column (a cell's wrapped text), are one table. A line of running text across a gutter,
/// a marker paragraph ("1.1   The council…"), or a wide gap ends it.
///
/// The same shape covers a header block set out as label and value ("REPORT TO:    PARKS
/// COMMITTEE", labels wrapped over two lines with their values beside them) and two-column
/// contact blocks: they come out as tables, and the rules decide what they are.
func detectStreamTables(_ lines: [FlowLine], context: ReadContext) -> [FlowSegment] {
    var segments: [FlowSegment] = []
    var pending: [FlowLine] = []
    var index = 0
    while index < lines.count {
        guard isTableRow(lines[index], columns: nil), let end = tableExtent(lines, from: index, route: context.route),
              let table = buildStreamTable(Array(lines[index..<end]), context: context) else {
            pending.append(lines[index])
            index += 1
            continue
        }
        if !pending.isEmpty { segments.append(.lines(pending)) }
        pending = []
        segments.append(.table(table))
        index = end
    }
    if !pending.isEmpty { segments.append(.lines(pending)) }
    return segments
}

/// Whether a line has the shape of a table row: two or more phrases, unless it is a marker
/// and its text ("1.1   The council…", "•   Item"), which only a table of three or more
/// columns that it lines up with takes as a row.
private func isTableRow(_ line: FlowLine, columns: [ColumnSpan]?) -> Bool {
    guard line.phrases.count >= 2 else { return false }
    let markerFirst = line.phrases[0].words.count == 1 && isMarker(line.phrases[0].text)
    guard markerFirst, line.phrases.count == 2 else { return true }
    guard let columns, columns.count >= 3 else { return false }
    return alignsGutters(line, columns: columns)
}

/// Whether one of the line's gutters overlaps one of the columns' gutters.
private func alignsGutters(_ line: FlowLine, columns: [ColumnSpan]) -> Bool {
    let own = zip(line.phrases, line.phrases.dropFirst()).map { ColumnSpan(x0: $0.x1, x1: $1.x0) }
    let theirs = gutters(columns)
    return own.contains { gutter in theirs.contains { $0.overlaps(gutter) } }
}

/// Whether a one-phrase line fits inside the columns: it runs across no gutter, nor more than
/// a third of the way into one (a cell's wrapped line is no wider than its column; a run-in
/// "FORWARD PLAN REF: FP/2025/041" under a label column is running text).
private func fitsColumns(_ line: FlowLine, columns: [ColumnSpan]) -> Bool {
    guard let phrase = line.phrases.first else { return false }
    return !gutters(columns).contains { gutter in
        phrase.span.covers(gutter) || (phrase.x0 < gutter.x0 && phrase.x1 > gutter.x0 + (gutter.x1 - gutter.x0) / 3)
    }
}

/// Where the table starting at `start` ends (exclusive): rows that line up, the wrapped cell
/// lines between them, blank space no wider than a row or two; trailing lines after the last
/// row are the table's only when nothing separates them from it.
private func tableExtent(_ lines: [FlowLine], from start: Int, route: PageRoute) -> Int? {
    var columns = columnSpans([lines[start].phrases])
    var lastRow = start
    var end = start + 1
    var index = start + 1
    while index < lines.count {
        let line = lines[index]
        if tooFarBelow(line, lines[index - 1], route: route) { break }
        if isTableRow(line, columns: columns) {
            guard alignsGutters(line, columns: columns) else { break }
            columns = columnSpans((start...index).filter { isTableRow(lines[$0], columns: columns) }.map { lines[$0].phrases })
            lastRow = index
            end = index + 1
        } else if line.phrases.count == 1, fitsColumns(line, columns: columns) {
            // A wrapped cell line: the table's if no gap stands between it and the last row.
            if !((lastRow + 1)...index).contains(where: { lines[$0].gapBefore }) { end = index + 1 }
        } else {
            break
        }
        index += 1
    }
    return end > start ? end : nil
}

/// A gap of more than two rows' height between lines ends a table.
private func tooFarBelow(_ line: FlowLine, _ above: FlowLine, route: PageRoute) -> Bool {
    let gap = line.line.top - above.line.bottom
    let height = max(above.line.height, 1)
    return route == .text ? gap > 2 * TextGrid.row + 0.5 : gap > 2.5 * height
}
