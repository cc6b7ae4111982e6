import QuireModel

/// What a pipe-table cell says about merging: its own content, or exactly `<` (merged into
/// the cell on its left) or `^` (into the cell above).
enum MergeMark: Hashable {
    case cell, left, up
}

/// A table's merge markers → its merged cells. Each marker joins its position to the cell
/// on its left or above, so every merged cell grows right and down from its top-left cell,
/// and must come out a rectangle:
/// ```
/// | Service | Budget £m | <       |
/// | ^       | 2024/25   | 2025/26 |
/// ```
/// is "Service" over two rows and "Budget £m" over two columns. `lines` holds the source
/// line of each grid row (the header first), for errors that name the line and the cell.
func mergedSpans(_ marks: [[MergeMark]], columns: Int, lines: [Int], file: String) throws(QuireError) -> [CellSpan] {
    guard marks.contains(where: { $0.contains { $0 != .cell } }) else { return [] }
    func mark(_ row: Int, _ column: Int) -> MergeMark { column < marks[row].count ? marks[row][column] : .cell }
    func location(_ row: Int) -> SourceLocation { SourceLocation(file: file, line: lines[row]) }
    // The top-left cell each position belongs to, row by row (a marker's neighbour is known).
    var owner: [[(row: Int, column: Int)]] = []
    for row in marks.indices {
        var rowOwners: [(row: Int, column: Int)] = []
        for column in 0..<columns {
            switch mark(row, column) {
            case .cell:
                rowOwners.append((row, column))
            case .left:
                guard column > 0 else {
                    throw QuireError(.invalidValue, at: location(row), field: "table",
                                     "cell 1 is '<', which merges a cell into the one on its left, but it is the first in its row",
                                     hint: "write the cell's text here, or \\< for a literal '<'")
                }
                rowOwners.append(rowOwners[column - 1])
            case .up:
                guard row > 0 else {
                    throw QuireError(.invalidValue, at: location(row), field: "table",
                                     "cell \(column + 1) of the header row is '^', which merges a cell into the one above, but nothing is above it",
                                     hint: "write the heading's text here, or \\^ for a literal '^'")
                }
                rowOwners.append(owner[row - 1][column])
            }
        }
        owner.append(rowOwners)
    }
    // Each top-left cell's positions must fill the box around them.
    var extent: [Int: (rows: ClosedRange<Int>, columns: ClosedRange<Int>, count: Int)] = [:]
    for row in owner.indices {
        for column in 0..<columns {
            let top = owner[row][column], key = top.row * columns + top.column
            if let box = extent[key] {
                extent[key] = (min(box.rows.lowerBound, row)...max(box.rows.upperBound, row),
                               min(box.columns.lowerBound, column)...max(box.columns.upperBound, column), box.count + 1)
            } else {
                extent[key] = (row...row, column...column, 1)
            }
        }
    }
    var spans: [CellSpan] = []
    for key in extent.keys.sorted() {
        guard let box = extent[key], box.count > 1 else { continue }
        let top = (row: key / columns, column: key % columns)
        if box.count != box.rows.count * box.columns.count {
            // The first position inside the box that belongs elsewhere shows where it breaks.
            for row in box.rows {
                for column in box.columns where owner[row][column] != top {
                    throw QuireError(.invalidValue, at: location(row), field: "table",
                                     "cell \(column + 1) lies inside the cell merged from line \(lines[top.row]), cell \(top.column + 1), but is not part of it, so the merged cell is not a rectangle",
                                     hint: "a merged cell is a rectangle: '<' in each cell to the right of its top-left cell, '^' in each cell below; write \\< or \\^ for a literal character")
                }
            }
        }
        spans.append(CellSpan(row: top.row, column: top.column, rows: box.rows.count, columns: box.columns.count))
    }
    return spans
}
