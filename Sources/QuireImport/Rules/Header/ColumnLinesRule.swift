import Foundation

/// A paragraph whose lines hold two columns of text, split at the gutter between them: a
/// text export's label/value rows that a reader left as one block.
///
/// Shape (the label wrapped over two lines, the value beside it, wrapping too):
/// ```
/// REPORT            TREE PLANTING
/// TITLE:            PROGRAMME
/// From:             Deputy Leader and Cabinet Member for Parks, Leisure and
///                   Open Spaces, Alex Example
/// ```
/// The gutter is a run of three or more spaces; the right column starts at the same
/// character column (within one) on every line that has text in both. A line with nothing in
/// the left column (it starts at the gutter or deeper) goes on in the right one.
/// Nil when the lines do not share such a gutter (running text has single spaces).
func splitAtGutter(_ lines: [String]) -> [(left: String, right: String)]? {
    guard !lines.isEmpty else { return nil }
    var column: Int?
    var rows: [(left: String, right: String, start: Int?)] = []
    for line in lines {
        let characters = Array(line.replacingOccurrences(of: "\t", with: "    "))
        let leading = characters.prefix { $0 == " " }.count
        guard leading < characters.count else { continue }
        if let gap = firstGap(characters, from: leading) {
            rows.append((String(characters[leading..<gap.start]), String(characters[gap.end...]), gap.end))
        } else if leading >= 3 {
            rows.append(("", String(characters[leading...]), leading))
        } else {
            rows.append((String(characters[leading...]), "", nil))
        }
    }
    // The gutter column is where the right column starts on lines that have a left one; a
    // line with only the right column may start there or deeper (a hanging item's text).
    for row in rows where !row.left.isEmpty {
        guard let start = row.start else { continue }
        if let known = column {
            guard abs(known - start) <= 1 else { return nil }
        } else {
            column = start
        }
    }
    if let column {
        for row in rows where row.left.isEmpty {
            guard let start = row.start, start >= column - 1 else { return nil }
        }
    }
    // Two columns need the right one on the first line, and a left column somewhere.
    guard column != nil, rows.first?.start != nil, rows.contains(where: { !$0.left.isEmpty }) else { return nil }
    // "Recommendation\t: Members …": a colon opening the right column is the label's.
    return rows.map { row in
        var left = tidiedText(row.left), right = tidiedText(row.right)
        if right.hasPrefix(":"), !left.isEmpty {
            left += ":"
            right = tidiedText(String(right.dropFirst()))
        }
        return (left, right)
    }
}

/// The first run of three or more spaces after text, as character offsets.
private func firstGap(_ characters: [Character], from start: Int) -> (start: Int, end: Int)? {
    var index = start
    while index < characters.count {
        if characters[index] == " " {
            var end = index
            while end < characters.count, characters[end] == " " { end += 1 }
            if end - index >= 3, end < characters.count, index > start { return (index, end) }
            index = end
        } else {
            index += 1
        }
    }
    return nil
}
