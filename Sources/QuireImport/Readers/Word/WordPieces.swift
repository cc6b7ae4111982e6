import QuireModel

/// Text of a paragraph as its runs give it, before it becomes inlines: each piece with the
/// weight, slant and link it is shown with, or a footnote's reference.
enum WordPiece {
    case text(String, bold: Bool, italic: Bool, link: String?)
    case lineBreak
    /// A footnote or endnote reference: the note's key in `WordNotes`.
    case note(String)

    var text: String {
        switch self {
        case .text(let text, _, _, _): text
        case .lineBreak: "\n"
        case .note: ""
        }
    }
}

extension [WordPiece] {
    /// The paragraph's text, line breaks as "\n".
    var plainText: String { map(\.text).joined() }

    /// Whether every letter and figure is bold (italic): weight or slant the whole paragraph
    /// has, which the paragraph's flags carry instead of its inlines.
    func allCharacters(_ flag: (_ bold: Bool, _ italic: Bool) -> Bool) -> Bool {
        var any = false
        for piece in self {
            guard case .text(let text, let bold, let italic, _) = piece, text.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
            any = true
            if !flag(bold, italic) { return false }
        }
        return any
    }

    /// Drops the first `count` characters (a typed number split off as the marker) and the
    /// spaces and tabs after them.
    func dropping(first count: Int) -> [WordPiece] {
        var rest = count
        var skippingSpace = true
        var out: [WordPiece] = []
        for piece in self {
            guard case .text(let text, let bold, let italic, let link) = piece, skippingSpace else {
                out.append(piece)
                continue
            }
            var remaining = Substring(text)
            let cut = Swift.min(rest, remaining.count)
            remaining = remaining.dropFirst(cut)
            rest -= cut
            if rest == 0 {
                remaining = remaining.drop { $0 == " " || $0 == "\t" }
                if !remaining.isEmpty { skippingSpace = false }
            }
            if !remaining.isEmpty { out.append(.text(String(remaining), bold: bold, italic: italic, link: link)) }
        }
        return out
    }

    /// The pieces as inlines: bold as `.strong`, italic as `.emphasis`, links as `.link`, the
    /// spaces round a bold or italic run kept outside it; weight or slant every character has
    /// left to the paragraph's flags (`allBold`, `allItalic`), as the PDF reader does. Also
    /// where each note's reference stands (`ImportNote.at`).
    func inlines(allBold: Bool, allItalic: Bool) -> (inlines: [Inline], notes: [(key: String, at: Int)]) {
        var out: [Inline] = []
        var notes: [(String, Int)] = []
        var index = 0
        while index < count {
            switch self[index] {
            case .note(let key):
                notes.append((key, out.count))
                index += 1
            case .lineBreak:
                out.append(.lineBreak)
                index += 1
            case .text(_, _, _, let link?):
                // A link's run of pieces, with its own weight and slant inside it.
                var inner: [Inline] = []
                while index < count, case .text(let text, let bold, let italic, let same) = self[index], same == link {
                    appendStyled(text, bold: bold && !allBold, italic: italic && !allItalic, to: &inner)
                    index += 1
                }
                out.append(.link(url: link, inner))
            case .text(let text, let bold, let italic, nil):
                appendStyled(text, bold: bold && !allBold, italic: italic && !allItalic, to: &out)
                index += 1
            }
        }
        return (out, notes)
    }
}

/// Appends text in its weight and slant, merging with the inline before it when that is set
/// alike, with leading and trailing spaces outside a bold or italic span.
private func appendStyled(_ text: String, bold: Bool, italic: Bool, to out: inout [Inline]) {
    guard !text.isEmpty else { return }
    guard bold || italic else {
        appendPlain(text, to: &out)
        return
    }
    let leading = text.prefix { $0 == " " || $0 == "\t" }
    let body = text.dropFirst(leading.count)
    let trailing = body.reversed().prefix { $0 == " " || $0 == "\t" }
    let core = String(body.dropLast(trailing.count))
    appendPlain(String(leading), to: &out)
    if !core.isEmpty {
        let wrap: ([Inline]) -> Inline = { inner in
            let slanted: [Inline] = italic ? [.emphasis(inner)] : inner
            return bold ? .strong(slanted) : slanted[0]
        }
        // A run set alike right before (no space between) grows instead of starting anew.
        if let last = out.last, let merged = merging(last, core, bold: bold, italic: italic) {
            out[out.count - 1] = merged
        } else {
            out.append(wrap([.text(core)]))
        }
    }
    appendPlain(String(trailing.reversed()), to: &out)
}

private func appendPlain(_ text: String, to out: inout [Inline]) {
    guard !text.isEmpty else { return }
    if case .text(let previous)? = out.last {
        out[out.count - 1] = .text(previous + text)
    } else {
        out.append(.text(text))
    }
}

/// `last` with `text` added inside it, when `last` is a span set exactly so.
private func merging(_ last: Inline, _ text: String, bold: Bool, italic: Bool) -> Inline? {
    if bold, italic, case .strong(let outer) = last, outer.count == 1, case .emphasis(let inner) = outer[0], inner.count == 1,
       case .text(let t) = inner[0] {
        return .strong([.emphasis([.text(t + text)])])
    }
    if bold, !italic, case .strong(let inner) = last, inner.count == 1, case .text(let t) = inner[0] { return .strong([.text(t + text)]) }
    if !bold, italic, case .emphasis(let inner) = last, inner.count == 1, case .text(let t) = inner[0] { return .emphasis([.text(t + text)]) }
    return nil
}
