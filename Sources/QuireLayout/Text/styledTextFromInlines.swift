import QuireModel

/// Inline Markdown → styled text. Soft breaks join lines with a space; hard breaks stay.
func styledText(_ inlines: [Inline], base: SpanStyle = SpanStyle()) -> StyledText {
    var out = StyledText()
    append(inlines, style: base, to: &out)
    return trimmed(out)
}

private func append(_ inlines: [Inline], style: SpanStyle, to out: inout StyledText) {
    for inline in inlines {
        switch inline {
        case .text(let s): out.append(collapseWhitespace(s), style: style)
        case .code(let s):
            var mono = style
            mono.monospace = true
            out.append(s, style: mono)
        case .emphasis(let children):
            var italic = style
            italic.italic = true
            append(children, style: italic, to: &out)
        case .strong(let children):
            var bold = style
            bold.bold = true
            append(children, style: bold, to: &out)
        case .link(let url, let children):
            var linked = style
            linked.link = url
            append(children, style: linked, to: &out)
        case .softBreak: out.append(" ", style: style)
        case .lineBreak: out.append("\n", style: style)
        case .note(let content):
            // Its number is the collector's to give (notes are counted through the paper).
            var reference = style
            reference.link = nil
            reference.note = content
            out.append("", style: reference)
        }
    }
}

/// Tabs and runs of spaces from hand-wrapped sources count as one space, as in HTML.
/// Works on UTF-8 bytes: this runs for every piece of text in a paper.
private func collapseWhitespace(_ s: String) -> String {
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
    var previousSpace = false
    var needsWork = false
    for byte in s.utf8 {
        let space = isSpace(byte)
        if space && (byte != 0x20 || previousSpace) { needsWork = true; break }
        previousSpace = space
    }
    guard needsWork else { return s }
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    previousSpace = false
    for byte in s.utf8 {
        let space = isSpace(byte)
        if !space { out.append(byte) } else if !previousSpace { out.append(0x20) }
        previousSpace = space
    }
    return String(decoding: out, as: UTF8.self)
}

/// Drops leading and trailing spaces while keeping span offsets right (and every note
/// reference, at the nearest place left).
private func trimmed(_ text: StyledText) -> StyledText {
    let s = text.text
    guard s.first == " " || s.last == " " else { return text }
    var out = StyledText()
    let lead = s.utf8.prefix(while: { $0 == 0x20 }).count
    let trail = s.utf8.reversed().prefix(while: { $0 == 0x20 }).count
    let end = max(lead, s.utf8.count - trail)
    for span in text.spans {
        if span.style.note != nil {
            out.append("", style: span.style)
            continue
        }
        let a = max(span.start, lead), b = min(span.end, end)
        guard a < b else { continue }
        let bytes = Array(s.utf8[s.utf8.index(s.utf8.startIndex, offsetBy: a)..<s.utf8.index(s.utf8.startIndex, offsetBy: b)])
        out.append(String(decoding: bytes, as: UTF8.self), style: span.style)
    }
    return out
}
