public import QuireModel

/// What `latticeTables` found on a page.
struct Lattice: Sendable {
    var tables: [ReadTable]
    /// Single cells drawn round text: boxed panels, not tables.
    var panels: [PageBox]
    /// The page's lines without the words the tables took.
    var remaining: [PageLine]
}

/// Tables drawn with ruling lines, read from their grid as pdfplumber's and camelot's
/// lattice modes do: rules joined where they run on (`mergedRules`), rules that cross made
/// into one grid, each grid square's four sides looked for, squares whose side between them
/// is missing merged into one cell (a merged header cell spans), and each word put in the cell
/// its centre lies in. A grid of one cell is a box round text (a boxed summary), not a table.
/// A cell's lines become paragraphs as running text does, measured against its column; leading
/// rows set in bold or shaded above rows that are not head the table.
func latticeTables(_ page: ReadPage, context: ReadContext) -> Lattice {
    let horizontal = mergedRules(page.rules.filter { $0.direction == .horizontal })
    let vertical = mergedRules(page.rules.filter { $0.direction == .vertical })
    var tables: [ReadTable] = []
    var panels: [PageBox] = []
    var taken = Set<WordKey>()
    for component in connectedGrids(horizontal, vertical) {
        let xs = clustered(component.vertical.map(\.position)), ys = clustered(component.horizontal.map(\.position))
        guard xs.count >= 2, ys.count >= 2 else { continue }
        let cells = gridCells(xs: xs, ys: ys, horizontal: component.horizontal, vertical: component.vertical)
        if cells.count == 1 {
            panels.append(PageBox(x0: xs.first!, x1: xs.last!, top: ys.first!, bottom: ys.last!, fill: nil))
            continue
        }
        guard let table = readGrid(cells, xs: xs, ys: ys, page: page, context: context, taken: &taken) else { continue }
        tables.append(table)
    }
    let remaining = page.lines.compactMap { line -> PageLine? in
        var kept = line
        kept.words = line.words.filter { !taken.contains(WordKey($0)) }
        return kept.words.isEmpty ? nil : kept
    }
    return Lattice(tables: tables, panels: panels, remaining: remaining)
}

/// A word's identity on its page, for taking it out of the running text.
private struct WordKey: Hashable {
    var x: Double, y: Double, text: String
    init(_ word: PageWord) { x = word.x0; y = word.top; text = word.text }
}

/// Rules of one direction with collinear pieces joined: a border drawn cell by cell is one
/// rule. Rules within 2 pt of one position are one line; pieces less than 2 pt apart join.
func mergedRules(_ rules: [PageRule]) -> [PageRule] {
    let sorted = rules.sorted { ($0.position, $0.start) < ($1.position, $1.start) }
    var lines: [[PageRule]] = []
    for rule in sorted {
        if let last = lines.last?.first, abs(last.position - rule.position) <= 2 { lines[lines.count - 1].append(rule) } else { lines.append([rule]) }
    }
    var out: [PageRule] = []
    for line in lines {
        let position = line.map(\.position).reduce(0, +) / Double(line.count)
        var pieces: [PageRule] = []
        for rule in line.sorted(by: { $0.start < $1.start }) {
            if let last = pieces.last, rule.start <= last.end + 2 {
                pieces[pieces.count - 1].end = max(last.end, rule.end)
            } else {
                pieces.append(PageRule(direction: rule.direction, position: position, start: rule.start, end: rule.end))
            }
        }
        out += pieces.filter { $0.end - $0.start >= 3 }
    }
    return out
}

/// Groups of rules that cross or meet, each a candidate grid.
private func connectedGrids(_ horizontal: [PageRule], _ vertical: [PageRule]) -> [(horizontal: [PageRule], vertical: [PageRule])] {
    let all = horizontal + vertical
    var parent = Array(all.indices)
    func root(_ i: Int) -> Int {
        var i = i
        while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
        return i
    }
    for (h, a) in horizontal.enumerated() {
        for (v, b) in vertical.enumerated() where b.position >= a.start - 2 && b.position <= a.end + 2 && a.position >= b.start - 2 && a.position <= b.end + 2 {
            parent[root(horizontal.count + v)] = root(h)
        }
    }
    var groups: [Int: (horizontal: [PageRule], vertical: [PageRule])] = [:]
    for (index, rule) in all.enumerated() {
        var group = groups[root(index)] ?? ([], [])
        if rule.direction == .horizontal { group.horizontal.append(rule) } else { group.vertical.append(rule) }
        groups[root(index)] = group
    }
    return groups.values.filter { !$0.horizontal.isEmpty && !$0.vertical.isEmpty }.sorted { ($0.horizontal.map(\.position).min() ?? 0) < ($1.horizontal.map(\.position).min() ?? 0) }
}

/// Positions within 2.5 pt of each other as one (a double border is one line), sorted.
private func clustered(_ positions: [Double]) -> [Double] {
    var groups: [[Double]] = []
    for position in positions.sorted() {
        if let last = groups.last?.last, position - last <= 2.5 { groups[groups.count - 1].append(position) } else { groups.append([position]) }
    }
    return groups.map { $0.reduce(0, +) / Double($0.count) }
}

/// A merged cell of the grid: the rows and columns of grid squares it covers.
struct GridCell: Sendable, Equatable {
    var rows: ClosedRange<Int>
    var columns: ClosedRange<Int>
}

/// The grid's cells: squares joined where the side between them is not drawn; squares with
/// no side drawn at all round them (outside an irregular grid) are left out.
func gridCells(xs: [Double], ys: [Double], horizontal: [PageRule], vertical: [PageRule]) -> [GridCell] {
    let rows = ys.count - 1, columns = xs.count - 1
    func drawn(_ rules: [PageRule], at position: Double, from start: Double, to end: Double) -> Bool {
        let length = end - start
        let covered = rules.filter { abs($0.position - position) <= 2.5 }.map { max(0, min($0.end, end) - max($0.start, start)) }.reduce(0, +)
        return covered >= 0.6 * length
    }
    var parent = Array(0..<(rows * columns))
    func root(_ i: Int) -> Int {
        var i = i
        while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
        return i
    }
    var enclosed = [Bool](repeating: false, count: rows * columns)
    for r in 0..<rows {
        for c in 0..<columns {
            let top = drawn(horizontal, at: ys[r], from: xs[c], to: xs[c + 1]), bottom = drawn(horizontal, at: ys[r + 1], from: xs[c], to: xs[c + 1])
            let left = drawn(vertical, at: xs[c], from: ys[r], to: ys[r + 1]), right = drawn(vertical, at: xs[c + 1], from: ys[r], to: ys[r + 1])
            enclosed[r * columns + c] = top || bottom || left || right
            if c + 1 < columns, !right { parent[root(r * columns + c + 1)] = root(r * columns + c) }
            if r + 1 < rows, !bottom { parent[root((r + 1) * columns + c)] = root(r * columns + c) }
        }
    }
    var groups: [Int: GridCell] = [:]
    for r in 0..<rows {
        for c in 0..<columns where enclosed[r * columns + c] {
            let key = root(r * columns + c)
            if let cell = groups[key] {
                groups[key] = GridCell(rows: min(cell.rows.lowerBound, r)...max(cell.rows.upperBound, r), columns: min(cell.columns.lowerBound, c)...max(cell.columns.upperBound, c))
            } else {
                groups[key] = GridCell(rows: r...r, columns: c...c)
            }
        }
    }
    return groups.values.sorted { ($0.rows.lowerBound, $0.columns.lowerBound) < ($1.rows.lowerBound, $1.columns.lowerBound) }
}

/// The table a grid holds: each word in the cell its centre lies in, each cell's lines as
/// paragraphs, spans for merged cells, heading rows and figure columns.
private func readGrid(_ cells: [GridCell], xs: [Double], ys: [Double], page: ReadPage, context: ReadContext, taken: inout Set<WordKey>) -> ReadTable? {
    let rowCount = ys.count - 1, columnCount = xs.count - 1
    func bounds(_ cell: GridCell) -> PageBox {
        PageBox(x0: xs[cell.columns.lowerBound], x1: xs[cell.columns.upperBound + 1], top: ys[cell.rows.lowerBound], bottom: ys[cell.rows.upperBound + 1], fill: nil)
    }
    var cellLines = [[PageLine]](repeating: [], count: cells.count)
    var numbers: [Int] = []
    for line in page.lines {
        var pieces = [[PageWord]](repeating: [], count: cells.count)
        for word in line.words {
            guard let index = cells.indices.first(where: { bounds(cells[$0]).contains(word, tolerance: 0) }) else { continue }
            pieces[index].append(word)
            taken.insert(WordKey(word))
        }
        for (index, words) in pieces.enumerated() where !words.isEmpty { cellLines[index].append(PageLine(words: words, number: line.number, page: line.page)) }
        if pieces.contains(where: { !$0.isEmpty }) { numbers.append(line.number) }
    }
    // Each column's single cells measure their wrapped lines against the column's longest line.
    var columnLines = [[PageLine]](repeating: [], count: columnCount)
    for (index, cell) in cells.enumerated() where cell.columns.count == 1 { columnLines[cell.columns.lowerBound] += cellLines[index] }
    let gauges = columnLines.map { WrapGauge(route: .pdf, lines: $0) }

    var rows = [[ImportCell]](repeating: [ImportCell](repeating: .covered, count: columnCount), count: rowCount)
    var filled = [[Bool]](repeating: [Bool](repeating: false, count: columnCount), count: rowCount)
    var headingEvidence = [Bool](repeating: true, count: rowCount)
    for (index, cell) in cells.enumerated() {
        let lines = cellLines[index]
        let gauge = cell.columns.count == 1 ? gauges[cell.columns.lowerBound] : WrapGauge(route: .pdf, lines: lines)
        let flow = lines.enumerated().map { FlowLine($1, route: .pdf, gapBefore: $0 > 0 && hasParagraphGap(lines[$0 - 1], $1, route: .pdf)) }
        let box = bounds(cell)
        var imported = ImportCell(paragraphs: buildParagraphs(flow, gauge: gauge, left: box.x0, context: context, breaksWords: true),
                                  columnSpan: cell.columns.count, rowSpan: cell.rows.count)
        let words = lines.flatMap(\.words)
        if let first = words.first, let last = words.max(by: { $0.x1 < $1.x1 }), isFigure(imported.text) {
            imported.alignedRight = box.x1 - last.x1 < first.x0 - box.x0
        }
        let shaded = page.boxes.contains { $0.fill != nil && $0.x0 <= box.x0 + 2 && $0.x1 >= box.x1 - 2 && $0.top <= box.top + 2 && $0.bottom >= box.bottom - 2 }
        let bold = !words.isEmpty && words.allSatisfy(\.style.bold)
        for row in cell.rows where !(shaded || bold || words.isEmpty) { headingEvidence[row] = false }
        let (r, c) = (cell.rows.lowerBound, cell.columns.lowerBound)
        rows[r][c] = imported
        for row in cell.rows { for column in cell.columns { filled[row][column] = true } }
    }
    // Grid squares no cell claims (outside an irregular grid) hold an empty cell.
    for r in 0..<rowCount { for c in 0..<columnCount where !filled[r][c] { rows[r][c] = ImportCell(paragraphs: []) } }
    guard rows.contains(where: { $0.contains { !$0.paragraphs.isEmpty } }) else { return nil }
    // Leading rows set in bold or shaded, above rows that are not.
    let textRows = rows.indices.filter { rows[$0].contains { !$0.isCovered && !$0.paragraphs.isEmpty } }
    var heading = 0
    for row in textRows { if headingEvidence[row] { heading = row + 1 } else { break } }
    if heading >= rowCount { heading = 0 }
    // Nothing set them apart: leading rows without figures above rows of figures.
    if heading == 0 { heading = headingRows(rows.map { $0.map { $0.isCovered ? "" : $0.text } }) }
    let first = cellLines.flatMap { $0 }.min { $0.number < $1.number }
    let table = ImportTable(rows: rows, headerRows: heading, ruled: true, place: SourcePlace(line: first?.number ?? 1, page: page.number))
    return ReadTable(table: table, columns: zip(xs, xs.dropFirst()).map { ColumnSpan(x0: $0, x1: $1) }, top: ys.first!, bottom: ys.last!,
                     lineNumbers: numbers)
}
