import QuireImport
/// A page's characters → words → lines, from geometry alone, so the reading order is the
/// page's (top to bottom, left to right across a line), whatever order the PDF drew its text
/// in: a two-column header grid reads row by row, label then value, and a section number set
/// as its own text run stays a word apart from its title.
///
/// A word is a run of characters poppler gives one after another, with no space between them,
/// on one baseline, each starting where the last ended (a gap of more than a fifth of an em is
/// a space poppler did not write). Words whose boxes overlap vertically by half the smaller
/// height are on one line (a superscript stays on its line); lines are numbered from
/// `firstLine` down the page.
func groupLines(_ characters: [PageCharacter?], page: Int, firstLine: Int) -> [PageLine] {
    var words: [PageWord] = []
    var current: [PageCharacter] = []
    func finish() {
        guard let first = current.first else { return }
        var text = String.UnicodeScalarView()
        for character in current { text.append(character.scalar) }
        // The style most of the word's characters have.
        var counts: [WordStyle: Int] = [:]
        for character in current { counts[character.style, default: 0] += 1 }
        let style = counts.max { $0.value < $1.value }?.key ?? first.style
        words.append(PageWord(text: String(text), x0: current.map(\.x0).min()!, x1: current.map(\.x1).max()!,
                              top: current.map(\.top).min()!, bottom: current.map(\.bottom).max()!, style: style))
        current = []
    }
    for character in characters {
        guard let character else { finish(); continue }
        if let last = current.last {
            let size = max(last.style.size, character.style.size, 4)
            let sameBaseline = abs((last.top + last.bottom) / 2 - (character.top + character.bottom) / 2) < 0.5 * max(last.bottom - last.top, 1)
            let gap = character.x0 - last.x1
            if !sameBaseline || gap > 0.2 * size || gap < -0.5 * size { finish() }
        }
        current.append(character)
    }
    finish()
    return linesOf(words, page: page, firstLine: firstLine)
}

/// Words → lines by vertical overlap, top to bottom.
private func linesOf(_ words: [PageWord], page: Int, firstLine: Int) -> [PageLine] {
    let order = words.indices.sorted { words[$0].top < words[$1].top }
    var parent = Array(words.indices)
    func root(_ index: Int) -> Int {
        var index = index
        while parent[index] != index { parent[index] = parent[parent[index]]; index = parent[index] }
        return index
    }
    for (position, a) in order.enumerated() {
        for b in order[(position + 1)...] {
            let wa = words[a], wb = words[b]
            guard wb.top < wa.bottom else { break }
            let overlap = min(wa.bottom, wb.bottom) - max(wa.top, wb.top)
            let smaller = min(wa.bottom - wa.top, wb.bottom - wb.top)
            if smaller > 0, overlap >= 0.5 * smaller { parent[root(b)] = root(a) }
        }
    }
    var groups: [Int: [PageWord]] = [:]
    for index in words.indices { groups[root(index), default: []].append(words[index]) }
    let lines = groups.values.map { $0.sorted { $0.x0 < $1.x0 } }.sorted { line, other in
        let a = line.map(\.bottom).max()!, b = other.map(\.bottom).max()!
        return a != b ? a < b : line[0].x0 < other[0].x0
    }
    return lines.enumerated().map { PageLine(words: $1, number: firstLine + $0, page: page) }
}
