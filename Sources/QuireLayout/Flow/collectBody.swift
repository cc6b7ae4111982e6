import QuireModel
import QuirePages

/// Section and paragraph counters: numbers come from order, never from the source. The
/// numbering style (the layout's, with the paper's own options over it) decides the labels
/// and where the count restarts.
struct Numbering {
    let style: NumberingStyle
    var section = 0
    var paragraph = 0
    /// The last numbered paragraph's number without its brackets ("2.2", "17"): what a
    /// "1.1.1" item under it extends.
    var paragraphCore: String?

    init(style: NumberingStyle) { self.style = style }

    /// A count that numbers nothing (quoted text).
    static func unnumbered(like other: Numbering) -> Numbering {
        var style = other.style
        style.paragraphs = .none
        return Numbering(style: style)
    }

    mutating func nextSection() -> Int {
        section += 1
        if style.count == .section { paragraph = 0 }
        paragraphCore = nil
        return section
    }

    /// Whether body paragraphs here are numbered, and so hang from the number column: inside
    /// a section, or anywhere when one count runs through the report (a "1.1" number needs a
    /// section).
    var numbersHere: Bool { section > 0 || (style.count == .document && style.paragraphs != .decimal && style.paragraphs != .none) }

    /// The label of the next numbered paragraph, or nil when the style numbers none here.
    mutating func nextParagraph() -> String? {
        guard numbersHere, style.paragraphs != .none else { return nil }
        paragraph += 1
        let core = style.paragraphs == .decimal ? "\(section).\(paragraph)" : "\(paragraph)"
        paragraphCore = core
        return switch style.paragraphs {
        case .parenthesized: "(\(core))"
        case .decimal: core
        case .period: "\(core)."
        case .parenthesis: "\(core))"
        case .none: nil
        }
    }

    /// What a "1.1.1" item extends when it has no enclosing item: the paragraph's number, or
    /// the section's.
    var itemParent: String? { paragraphCore ?? (section > 0 ? "\(section)" : nil) }
}

extension ItemNumbering {
    /// The label of item `index` (0-based): "(a)" … "(z)", "(aa)"; "iv)"; "3."; "2.2.1" (the
    /// `parent`'s number, a point, the item's); "•".
    func label(_ index: Int, parent: String?) -> String {
        let letters = String(repeating: Character(UnicodeScalar(UInt8(97 + index % 26))), count: index / 26 + 1)
        let roman = romanNumeral(index + 1)
        let number = String(index + 1)
        return switch self {
        case .letterParenthesized: "(\(letters))"
        case .letterParenthesis: "\(letters))"
        case .letterPeriod: "\(letters)."
        case .romanParenthesized: "(\(roman))"
        case .romanParenthesis: "\(roman))"
        case .romanPeriod: "\(roman)."
        case .numberParenthesized: "(\(number))"
        case .numberParenthesis: "\(number))"
        case .numberPeriod: "\(number)."
        case .decimal: parent.map { "\($0).\(number)" } ?? number
        case .bullet: "•"
        }
    }
}

/// The label of item `index` of a list at `depth`: ordered lists by the style's item labels,
/// bullets "•" (and "–" below the first level). `parent` is what a "1.1.1" label extends.
func itemLabel(_ index: Int, depth: Int, ordered: Bool, style: NumberingStyle = NumberingStyle(), parent: String? = nil) -> String {
    guard ordered else { return depth == 0 ? "•" : "–" }
    return style.items(atDepth: depth).label(index, parent: parent)
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
        if numberedListOpen { close(2) } else { open(StructureTag(.list, listNumbering: .decimal)) }
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
            let label = numbering.nextParagraph()
            let x = numbering.numbersHere ? textX : 0
            if let label {
                numberedItem()
                checkTypedNumber(inlines.plainText, label: label, line: line)
            }
            paragraph(paragraphText(inlines), x: x, label: label, labelX: 0, line: line)
        case .list(let ordered, let items, _):
            list(items, ordered: ordered, x: numbering.numbersHere ? textX : 0, depth: 0, style: numbering.style, parent: numbering.itemParent)
        case .table(let table):
            collectTable(table, x: numbering.numbersHere ? textX : 0)
        case .quote(let blocks, _):
            var inner = Numbering.unnumbered(like: numbering)  // quoted text is not numbered
            open(.blockQuote)
            for (i, b) in blocks.enumerated() {
                if i > 0 { space(theme.blockSpace) }
                quoteBlock(b, x: (numbering.numbersHere ? textX : 0) + theme.paragraphs.itemIndent, numbering: &inner)
            }
            close()
        case .code(let code, let line):
            var text = StyledText()
            text.append(code, style: SpanStyle(monospace: true))
            paragraph(text, x: numbering.numbersHere ? textX : 0, label: nil, labelX: 0, line: line, alignment: .left,
                      size: theme.body.size - 1, role: .code)
        case .thematicBreak:
            rule(width: 0.5)
        case .image(let path, let alt, let line):
            image(path: path, alt: alt, x: numbering.numbersHere ? textX : 0, line: line)
        case .chart(let chart):
            collectChart(chart, x: numbering.numbersHere ? textX : 0)
        }
    }

    /// Blocks inside a quote: indented, unnumbered.
    private func quoteBlock(_ block: Block, x: Double, numbering: inout Numbering) {
        switch block {
        case .paragraph(let inlines, let line):
            paragraph(styledText(inlines, base: SpanStyle(italic: true)), x: x, label: nil, labelX: 0, line: line)
        case .list(let ordered, let items, _):
            list(items, ordered: ordered, x: x, depth: 0, style: numbering.style, parent: nil)
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
        let label = section.flatMap { numbering.style.sections ? "\($0)." : nil }
        let title = (label.map { $0 + " " } ?? "") + styled.text
        space(style.spaceBefore)
        let width = theme.contentWidth
        let x = label != nil || (numbering.numbersHere && style.indent != .margin) ? textX : 0
        let textIndex = request(styled, width: width - x, size: style.size, alignment: .left)
        let labelIndex = label.map { request(StyledText($0, style: span), width: textX, size: style.size, alignment: .left) }
        var block = TextBlock(text: textIndex, x: x, labels: labelIndex.map { [($0, 0)] } ?? [], leading: theme.body.leading,
                              keepWithNext: true, bookmark: (title, level), line: line)
        block.textTags = Tagging(leaf: .heading(level: level))  // the number reads as part of the heading
        let (orphans, widows) = (theme.orphans, theme.widows)
        add { block.slices($0, width: width, orphans: orphans, widows: widows) }
        space(style.spaceAfter)
    }

    /// A figure or table caption: bold, and never left at the foot of a page without its
    /// figure. A chart's (drawn before it, outside it) is tagged to be moved inside it.
    func caption(_ inlines: [Inline], x: Double, line: Int, ofFigure: Bool = false) {
        let text = styledText(inlines, base: SpanStyle(bold: true))
        let width = theme.contentWidth
        let index = request(text, width: width - x, size: theme.table.size, alignment: .left)
        var block = TextBlock(text: index, x: x, leading: theme.table.leading, keepWithNext: true, keepTogether: true, line: line)
        block.textTags = Tagging(leaf: ofFigure ? .figureCaption : StructureTag(.caption))
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

    /// Sub-items: the label hangs at `x`, the text one item-indent further in. `parent` is
    /// what a "1.1.1" label extends (the enclosing paragraph's or item's number).
    func list(_ items: [[Block]], ordered: Bool, x: Double, depth: Int, style: NumberingStyle, parent: String?) {
        let textX = x + theme.paragraphs.itemIndent
        open(StructureTag(.list, listNumbering: ordered ? style.items(atDepth: depth).listNumbering : .disc))
        defer { close() }
        for (index, item) in items.enumerated() {
            space(theme.blockSpace / 2)
            open(.listItem)
            var labelled = false
            defer { close(labelled ? 2 : 1) }  // LBody, opened with the label, and LI
            let label = itemLabel(index, depth: depth, ordered: ordered, style: style, parent: parent)
            // A "1.1.1" item's own items extend its number; others extend what this one did.
            let childParent = ordered && style.items(atDepth: depth) == .decimal ? label : parent
            for block in item {
                switch block {
                case .paragraph(let inlines, let line):
                    if labelled { space(theme.blockSpace / 2) }
                    paragraph(paragraphText(inlines), x: textX, label: labelled ? nil : label, labelX: x, line: line)
                    labelled = true
                case .list(let innerOrdered, let innerItems, _):
                    list(innerItems, ordered: innerOrdered, x: textX, depth: depth + 1, style: style, parent: childParent)
                default:
                    var inner = Numbering.unnumbered(like: Numbering(style: style))
                    space(theme.blockSpace / 2)
                    quoteBlock(block, x: textX, numbering: &inner)
                }
            }
        }
    }
}

extension ItemNumbering {
    /// What the labels are, for /ListNumbering: "(a)" letters, "(i)" roman numerals, "1." and
    /// "1.1.1" figures, a bullet a disc.
    var listNumbering: ListNumbering {
        switch self {
        case .letterParenthesized, .letterParenthesis, .letterPeriod: .lowerAlpha
        case .romanParenthesized, .romanParenthesis, .romanPeriod: .lowerRoman
        case .numberParenthesized, .numberParenthesis, .numberPeriod, .decimal: .decimal
        case .bullet: .disc
        }
    }
}
