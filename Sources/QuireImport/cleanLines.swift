import Foundation

/// PDF pages → legacy lines without page furniture, with a blank line wherever the PDF shows a
/// paragraph gap (extracted text has none: poppler gives lines only).
///
/// Furniture is a line at a page's top or foot (the first or last two lines) that
/// - repeats, digits aside, on at least half of the pages (running header or footer), or
/// - is a bare page number: "7", "Page 7", "Page 7 of 9", "- 7 -".
/// A page boundary becomes a blank line only when the page's last line stops short of the
/// right margin (a paragraph's last line); a full line means the paragraph goes on overleaf.
func cleanLines(_ pages: [PDFPageText], file: String) -> LegacyText {
    let edges = pages.map(edgeIndices)
    var counts: [String: Int] = [:]
    for (page, indices) in zip(pages, edges) {
        for key in Set(indices.map { furnitureKey(page.lines[$0].text) }) { counts[key, default: 0] += 1 }
    }
    let repeatedOn = max(2, (pages.count + 1) / 2)
    var furniture: [UnplacedLine] = []
    var kept: [[PDFLine]] = []
    for (page, indices) in zip(pages, edges) {
        var dropped = Set<Int>()
        for index in indices {
            let line = page.lines[index]
            let key = furnitureKey(line.text)
            if pages.count > 1, counts[key, default: 0] >= repeatedOn {
                dropped.insert(index)
                furniture.append(UnplacedLine(line: line.number, page: page.number, text: line.text, reason: "running header or footer (on \(counts[key]!) of \(pages.count) pages)"))
            } else if isPageNumber(key), isNearEdge(line, page) {
                dropped.insert(index)
                furniture.append(UnplacedLine(line: line.number, page: page.number, text: line.text, reason: "page number"))
            }
        }
        kept.append(page.lines.enumerated().filter { !dropped.contains($0.offset) && !$0.element.text.allSatisfy(\.isWhitespace) }.map(\.element))
    }
    return LegacyText(file: file, lines: joinPages(kept, pages: pages), furniture: furniture)
}

/// The first and last two non-blank lines of a page: where furniture sits.
private func edgeIndices(_ page: PDFPageText) -> [Int] {
    let filled = page.lines.indices.filter { !page.lines[$0].text.allSatisfy(\.isWhitespace) }
    return Array(Set(filled.prefix(2) + filled.suffix(2))).sorted()
}

/// A line's text with digits as `#`, so "Page 3 of 9" repeats as "page # of #".
private func furnitureKey(_ text: String) -> String {
    text.lowercased().replacingOccurrences(of: #"\d+"#, with: "#", options: .regularExpression)
        .split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

private func isPageNumber(_ key: String) -> Bool {
    key.range(of: #"^(page )?# ?((of|/) ?#)?$|^[-–] ?# ?[-–]$"#, options: .regularExpression) != nil
}

/// In the top or bottom eighth of the page, when poppler gave positions (otherwise trust the
/// line being first or last).
private func isNearEdge(_ line: PDFLine, _ page: PDFPageText) -> Bool {
    guard line.bottom > 0, page.height > 0 else { return true }
    return line.top < page.height / 8 || line.bottom > page.height * 7 / 8
}

/// Flattens the pages into lines, with blank lines for paragraph gaps and paragraph-ending
/// page boundaries.
private func joinPages(_ kept: [[PDFLine]], pages: [PDFPageText]) -> [LegacyText.Line] {
    let all = kept.flatMap { $0 }
    let pitches = kept.flatMap { lines in zip(lines, lines.dropFirst()).map { $1.top - $0.top } }.filter { $0 > 0 }.sorted()
    // The usual line pitch: a low quantile, as paragraph gaps may be a good share of pitches.
    let pitch = pitches.isEmpty ? 0 : pitches[pitches.count / 5]
    let columnLeft = all.map(\.left).min() ?? 0
    let columnRight = all.map(\.right).max() ?? 0
    var out: [LegacyText.Line] = []
    for (pageIndex, lines) in kept.enumerated() {
        let number = pages[pageIndex].number
        if let previous = out.last, !previous.isBlank, let last = kept[..<pageIndex].last(where: { !$0.isEmpty })?.last {
            let full = columnRight - last.right < (columnRight - columnLeft) / 10
            if !full || columnRight == 0 { out.append(.init(number: previous.number, page: previous.page, text: "")) }
        }
        for (index, line) in lines.enumerated() {
            // A gap of more than one and a half lines is a paragraph break.
            if index > 0, pitch > 0, line.top - lines[index - 1].top > pitch * 1.5 {
                out.append(.init(number: lines[index - 1].number, page: number, text: ""))
            }
            out.append(.init(number: line.number, page: number, text: line.text))
        }
    }
    return out
}
