import Foundation
import FoundationEssentials
public import QuireModel

/// Pages as a reader saw them → the import document: furniture set aside (`removeFurniture`),
/// each page read into paragraphs and tables (`readPageItems`), then the pages joined: a
/// paragraph running on overleaf is one paragraph, a table carried over is one table with its
/// header row once (`joinTables`).
package func readPages(_ pages: [ReadPage], file: String) -> ImportDocument {
    let furniture = removeFurniture(pages)
    let route = pages.first?.route ?? .text
    let allLines = furniture.pages.flatMap(\.lines)
    let context = ReadContext(route: route, bodySize: commonSize(allLines),
                              vocabulary: vocabulary(of: allLines.map { $0.words.map(\.text).joined(separator: " ") }))
    let pageRights = furniture.pages.filter { $0.lines.count >= 5 }.map { WrapGauge(route: route, lines: $0.lines).right }.sorted()
    let fallbackRight = pageRights.isEmpty ? nil : pageRights[pageRights.count / 2]
    let documentLeft = commonStart(allLines)

    var items: [PageItem] = []
    var dropped = furniture.dropped
    for page in furniture.pages {
        let left = route == .text ? commonStart(page.lines) : documentLeft
        var pageItems = readPageItems(page, context: context, left: left, fallbackRight: route == .pdf ? fallbackRight : nil)
        // Footnotes at the foot of the page before stand between a block and its continuation
        // overleaf: the join looks past them, and they follow the joined block.
        let notes = trailingFootnotes(items, route: route)
        let notesStart = items.count - notes
        var footnotes = Array(items[notesStart...])
        items.removeLast(notes)
        if let last = items.last, let first = pageItems.first {
            switch (last, first) {
            case let (.paragraph(_, above, gauge, left), .paragraph(_, below, _, _)) where runsOn(above, into: below, gauge: gauge, route: route):
                var lines = above + below
                lines[above.count].gapBefore = false
                let isolatedAfter = pageItems.count > 1 ? lineGapBefore(pageItems[1]) : true
                let joined = makeParagraph(lines, left: left, isolated: above[0].gapBefore && isolatedAfter, context: context)
                items[items.count - 1] = .paragraph(joined, lines: lines, gauge: gauge, left: left)
                pageItems.removeFirst()
            case let (.table(above), .table(below)):
                if let joined = joinTables(above, below, page: page.number, dropped: &dropped) {
                    items[items.count - 1] = .table(joined)
                    pageItems.removeFirst()
                }
            default: break
            }
        }
        items += footnotes
        footnotes = []
        items += pageItems
    }
    let blocks: [ImportBlock] = items.map { item in
        switch item {
        case .paragraph(let paragraph, _, _, _): .paragraph(paragraph)
        case .table(let table): .table(table.table)
        }
    }
    return ImportDocument(file: file, blocks: blocks, furniture: dropped, marking: furniture.marking)
}

/// Whether the paragraph ending a page goes on at the top of the next: its last line was full
/// and the next page's first line has no marker and either starts in lowercase or follows a
/// line that did not end a sentence.
private func runsOn(_ above: [FlowLine], into below: [FlowLine], gauge: WrapGauge, route: PageRoute) -> Bool {
    guard let last = above.last?.line, let first = below.first?.line, last.words.count > 0, first.words.count > 0,
          above.last?.boxed == below.first?.boxed else { return false }
    if let marker = openingMarker(first.words), acceptsMarker(marker, words: first.words) { return false }
    if route == .pdf, abs(last.size - first.size) > 0.12 * max(last.size, first.size) { return false }
    guard gauge.wraps(last, into: first) else { return false }
    let lowercase = first.words[0].text.first?.isLowercase ?? false
    return lowercase || !endsSentence(sourceText(last.words, route: route))
}

/// How many of the last items (the foot of the page just read) are footnotes: paragraphs
/// after a gap that open with a note number ("1 The provisional settlement…"), and in a PDF
/// are set smaller than the body, with any smaller paragraphs after them.
private func trailingFootnotes(_ items: [PageItem], route: PageRoute) -> Int {
    var count = 0
    for item in items.reversed() {
        guard case .paragraph(let paragraph, let lines, _, _) = item, let first = lines.first, !paragraph.boxed else { break }
        let small = route == .pdf && paragraph.sizeRatio < 0.92
        let numbered = first.gapBefore && paragraph.marker == nil && first.line.words.count > 1
            && (first.line.words[0].text.range(of: #"^\d{1,2}$|^[¹²³⁴⁵⁶⁷⁸⁹⁰]+$"#, options: .regularExpression) != nil)
        if route == .pdf ? !small : !numbered { break }
        count += 1
        if numbered { return count }
    }
    // Smaller text with no note number opening it is not a footnote block.
    return 0
}

private func lineGapBefore(_ item: PageItem) -> Bool {
    if case .paragraph(_, let lines, _, _) = item { return lines.first?.gapBefore ?? true }
    return true
}

/// The most common font size, by characters (0 when the reader knows none).
private func commonSize(_ lines: [PageLine]) -> Double {
    var counts: [Double: Int] = [:]
    for word in lines.flatMap(\.words) where word.style.size > 0 {
        counts[(word.style.size * 2).rounded() / 2, default: 0] += word.text.count
    }
    return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? 0
}

/// Where the text column starts, which indents are measured from: the leftmost line start
/// (a hanging number sits at the column's edge, its text indented).
private func commonStart(_ lines: [PageLine]) -> Double {
    lines.map(\.x0).min() ?? 0
}
