/// A horizontal extent on a page: a table column, a gutter between columns, a phrase.
struct ColumnSpan: Sendable, Equatable {
    var x0: Double
    var x1: Double

    func overlaps(_ other: ColumnSpan) -> Bool { min(x1, other.x1) > max(x0, other.x0) }
    func overlap(_ other: ColumnSpan) -> Double { max(0, min(x1, other.x1) - max(x0, other.x0)) }
    /// Whether this spans the whole of `other` (a phrase running across a gutter).
    func covers(_ other: ColumnSpan) -> Bool { x0 <= other.x0 && x1 >= other.x1 }
    var centre: Double { (x0 + x1) / 2 }
}

extension Phrase {
    var span: ColumnSpan { ColumnSpan(x0: x0, x1: x1) }
}

extension PageWord {
    var span: ColumnSpan { ColumnSpan(x0: x0, x1: x1) }
}

/// Columns from the phrases of table rows, as camelot's stream mode finds them from text
/// alignment: rows with the most phrases first (they show every column), each phrase widening
/// the one column it overlaps or opening a new one; a phrase over two columns (a merged header
/// cell) widens neither. Left to right.
///
/// A heading phrase (in a row above the first with the most phrases) widens no column (a
/// wide heading over narrow figures would run its column into the next), and one standing in
/// the gutter between two columns opens none: it is set between the columns it heads.
func columnSpans(_ rows: [[Phrase]]) -> [ColumnSpan] {
    var columns: [ColumnSpan] = []
    let most = rows.map(\.count).max() ?? 0
    let headingRows = Set(rows.indices.prefix { rows[$0].count < most })
    for index in rows.indices.sorted(by: { (rows[$0].count, -$0) > (rows[$1].count, -$1) }) {
        for phrase in rows[index] {
            let hits = columns.indices.filter { columns[$0].overlaps(phrase.span) }
            let inGutter = gutters(columns.sorted { $0.x0 < $1.x0 }).contains { $0.x0 <= phrase.x0 && phrase.x1 <= $0.x1 }
            if hits.isEmpty, headingRows.contains(index), inGutter { continue }
            if hits.isEmpty {
                columns.append(phrase.span)
            } else if hits.count == 1, !headingRows.contains(index) {
                columns[hits[0]].x0 = min(columns[hits[0]].x0, phrase.x0)
                columns[hits[0]].x1 = max(columns[hits[0]].x1, phrase.x1)
            }
        }
        // A widened column may now reach its neighbour: they are one column.
        columns.sort { $0.x0 < $1.x0 }
        var merged: [ColumnSpan] = []
        for column in columns {
            if let last = merged.last, last.overlaps(column) {
                merged[merged.count - 1].x1 = max(last.x1, column.x1)
            } else {
                merged.append(column)
            }
        }
        columns = merged
    }
    return columns
}

/// The gutters between consecutive columns.
func gutters(_ columns: [ColumnSpan]) -> [ColumnSpan] {
    zip(columns, columns.dropFirst()).map { ColumnSpan(x0: $0.x1, x1: $1.x0) }
}

/// The columns a phrase belongs to: those it overlaps; failing any, the column left of the
/// gutter it stands in (a heading centred over columns spans from there), or the nearest.
func columnsOf(_ phrase: Phrase, in columns: [ColumnSpan]) -> ClosedRange<Int> {
    let hits = columns.indices.filter { columns[$0].overlaps(phrase.span) }
    if let first = hits.first, let last = hits.last { return first...last }
    if let left = columns.indices.dropLast().first(where: { columns[$0].x1 <= phrase.x0 && phrase.x1 <= columns[$0 + 1].x0 }) { return left...left }
    let nearest = columns.indices.min { abs(columns[$0].centre - phrase.span.centre) < abs(columns[$1].centre - phrase.span.centre) } ?? 0
    return nearest...nearest
}
