/// One page's lines (furniture gone) → its paragraphs and tables, top to bottom: tables drawn
/// with rules first (`latticeTables`, PDF only), then tables set out in text columns
/// (`detectStreamTables`), then paragraphs from what is left (`buildParagraphs`), each run of
/// text measured against the page's text column (`WrapGauge`).
func readPageItems(_ page: ReadPage, context: ReadContext, left: Double, fallbackRight: Double?) -> [PageItem] {
    var lattice: [ReadTable] = []
    var lines = page.lines
    var boxes = page.boxes
    if page.route == .pdf {
        let found = latticeTables(page, context: context)
        lattice = found.tables
        lines = found.remaining
        boxes += found.panels
    }
    // Boxes round text, not a table's shaded cells nor a frame round the whole page.
    let panels = boxes.filter { box in
        !lattice.contains { $0.top <= box.top + 2 && $0.bottom >= box.bottom - 2 }
            && (page.width <= 0 || (box.x1 - box.x0) * (box.bottom - box.top) < 0.6 * page.width * page.height)
    }
    var flow: [FlowLine] = []
    for (index, line) in lines.enumerated() {
        let gap = index == 0 || hasParagraphGap(lines[index - 1], line, route: page.route)
            || lattice.contains { $0.top >= lines[index - 1].bottom - 1 && $0.bottom <= line.top + 1 }
        let boxed = !line.words.isEmpty && line.words.allSatisfy { word in panels.contains { $0.contains(word) } }
        flow.append(FlowLine(line, route: page.route, gapBefore: gap, boxed: boxed))
    }
    let segments = detectStreamTables(flow, context: context)
    let textLines = segments.flatMap { segment -> [PageLine] in
        if case .lines(let lines) = segment { return lines.filter { !$0.boxed }.map(\.line) }
        return []
    }
    let gauge = WrapGauge(route: page.route, lines: textLines, fallbackRight: fallbackRight)
    var items: [PageItem] = lattice.map { .table($0) }
    for segment in segments {
        switch segment {
        case .table(let table): items.append(.table(table))
        case .lines(let run):
            // A boxed panel is measured against its own box.
            var start = 0
            while start < run.count {
                var end = start + 1
                while end < run.count, run[end].boxed == run[start].boxed { end += 1 }
                let part = Array(run[start..<end])
                let partGauge = part[0].boxed ? WrapGauge(route: page.route, lines: part.map(\.line)) : gauge
                for (paragraph, own) in paragraphGroups(part, gauge: partGauge, left: left, context: context) {
                    items.append(.paragraph(paragraph, lines: own, gauge: partGauge, left: left))
                }
                start = end
            }
        }
    }
    return items.sorted { $0.top < $1.top }
}
