public import QuireModel

/// Pages as a reader saw them → the import document: furniture set aside (`removeFurniture`),
/// each page read into paragraphs and tables (`readPageItems`), then the pages joined: a
/// paragraph running on overleaf is one paragraph, a table carried over is one table with its
/// header row once (`joinTables`).
func readPages(_ pages: [ReadPage], file: String) -> ImportDocument {
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
