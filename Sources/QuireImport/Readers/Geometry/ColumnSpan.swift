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
func columnSpans(_ rows: [[Phrase]]) -> [ColumnSpan] {
    var columns: [ColumnSpan] = []
    for row in rows.sorted(by: { $0.count > $1.count }) {
        for phrase in row {
            let hits = columns.indices.filter { columns[$0].overlaps(phrase.span) }
            if hits.isEmpty {
                columns.append(phrase.span)
            } else if hits.count == 1 {
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

/// The columns a phrase belongs to: those it overlaps, or failing any the nearest.
func columnsOf(_ phrase: Phrase, in columns: [ColumnSpan]) -> ClosedRange<Int> {
    let hits = columns.indices.filter { columns[$0].overlaps(phrase.span) }
    if let first = hits.first, let last = hits.last { return first...last }
    let nearest = columns.indices.min { abs(columns[$0].centre - phrase.span.centre) < abs(columns[$1].centre - phrase.span.centre) } ?? 0
    return nearest...nearest
}
