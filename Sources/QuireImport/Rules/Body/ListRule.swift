import QuireModel

/// Items of lists, nested by indent and by marker style, as Markdown lists.
///
/// Shapes:
/// ```
/// (a) NOTE the report                 a lettered list ("(a)", "a)", "a.")
///     (i) the plan                    roman items under it: deeper by indent, or by style
/// (b) AGREE                           when a text export shows no indent
/// • Partnership working               bullets ("•", "-", "–", "▪")
///   o the voice of the child          sub-bullets ("o", "◦") deeper
/// 2.2.1 A third level                 items numbered under paragraph 2.2
/// ```
/// An item's own further paragraph (indented to its text) stays in the item. An item of a
/// style already open further up closes the deeper lists (a sibling up there).
struct ListBuilder {
    private struct Level {
        var key: String
        var indent: Double
        var textIndent: Double
        var ordered: Bool
        var items: [[Block]] = []
        var last: Marker?
        var line: Int
    }

    /// An ordered list's label style at a depth, for the numbering options and warnings.
    struct StyleUse {
        var depth: Int
        var style: ItemNumbering
        var place: SourcePlace
    }

    private var stack: [Level] = []
    /// Lists already ended: an item set further out than every open level, in another
    /// style, starts a list of its own after them.
    private var finished: [Block] = []
    /// Indent of the body's own paragraphs: an item's further paragraph must be deeper.
    let bodyIndent: Double
    private(set) var styles: [StyleUse] = []

    init(bodyIndent: Double) { self.bodyIndent = bodyIndent }

    var isOpen: Bool { !stack.isEmpty }

    /// Adds an item; warns where its letter or number is not the one the output prints.
    mutating func add(_ marker: Marker, _ p: ImportParagraph, inlines: [Inline], notes: inout Notes) {
        let x = p.markerIndent ?? p.indent
        var marker = marker
        if let top = stack.last { marker = marker.settled(after: top.last) }
        let key = Self.key(marker)
        let tolerance = 4.0
        if let same = stack.lastIndex(where: { $0.key == key }), x <= stack[same].indent + tolerance {
            // A sibling of an open level: the deeper lists close.
            while stack.count > same + 1 { popLevel() }
        } else {
            while let last = stack.last, last.indent > x + tolerance { popLevel() }
            // Same style as the level left open: a sibling; otherwise a list one deeper (a
            // text export shows no indent, so "(i)" under "(a)" differs only in style).
            if stack.last?.key != key { push(marker, p, key: key) }
        }
        var level = stack[stack.count - 1]
        let expected = level.items.count + 1
        if let value = marker.value, level.ordered, value != expected {
            let printed = Self.label(marker, value: expected)
            let previous = level.last.map { " follows \($0.written)" } ?? " opens its list"
            notes.warn(p.place, "item \(marker.written)\(previous); the output prints \(printed)")
        }
        level.items.append([.paragraph(inlines, line: p.place.line)])
        level.last = marker
        level.textIndent = p.indent
        stack[stack.count - 1] = level
    }

    /// Whether a paragraph without a marker goes on in the open item (set deeper than the
    /// body's paragraphs, at the item's text).
    func continues(_ p: ImportParagraph) -> Bool {
        guard let top = stack.last else { return false }
        return p.indent > bodyIndent + 3 && p.indent >= top.textIndent - 3
    }

    /// A further paragraph of the open item.
    mutating func addParagraph(_ inlines: [Inline], line: Int) {
        guard !stack.isEmpty, !stack[stack.count - 1].items.isEmpty else { return }
        let level = stack.count - 1
        stack[level].items[stack[level].items.count - 1].append(.paragraph(inlines, line: line))
    }

    /// The lists read since the last close, in order: those already ended, then the open one.
    mutating func close() -> [Block] {
        while !stack.isEmpty { popLevel() }
        defer { finished = [] }
        return finished
    }

    private mutating func push(_ marker: Marker, _ p: ImportParagraph, key: String) {
        stack.append(Level(key: key, indent: p.markerIndent ?? p.indent, textIndent: p.indent, ordered: !marker.isBullet, line: p.place.line))
        if !marker.isBullet, let style = marker.itemStyle {
            styles.append(StyleUse(depth: stack.count - 1, style: style, place: p.place))
        }
    }

    /// Ends the deepest open list: into its parent's last item, or, the outermost, into the
    /// finished lists (never dropped).
    private mutating func popLevel() {
        guard let level = stack.popLast() else { return }
        let block = Block.list(ordered: level.ordered, items: level.items, line: level.line)
        guard !stack.isEmpty, !stack[stack.count - 1].items.isEmpty else {
            finished.append(block)
            return
        }
        let parent = stack.count - 1
        stack[parent].items[stack[parent].items.count - 1].append(block)
    }

    /// Items of one list share a key: their label style, or their bullet's symbol family.
    private static func key(_ marker: Marker) -> String {
        switch marker.form {
        case .bullet(let symbol): ["o", "◦", "○"].contains(symbol) ? "bullet-o" : ["–", "-", "—"].contains(symbol) ? "bullet-dash" : "bullet"
        default: marker.itemStyle?.rawValue ?? marker.written
        }
    }

    /// What the output prints for item `value` in the marker's style.
    private static func label(_ marker: Marker, value: Int) -> String {
        guard let style = marker.itemStyle else { return String(value) }
        return itemLabelText(style, value: value)
    }
}

/// An item label in a style: "(b)", "ii)", "3.".
func itemLabelText(_ style: ItemNumbering, value: Int) -> String {
    let letter = String(repeating: String(UnicodeScalar(UInt8(96 + (value - 1) % 26 + 1))), count: (value - 1) / 26 + 1)
    let roman = romanNumeralText(value)
    switch style {
    case .letterParenthesized: return "(\(letter))"
    case .letterParenthesis: return "\(letter))"
    case .letterPeriod: return "\(letter)."
    case .romanParenthesized: return "(\(roman))"
    case .romanParenthesis: return "\(roman))"
    case .romanPeriod: return "\(roman)."
    case .numberParenthesized: return "(\(value))"
    case .numberParenthesis: return "\(value))"
    case .numberPeriod: return "\(value)."
    case .decimal: return "…\(value)"
    case .bullet: return "•"
    }
}
