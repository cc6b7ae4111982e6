import Foundation
public import QuireModel

/// What `removeFurniture` set aside.
struct Furniture: Sendable {
    var pages: [ReadPage]
    var dropped: [SourceText]
    /// The protective marking the headers or footers carry ("OFFICIAL", "OFFICIAL-SENSITIVE").
    var marking: String?
}

/// Drops page furniture: lines at a page's top or foot (its first or last three lines; in a
/// PDF, also in the top or bottom 15% of the page) that are
/// - the same, digits aside, at the edge of at least half the pages (at least two): running
///   headers and footers ("Cabinet – 4 June 2025", "Page 3 of 9" with its number changing).
///   A line that also stands in the body of some page (a table's header row repeated on each
///   page, a sentence that happens to end two pages) is furniture only where blank space
///   parts it from the page's text (`edgeBands`);
/// - a page number ("3", "Page 3", "Page 3 of 9", "- 3 -", "3/9") among the first or last two
///   lines, a bare number only when it is the page's own number;
/// - a template mark ("Version January 2024", "Template v3") or a protective marking
///   ("OFFICIAL", "OFFICIAL-SENSITIVE"), among the first or last two lines.
/// Repeated table header rows are the table joiner's (`joinTables`) to drop.
func removeFurniture(_ pages: [ReadPage]) -> Furniture {
    let edges = pages.map(edgeLines)
    var counts: [String: Int] = [:]
    for (page, indices) in zip(pages, edges) {
        for key in Set(indices.map { furnitureKey(page.lines[$0]) }) { counts[key, default: 0] += 1 }
    }
    // Keys of lines that also appear away from the page edges.
    var inBody = Set<String>()
    for (page, indices) in zip(pages, edges) {
        for (index, line) in page.lines.enumerated() where !indices.contains(index) { inBody.insert(furnitureKey(line)) }
    }
    let repeatedOn = max(2, (pages.count + 1) / 2)
    var result = Furniture(pages: [], dropped: [], marking: nil)
    for (page, indices) in zip(pages, edges) {
        var dropped = Set<Int>()
        let outer = Set(indices.filter { isOuter($0, of: page) })
        let bands = edgeBands(page)
        for index in indices {
            let line = page.lines[index]
            let key = furnitureKey(line)
            let text = sourceText(line.words, route: page.route)
            var reason: String?
            if pages.count > 1, counts[key, default: 0] >= repeatedOn, !inBody.contains(key) || bands.contains(index) {
                reason = "running header or footer (on \(counts[key]!) of \(pages.count) pages)"
            } else if outer.contains(index), let kind = edgeMark(line, page: page) {
                reason = kind
            }
            guard let reason else { continue }
            dropped.insert(index)
            result.dropped.append(SourceText(text: text, place: SourcePlace(line: line.number, page: page.number), reason: reason))
            if result.marking == nil, let marking = protectiveMarking(in: line, route: page.route) { result.marking = marking }
        }
        var kept = page
        kept.lines = page.lines.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
        result.pages.append(kept)
    }
    return result
}

/// The indices of a page's first and last three lines, those of a PDF within its top or
/// bottom 15%.
private func edgeLines(_ page: ReadPage) -> [Int] {
    let all = Array(page.lines.indices)
    let candidates = Set(all.prefix(3) + all.suffix(3))
    return candidates.filter { index in
        guard page.route == .pdf, page.height > 0 else { return true }
        let line = page.lines[index]
        return line.top < 0.15 * page.height || line.bottom > 0.85 * page.height
    }.sorted()
}

/// The lines blank space parts from the rest of a page's text: up to three lines above its
/// first paragraph gap and below its last.
private func edgeBands(_ page: ReadPage) -> Set<Int> {
    let lines = page.lines
    guard lines.count > 1 else { return [] }
    let gaps = lines.indices.dropFirst().filter { hasParagraphGap(lines[$0 - 1], lines[$0], route: page.route) }
    guard let first = gaps.first, let last = gaps.last else { return [] }
    return Set((0..<min(first, 3)).map { $0 } + (max(last, lines.count - 3)..<lines.count).map { $0 })
}

/// Among a page's first or last two lines.
private func isOuter(_ index: Int, of page: ReadPage) -> Bool {
    index < 2 || index >= page.lines.count - 2
}

/// A line's text with digits as `#` and case and spacing ignored, so "Page 3 of 9" repeats
/// as "page # of #".
private func furnitureKey(_ line: PageLine) -> String {
    line.words.map(\.text).joined(separator: " ").lowercased()
        .replacingOccurrences(of: #"\d+"#, with: "#", options: .regularExpression)
}

/// Why a line at a page's edge is furniture on its own, or nil: every phrase of it is a page
/// number, a template mark or a protective marking.
private func edgeMark(_ line: PageLine, page: ReadPage) -> String? {
    let parts = splitPhrases(line, route: page.route).map(\.text)
    var kinds: [String] = []
    for part in parts {
        if isPageNumber(part, page: page.number) {
            kinds.append("page number")
        } else if isTemplateMark(part) {
            kinds.append("template mark")
        } else if protectiveMarkingText(part) != nil {
            kinds.append("protective marking")
        } else {
            return nil
        }
    }
    return kinds.isEmpty ? nil : Array(NSOrderedSet(array: kinds)).compactMap { $0 as? String }.joined(separator: ", ")
}

/// "Page 3", "Page 3 of 9", "- 3 -", or "3 of 9", "3/9" and a bare number when the number
/// is the page's own (so "2024/25" is not a page number).
private func isPageNumber(_ text: String, page: Int) -> Bool {
    let key = text.lowercased().trimmingCharacters(in: .whitespaces)
    if key.range(of: #"^(page|tudalen|p\.)\s*\d+(\s*(of|/|o)\s*\d+)?$|^[-–—]\s*\d+\s*[-–—]$"#, options: .regularExpression) != nil { return true }
    if key.range(of: #"^\d+\s*(of|/)\s*\d+$"#, options: .regularExpression) != nil {
        return Int(key.prefix { $0.isNumber }) == page
    }
    return Int(key) == page
}

/// "Version January 2024", "Version 3.1", "Template v3", "v2.0".
private func isTemplateMark(_ text: String) -> Bool {
    text.split(separator: " ").count <= 5
        && text.range(of: #"^(template\s+)?(version|v)\s*[0-9A-Za-z./-]+(\s+\d{4})?$|^template\s+(version\s+)?\S+$"#, options: [.regularExpression, .caseInsensitive]) != nil
}

/// The protective marking a text is, as printed, or nil.
func protectiveMarkingText(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let pattern = #"^(OFFICIAL(\s*[-–—:]?\s*SENSITIVE)?|NOT PROTECTIVELY MARKED|UNCLASSIFIED|RESTRICTED|CONFIDENTIAL|SECRET|TOP SECRET)$"#
    return trimmed.range(of: pattern, options: .regularExpression) != nil ? trimmed : nil
}

/// The protective marking among a line's phrases.
private func protectiveMarking(in line: PageLine, route: PageRoute) -> String? {
    splitPhrases(line, route: route).lazy.compactMap { protectiveMarkingText($0.text) }.first
}
