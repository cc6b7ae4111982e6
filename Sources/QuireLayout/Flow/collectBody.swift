import QuireModel
import QuirePages

/// Section and paragraph counters: numbers come from order, never from the source.
struct Numbering {
    var section = 0
    var paragraph = 0

    mutating func nextSection() -> Int {
        section += 1
        paragraph = 0
        return section
    }

    /// The label of the next numbered paragraph, or nil when the style numbers none.
    mutating func nextParagraph(_ style: ParagraphNumbering) -> String? {
        guard section > 0, style != .none else { return nil }
        paragraph += 1
        return switch style {
        case .parenthesized: "(\(paragraph))"
        case .decimal: "\(section).\(paragraph)"
        case .period: "\(paragraph)."
        case .parenthesis: "\(paragraph))"
        case .none: nil
        }
    }
}

/// Lettered sub-item labels: (a)…(z), (aa)…; second level (i), (ii), …
func itemLabel(_ index: Int, depth: Int, ordered: Bool) -> String {
    guard ordered else { return depth == 0 ? "•" : "–" }
    if depth % 2 == 1 { return "(\(romanNumeral(index + 1)))" }
    let letter = Character(UnicodeScalar(UInt8(97 + index % 26)))
    return "(" + String(repeating: letter, count: index / 26 + 1) + ")"
}


extension Collector {
    /// The body's blocks: sections, numbered paragraphs, lists, tables, quotes, code.
    func collectBody(_ blocks: [Block], numbering: inout Numbering) {
        for (index, block) in blocks.enumerated() {
            if index > 0 { space(theme.blockSpace) }
            collect(block, numbering: &numbering)
        }
        endNumberedList()
    }

    /// Numbered paragraphs are a list: each paragraph an item with its number as the label,
    /// and the blocks that follow it (lettered items, tables) inside that item.
    private func numberedItem() {
        if numberedListOpen { close(2) } else { open(.list) }
        open(.listItem)
        numberedListOpen = true
    }

    func endNumberedList() {
        if numberedListOpen { close(3) }
        numberedListOpen = false
    }

    private var textX: Double { theme.paragraphs.indent }

    private func collect(_ block: Block, numbering: inout Numbering) {
        switch block {
        case .heading(let level, let inlines, let line):
            heading(level: level, text: styledText(inlines), numbering: &numbering, line: line)
        case .paragraph(let inlines, let line):
            let label = numbering.nextParagraph(theme.paragraphs.numbering)
            let x = numbering.section > 0 ? textX : 0
            if let label {
                numberedItem()
                checkTypedNumber(inlines.plainText, label: label, line: line)
            }
            paragraph(styledText(inlines), x: x, label: label, labelX: 0, line: line)
        case .list(let ordered, let items, _):
            list(items, ordered: ordered, x: numbering.section > 0 ? textX : 0, depth: 0)
        case .table(let table):
            collectTable(table, x: numbering.section > 0 ? textX : 0)
        case .quote(let blocks, _):
            var inner = Numbering()  // quoted text is not numbered
            open(.blockQuote)
            for (i, b) in blocks.enumerated() {
                if i > 0 { space(theme.blockSpace) }
                quoteBlock(b, x: (numbering.section > 0 ? textX : 0) + theme.paragraphs.itemIndent, numbering: &inner)
            }
            close()
        case .code(let code, let line):
            var text = StyledText()
            text.append(code, style: SpanStyle(monospace: true))
            paragraph(text, x: numbering.section > 0 ? textX : 0, label: nil, labelX: 0, line: line, alignment: .left,
                      size: theme.body.size - 1, role: .code)
        case .thematicBreak:
            rule(width: 0.5)
        case .image(let path, let alt, let line):
            image(path: path, alt: alt, x: numbering.section > 0 ? textX : 0, line: line)
        case .chart(let chart):
            collectChart(chart, x: numbering.section > 0 ? textX : 0)
        }
    }

    /// Blocks inside a quote: indented, unnumbered.
    private func quoteBlock(_ block: Block, x: Double, numbering: inout Numbering) {
        switch block {
        case .paragraph(let inlines, let line):
            paragraph(styledText(inlines, base: SpanStyle(italic: true)), x: x, label: nil, labelX: 0, line: line)
        case .list(let ordered, let items, _):
            list(items, ordered: ordered, x: x, depth: 0)
        default:
            collect(block, numbering: &numbering)
        }
    }

    // MARK: - Elements

    /// A rule across the column: decoration, so an artifact.
    func rule(width lineWidth: Double) {
        let width = theme.contentWidth
        add { _ in
            var frame = Frame(size: Size(width: width, height: 1))
            frame.open(.artifact)
            frame.push(.line(to: Point(x: width, y: 0), width: lineWidth, color: .black), at: Point(x: 0, y: 0.5))
            frame.close()
            return [.slice(Slice(frame: frame, height: 1, breakAfter: true))]
        }
    }

    func heading(level: Int, text: StyledText, numbering: inout Numbering, line: Int?) {
        endNumberedList()
        let style = level == 1 ? theme.heading : theme.subheading
        let span = SpanStyle(bold: style.bold, italic: style.italic)
        var styled = StyledText()
        for s in text.spans {
            var st = s.style
            st.bold = st.bold || span.bold
            st.italic = st.italic || span.italic
            let bytes = Array(text.text.utf8)[s.start..<s.end]
            styled.append(String(decoding: bytes, as: UTF8.self), style: st)
        }
        // Every `#` opens a section (paragraph numbers restart); the layout decides whether its
        // number is shown.
        let section = level == 1 ? numbering.nextSection() : nil
        let label = section.flatMap { style.numbered ? "\($0)." : nil }
        let title = (label.map { $0 + " " } ?? "") + styled.text
        space(style.spaceBefore)
        let width = theme.contentWidth
        let x = label != nil || numbering.section > 0 ? textX : 0
        let textIndex = request(styled, width: width - x, size: style.size, alignment: .left)
        let labelIndex = label.map { request(StyledText($0, style: span), width: textX, size: style.size, alignment: .left) }
        var block = TextBlock(text: textIndex, x: x, labels: labelIndex.map { [($0, 0)] } ?? [], leading: theme.body.leading,
                              keepWithNext: true, bookmark: (title, level), line: line)
        block.textTags = Tagging(leaf: .heading(level: level))  // the number reads as part of the heading
        let (orphans, widows) = (theme.orphans, theme.widows)
        add { block.slices($0, width: width, orphans: orphans, widows: widows) }
        space(style.spaceAfter)
    }

    /// A figure or table caption: bold, and never left at the foot of a page without its figure.
    func caption(_ inlines: [Inline], x: Double, line: Int) {
        let text = styledText(inlines, base: SpanStyle(bold: true))
        let width = theme.contentWidth
        let index = request(text, width: width - x, size: theme.table.size, alignment: .left)
        var block = TextBlock(text: index, x: x, leading: theme.table.leading, keepWithNext: true, keepTogether: true, line: line)
        block.textTags = Tagging(leaf: StructureTag(.caption))
        add { block.slices($0, width: width, orphans: 1, widows: 1) }
        space(4)
    }

    /// A paragraph; with a label (a number, a letter) it is a list item's label and body
    /// (the caller opened the list item, and closes it with its body).
    func paragraph(_ text: StyledText, x: Double, label: String?, labelX: Double, line: Int?,
                   alignment: TextAlignment? = nil, size: Double? = nil, keepTogether: Bool = false, role: StructureRole = .paragraph) {
        guard !text.isEmpty else { return }
        let width = theme.contentWidth
        let align = alignment ?? (theme.body.justify ? .justify : .left)
        // All code (a fenced block) is set in the code font throughout, not only span by span.
        let family = text.spans.allSatisfy(\.style.monospace) ? theme.code.family : nil
        let textIndex = request(text, width: width - x, size: size, family: family, alignment: align)
        let labelIndex = label.map { request(StyledText($0), width: max(1, x - labelX), size: size, alignment: .left) }
        var block = TextBlock(text: textIndex, x: x, labels: labelIndex.map { [($0, labelX)] } ?? [], leading: theme.body.leading,
                              keepTogether: keepTogether, line: line)
        block.textTags = Tagging(opens: label == nil ? [] : [StructureTag(.listBody)], leaf: StructureTag(role))
        if label != nil { block.labelTags = [Tagging(leaf: StructureTag(.label))] }
        let (orphans, widows) = (theme.orphans, theme.widows)
        add { block.slices($0, width: width, orphans: orphans, widows: widows) }
    }

    /// Sub-items: the label hangs at `x`, the text one item-indent further in.
    func list(_ items: [[Block]], ordered: Bool, x: Double, depth: Int) {
        let textX = x + theme.paragraphs.itemIndent
        open(.list)
        defer { close() }
        for (index, item) in items.enumerated() {
            space(theme.blockSpace / 2)
            open(.listItem)
            var labelled = false
            defer { close(labelled ? 2 : 1) }  // LBody, opened with the label, and LI
            for block in item {
                switch block {
                case .paragraph(let inlines, let line):
                    if labelled { space(theme.blockSpace / 2) }
                    paragraph(styledText(inlines), x: textX, label: labelled ? nil : itemLabel(index, depth: depth, ordered: ordered),
                              labelX: x, line: line)
                    labelled = true
                case .list(let innerOrdered, let innerItems, _):
                    list(innerItems, ordered: innerOrdered, x: textX, depth: depth + 1)
                default:
                    var inner = Numbering()
                    space(theme.blockSpace / 2)
                    quoteBlock(block, x: textX, numbering: &inner)
                }
            }
        }
    }
}
