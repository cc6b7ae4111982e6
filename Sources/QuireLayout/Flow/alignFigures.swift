import QuireModel
import QuirePages

/// How far each cell of a table is moved left so that, in every right-aligned column, the
/// figures line up on the decimal point and a closing bracket hangs past the digits, as a
/// finance table prints "(230.8)" over "1,234.5 ". Measured on the shaped lines (where each
/// glyph of the integer part, the fraction and the bracket actually fell), so it holds for
/// any font. Figures line up among those with the same suffix: in a table of indicators a
/// column's counts line up with counts and its percentages with percentages, each group
/// right-aligned as before. In a figure column the header and any cell that is not a figure
/// (a dash for nil) end where the digits do, with the brackets hanging past them too. A cell
/// already in place is not moved at all, so a column that needs nothing stays as it was.
struct FigureShifts {
    /// Per body row, per column: points to move the cell's line left.
    var rows: [[Double]]
    /// Per column: points to move the header row's cell left.
    var header: [Double]

    /// Below this a move is rounding noise in the shaped widths, not misalignment.
    static let tolerance = 0.01

    init(rows: [[ShapedParagraph]], header: [ShapedParagraph]?, aligned: [Bool], figureColumns: [Bool]) {
        let columns = aligned.count
        self.rows = Array(repeating: Array(repeating: 0, count: columns), count: rows.count)
        self.header = Array(repeating: 0, count: columns)
        for column in 0..<columns where aligned[column] {
            let cells = rows.map { column < $0.count ? measure($0[column]) : nil }
            // The widest part after the decimal point in each group sets where its point goes.
            var widestTail: [String: Double] = [:]
            for case let cell? in cells { widestTail[cell.suffix] = max(widestTail[cell.suffix] ?? 0, cell.tail) }
            var hang = 0.0
            for (row, cell) in cells.enumerated() {
                guard let cell, let widest = widestTail[cell.suffix] else { continue }
                self.rows[row][column] = movable(widest - cell.tail, line: rows[row][column])
                hang = max(hang, cell.hang)
            }
            guard figureColumns[column], hang > FigureShifts.tolerance else { continue }
            for (row, cell) in cells.enumerated() where cell == nil && column < rows[row].count {
                self.rows[row][column] = movable(hang, line: rows[row][column])
            }
            if let header, column < header.count { self.header[column] = movable(hang, line: header[column]) }
        }
    }
}

/// A figure's extent on its shaped line, from the right edge: everything from the decimal
/// point on (`tail`), and the closing bracket alone (`hang`).
private struct MeasuredFigure {
    var tail: Double
    var hang: Double
    var suffix: String
}

/// The figure in a one-line cell, measured; nil for text, an empty cell or a wrapped one. A
/// note's number after the figure (a raised run) is not part of it: it hangs past the digits
/// as a closing bracket does.
private func measure(_ paragraph: ShapedParagraph) -> MeasuredFigure? {
    guard paragraph.lines.count == 1, var line = paragraph.lines.first, let last = line.runs.last else { return nil }
    let right = last.point.x + last.item.width
    let raised = line.runs.contains { $0.point.y != 0 }
    if raised { line.runs.removeAll { $0.point.y != 0 } }
    guard let lastDigit = line.runs.last else { return nil }
    let digitsRight = raised ? lastDigit.point.x + lastDigit.item.width : right
    let text = line.runs.map(\.item.text).joined()
    guard let parts = FigureParts(text) else { return nil }
    let bracket = parts.closesBracket ? text.utf8.count - 1 : text.utf8.count
    return MeasuredFigure(tail: right - x(of: parts.integerEnd, in: line, right: digitsRight),
                          hang: right - x(of: bracket, in: line, right: digitsRight), suffix: parts.suffix)
}

/// Where the character at UTF-8 offset `offset` of the line's text starts (the line's right
/// edge past its end), from the glyph whose cluster begins there.
private func x(of offset: Int, in line: ShapedLine, right: Double) -> Double {
    var base = 0
    for run in line.runs {
        let length = run.item.text.utf8.count
        if offset < base + length, let glyph = run.item.glyphs.first(where: { Int($0.cluster) >= offset - base }) {
            return run.point.x + Double(glyph.x)
        }
        base += length
    }
    return right
}

/// `shift`, if it is more than noise, no further than the line can go before leaving its cell.
private func movable(_ shift: Double, line paragraph: ShapedParagraph) -> Double {
    guard shift > FigureShifts.tolerance else { return 0 }
    let left = paragraph.lines.map { $0.runs.first?.point.x ?? 0 }.min() ?? 0
    return max(0, min(shift, left))
}
