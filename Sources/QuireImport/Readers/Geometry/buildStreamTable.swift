import Foundation
import FoundationEssentials
public import QuireModel

/// A table from lines that set it out in columns of text (`detectStreamTables`).
///
/// Columns come from the rows' phrases (`columnSpans`). Rows: where blank space stands between
/// the rows (cell padding, as a word processor's tables with paragraph spacing show it), each
/// block of lines between gaps is one row and its lines are the cells' wrapped lines; otherwise
/// each line with a gutter starts a row and a one-phrase line below it continues the cell it
/// falls in. A phrase over two or more columns is a merged cell (a "Budget £m" over two years).
/// Empty cells stay in place. Leading rows without figures above rows with figures head the
/// table; a column whose cells end flush right is a column of figures (`alignedRight`).
func buildStreamTable(_ lines: [FlowLine], context: ReadContext) -> ReadTable? {
    var columns = columnSpans(lines.filter { $0.phrases.count >= 2 }.map(\.phrases))
    // Single-phrase lines inside the table may show a column no row did.
    for line in lines where line.phrases.count == 1 && !columns.contains(where: { $0.overlaps(line.phrases[0].span) }) {
        columns.append(line.phrases[0].span)
        columns.sort { $0.x0 < $1.x0 }
    }
    guard columns.count >= 2 else { return nil }
    var drafts = rowDrafts(lines, columns: columns, route: context.route)
    guard !drafts.isEmpty else { return nil }
    func texts() -> [[String]] { drafts.map { $0.pieces.map { $0.lines.flatMap(\.words).map(\.text).joined(separator: " ") } } }
    let heading = headingRows(texts())
    mergeHeadingColumns(&columns, &drafts, heading: heading)
    guard columns.count >= 2 else { return nil }
    placeFloatingHeadings(&drafts, heading: heading, columnCount: columns.count)
    reachLeft(&drafts, heading: heading, columns: columns)
    // Below the heading rows a phrase over two columns is text the export ran together
    // ("East planting 3.4": a cell's words one space from the next cell's figure), not a
    // merged cell: its words go back to their columns.
    for index in drafts.indices.dropFirst(heading) { drafts[index].splitRunTogether(columns: columns) }

    // Each column's lines set one text column: their gauge finds the cells' wrapped lines.
    var columnLines = [[PageLine]](repeating: [], count: columns.count)
    for draft in drafts {
        for piece in draft.pieces where piece.columns.count == 1 { columnLines[piece.columns.lowerBound] += piece.lines }
    }
    let gauges = columnLines.map { WrapGauge(route: context.route, lines: $0) }

    var rows: [[ImportCell]] = []
    for draft in drafts {
        var row = [ImportCell](repeating: ImportCell(paragraphs: []), count: columns.count)
        var taken = [Bool](repeating: false, count: columns.count)
        // Single-column pieces first, so a merged cell only covers columns nothing else claims.
        for piece in draft.pieces.sorted(by: { $0.columns.count < $1.columns.count }) {
            var range = piece.columns
            if range.count > 1, range.contains(where: { taken[$0] }) { range = range.lowerBound...range.lowerBound }
            let column = range.lowerBound
            let gauge = range.count == 1 ? gauges[column] : WrapGauge(route: context.route, lines: piece.lines)
            let flow = piece.lines.enumerated().map { FlowLine($1, route: context.route, gapBefore: $0 > 0 && piece.gapBefore[$0]) }
            let paragraphs = buildParagraphs(flow, gauge: gauge, left: columns[column].x0, context: context, breaksWords: true)
            row[column].paragraphs += paragraphs
            if range.count > 1 {
                row[column].columnSpan = range.count
                for covered in range.dropFirst() { row[covered] = .covered }
            }
            for index in range { taken[index] = true }
        }
        rows.append(row)
    }
    markFigureColumns(&rows, drafts: drafts, columns: columns)
    var headerRows = heading
    spanHeadingCells(&rows, headerRows: headerRows)
    joinWrappedHeadings(&rows, headerRows: &headerRows)
    spanHeadingsDown(&rows, headerRows: headerRows)
    let first = lines[0].line
    let table = ImportTable(rows: rows, headerRows: headerRows, ruled: false, place: SourcePlace(line: first.number, page: first.page))
    return ReadTable(table: table, columns: columns, top: first.top, bottom: lines.map(\.line.bottom).max() ?? first.bottom,
                     lineNumbers: lines.map(\.line.number))
}

/// One row's text before it becomes cells: for each phrase, the columns it lies over.
private struct RowDraft {
    struct Piece {
        var columns: ClosedRange<Int>
        var lines: [PageLine]
        /// Per line: a paragraph gap above it within the cell.
        var gapBefore: [Bool]
        /// Standing in a gutter, over no column (a heading set between its columns).
        var floating = false
    }
    var pieces: [Piece] = []

    func hasText(in column: Int) -> Bool { pieces.contains { $0.columns.contains(column) } }

    /// The last line of text in a column, if any.
    func lastLine(in column: Int) -> PageLine? { pieces.last { $0.columns == column...column }?.lines.last }

    /// Adds another piece's lines to the piece over the same columns.
    mutating func extend(_ piece: Piece) {
        if let index = pieces.lastIndex(where: { $0.columns == piece.columns }) {
            pieces[index].lines += piece.lines
            pieces[index].gapBefore += piece.gapBefore
        } else {
            pieces.append(piece)
        }
    }

    /// Splits pieces over two or more columns whose words each fall in one column, in order.
    mutating func splitRunTogether(columns: [ColumnSpan]) {
        var split: [Piece] = []
        for piece in pieces {
            guard piece.columns.count > 1, piece.lines.count == 1, let line = piece.lines.first else {
                split.append(piece)
                continue
            }
            let homes = line.words.map { word in
                columns.indices.max { columns[$0].overlap(word.span) < columns[$1].overlap(word.span) }.flatMap { columns[$0].overlap(word.span) > 0 ? $0 : nil }
                    ?? columns.indices.min { abs(columns[$0].centre - word.span.centre) < abs(columns[$1].centre - word.span.centre) }!
            }
            guard homes == homes.sorted(), Set(homes).count >= 2 else {
                split.append(piece)
                continue
            }
            var start = 0
            for end in 1...homes.count where end == homes.count || homes[end] != homes[start] {
                let words = Array(line.words[start..<end])
                split.append(Piece(columns: homes[start]...homes[start], lines: [PageLine(words: words, number: line.number, page: line.page)], gapBefore: [false]))
                start = end
            }
        }
        pieces = split
    }

    mutating func add(_ phrase: Phrase, of line: FlowLine, columns: [ColumnSpan]) {
        let range = columnsOf(phrase, in: columns)
        let floating = !columns.contains { $0.overlaps(phrase.span) }
        let pageLine = PageLine(words: phrase.words, number: line.line.number, page: line.line.page)
        if let index = pieces.lastIndex(where: { $0.columns == range }) {
            pieces[index].lines.append(pageLine)
            pieces[index].gapBefore.append(line.gapBefore)
        } else {
            pieces.append(Piece(columns: range, lines: [pageLine], gapBefore: [false], floating: floating))
        }
    }
}

/// A heading standing in the gutter between two columns belongs to the right one when that
/// column has no other heading ("Change £m" set left of its right-aligned figures), else to
/// the left one, from which a heading centred over columns spans (`spanHeadingCells`).
private func placeFloatingHeadings(_ drafts: inout [RowDraft], heading: Int, columnCount: Int) {
    for row in 0..<min(heading, drafts.count) {
        for index in drafts[row].pieces.indices where drafts[row].pieces[index].floating {
            let left = drafts[row].pieces[index].columns.lowerBound, right = left + 1
            guard right < columnCount else { continue }
            let rightHeaded = (0..<heading).contains { other in
                drafts[other].pieces.enumerated().contains { $0.element.columns.contains(right) && !(other == row && $0.offset == index) }
            }
            if !rightHeaded, !drafts[row].hasText(in: right) { drafts[row].pieces[index].columns = right...right }
        }
    }
}

/// A heading in a row above another heading row that sticks out left of its column by more
/// than half the gutter, with nothing of its row beside it there, starts a column earlier: a
/// heading centred over several columns ("Estimated value £m" over three years).
private func reachLeft(_ drafts: inout [RowDraft], heading: Int, columns: [ColumnSpan]) {
    guard heading >= 2 else { return }
    for row in 0..<(heading - 1) {
        for index in drafts[row].pieces.indices {
            let piece = drafts[row].pieces[index]
            let column = piece.columns.lowerBound
            guard column > 0, piece.columns.count == 1, !drafts[row].hasText(in: column - 1), drafts[row + 1].hasText(in: column - 1),
                  let x0 = piece.lines.map(\.x0).min() else { continue }
            // A heading further left with a heading under it spans over that column already.
            if let owner = (0..<(column - 1)).last(where: { drafts[row].hasText(in: $0) }), drafts[row + 1].hasText(in: owner) { continue }
            let gutter = columns[column].x0 - columns[column - 1].x1
            if x0 < columns[column].x0 - gutter / 2 { drafts[row].pieces[index].columns = (column - 1)...piece.columns.upperBound }
        }
    }
}

/// Heading text under a heading cell that does not span goes on that cell ("Surplus places"
/// over "%", "Balance 1 April" over "2024 £m"); under a cell that spans, it is a heading of
/// its own ("2024/25" under "Budget £m"). A heading row left empty goes.
func joinWrappedHeadings(_ rows: inout [[ImportCell]], headerRows: inout Int) {
    var row = 1
    while row < headerRows, row < rows.count {
        for column in rows[row].indices where !rows[row][column].isCovered && !rows[row][column].paragraphs.isEmpty {
            let above = rows[row - 1][column]
            guard !above.isCovered, !above.paragraphs.isEmpty, above.columnSpan == 1, rows[row][column].columnSpan == 1 else { continue }
            var joined = above.paragraphs
            for paragraph in rows[row][column].paragraphs {
                guard var last = joined.popLast() else { break }
                last.inlines += [.text(" ")] + paragraph.inlines
                last.lines += paragraph.lines
                joined.append(last)
            }
            rows[row - 1][column].paragraphs = joined
            rows[row][column] = ImportCell(paragraphs: [])
        }
        if rows[row].allSatisfy({ !$0.isCovered && $0.paragraphs.isEmpty }) {
            rows.remove(at: row)
            headerRows -= 1
        } else {
            row += 1
        }
    }
}

/// A heading cell with only empty cells under it in the heading rows is merged down over
/// them ("Directorate" beside two rows of headings).
func spanHeadingsDown(_ rows: inout [[ImportCell]], headerRows: Int) {
    guard headerRows >= 2 else { return }
    for column in rows[0].indices {
        var row = 0
        while row < headerRows - 1 {
            let cell = rows[row][column]
            guard !cell.isCovered, !cell.paragraphs.isEmpty, cell.columnSpan == 1 else { row += 1; continue }
            var end = row + 1
            while end < headerRows, !rows[end][column].isCovered, rows[end][column].paragraphs.isEmpty { end += 1 }
            if end - row > 1 {
                rows[row][column].rowSpan = end - row
                for covered in (row + 1)..<end { rows[covered][column] = .covered }
            }
            row = end
        }
    }
}

/// Joins a column that has text only in the heading rows with the next one that has text
/// only below them: a left-aligned heading over right-aligned figures shows as two columns
/// that never share a row ("Oaks" over "120").
private func mergeHeadingColumns(_ columns: inout [ColumnSpan], _ drafts: inout [RowDraft], heading: Int) {
    guard heading > 0, heading < drafts.count else { return }
    func rowsWithText(_ column: Int) -> Set<Int> { Set(drafts.indices.filter { drafts[$0].pieces.contains { $0.columns.contains(column) } }) }
    var column = 0
    while column + 1 < columns.count {
        let a = rowsWithText(column), b = rowsWithText(column + 1)
        let headingOnly = { (rows: Set<Int>) in !rows.isEmpty && rows.allSatisfy { $0 < heading } }
        let bodyOnly = { (rows: Set<Int>) in !rows.isEmpty && rows.allSatisfy { $0 >= heading } }
        guard (headingOnly(a) && bodyOnly(b)) || (bodyOnly(a) && headingOnly(b)) else {
            column += 1
            continue
        }
        columns[column] = ColumnSpan(x0: min(columns[column].x0, columns[column + 1].x0), x1: max(columns[column].x1, columns[column + 1].x1))
        columns.remove(at: column + 1)
        for row in drafts.indices {
            for piece in drafts[row].pieces.indices {
                let range = drafts[row].pieces[piece].columns
                let shift = { (index: Int) in index > column ? index - 1 : index }
                drafts[row].pieces[piece].columns = shift(range.lowerBound)...shift(range.upperBound)
            }
        }
        column += 1
    }
}

/// The table's rows: blocks between gaps when gaps part the rows, else one row per line with
/// a gutter and its wrapped cell lines. A one-phrase line goes on with the cell above it when
/// it starts in lowercase or the cell's last line wrapped into it (its first word would not
/// have fitted before the next column); otherwise it is a row of its own ("Park and Ride"
/// under "Zone C (district centres)").
private func rowDrafts(_ lines: [FlowLine], columns: [ColumnSpan], route: PageRoute) -> [RowDraft] {
    var groups: [[FlowLine]] = []
    for line in lines {
        if line.gapBefore || groups.isEmpty { groups.append([line]) } else { groups[groups.count - 1].append(line) }
    }
    let sizes = groups.map(\.count).sorted()
    let paddedRows = groups.count >= 2 && sizes[sizes.count / 2] <= 3
    var drafts: [RowDraft] = []
    if paddedRows {
        for group in groups {
            var draft = RowDraft()
            for line in group { for phrase in line.phrases { draft.add(phrase, of: line, columns: columns) } }
            // A block with nothing in the first column goes on with the row above (a value's
            // second paragraph).
            if let last = drafts.indices.last, group.allSatisfy({ $0.phrases.count == 1 }), !draft.hasText(in: 0) {
                for line in group { drafts[last].add(line.phrases[0], of: line, columns: columns) }
            } else {
                drafts.append(draft)
            }
        }
        return drafts
    }
    for line in lines {
        if line.phrases.count >= 2 || drafts.isEmpty {
            var draft = RowDraft()
            for phrase in line.phrases { draft.add(phrase, of: line, columns: columns) }
            drafts.append(draft)
            continue
        }
        let phrase = line.phrases[0]
        let column = columnsOf(phrase, in: columns).lowerBound
        let next = PageLine(words: phrase.words, number: line.line.number, page: line.line.page)
        var continues = phrase.text.first?.isLowercase ?? false
        if !continues, let above = drafts[drafts.count - 1].lastLine(in: column) {
            let right = column + 1 < columns.count ? columns[column + 1].x0 - (route == .text ? 2 * TextGrid.column : 4) : .infinity
            continues = right == .infinity || WrapGauge(route: route, lines: [above], right: right).wraps(above, into: next)
        }
        if continues {
            drafts[drafts.count - 1].add(phrase, of: line, columns: columns)
        } else {
            var draft = RowDraft()
            draft.add(phrase, of: line, columns: columns)
            drafts.append(draft)
        }
    }
    return drafts
}

/// Leading rows with no figure in them, above rows most of which have figures, head the table
/// (a year such as "2024/25" or "2025" is a column heading, not a figure). At most three.
/// Rows are given as their cells' texts.
func headingRows(_ rows: [[String]]) -> Int {
    func hasFigure(_ row: [String]) -> Bool {
        row.contains { cell in
            let text = cell.trimmingCharacters(in: .whitespaces)
            return isFigure(text) && text.range(of: #"^(19|20)\d\d$"#, options: .regularExpression) == nil
        }
    }
    guard let firstFigures = rows.firstIndex(where: hasFigure), firstFigures > 0, firstFigures <= 3 else { return 0 }
    let rest = rows[firstFigures...]
    return rest.filter(hasFigure).count * 2 >= rest.count ? firstFigures : 0
}

/// A heading cell with empty cells after it, over heading cells below that are not empty (its
/// own column's too), is merged across them: "Budget £m" written at the left of a merged cell
/// over "2024/25" and "2025/26". A heading with nothing under it ("Lot" beside "2026/27")
/// heads its own column. Where the text itself runs over the columns the cell is merged already.
func spanHeadingCells(_ rows: inout [[ImportCell]], headerRows: Int) {
    guard headerRows >= 2 else { return }
    for row in 0..<(headerRows - 1) {
        var column = 0
        while column < rows[row].count {
            let cell = rows[row][column]
            guard !cell.isCovered, !cell.paragraphs.isEmpty,
                  rows[row + 1][column].isCovered || !rows[row + 1][column].paragraphs.isEmpty || cell.columnSpan > 1 else { column += 1; continue }
            var end = column + cell.columnSpan
            while end < rows[row].count, !rows[row][end].isCovered, rows[row][end].paragraphs.isEmpty,
                  !rows[row + 1][end].isCovered, !rows[row + 1][end].paragraphs.isEmpty {
                end += 1
            }
            if end - column > cell.columnSpan {
                rows[row][column].columnSpan = end - column
                for covered in (column + 1)..<end { rows[row][covered] = .covered }
            }
            column = end
        }
    }
}

/// Marks the cells of columns whose figures end flush right while their starts vary.
private func markFigureColumns(_ rows: inout [[ImportCell]], drafts: [RowDraft], columns: [ColumnSpan]) {
    for column in columns.indices {
        let pieces = drafts.flatMap { $0.pieces.filter { $0.columns == column...column } }
        let figures = pieces.filter { $0.lines.count == 1 && isFigure($0.lines[0].words.map(\.text).joined(separator: " ")) }
        guard figures.count >= 2, figures.count * 2 >= pieces.count else { continue }
        let ends = figures.map { $0.lines[0].x1 }, starts = figures.map { $0.lines[0].x0 }
        let tolerance = 1.5
        guard (ends.max()! - ends.min()!) <= tolerance, (starts.max()! - starts.min()!) > tolerance else { continue }
        for row in rows.indices where !rows[row][column].isCovered && isFigure(rows[row][column].text) {
            rows[row][column].alignedRight = true
        }
    }
}
