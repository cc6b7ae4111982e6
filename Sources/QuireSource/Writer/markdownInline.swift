public import QuireModel
import Foundation

/// Inlines as the Markdown the body and header parsers read back to the same inlines:
/// emphasis, strong, code, links and breaks written as markup, literal text escaped. A
/// front-matter value has nowhere to put a footnote's definition, so a note there is written
/// in brackets after its reference; the body writer writes real footnotes (`FootnoteList`).
public func markdownInline(_ inlines: [Inline]) -> String {
    var notes = FootnoteList(inline: true)
    return markdownInline(inlines, notes: &notes)
}

/// `markdownInline`, numbering each note met in `notes` and writing its reference `[^n]`.
func markdownInline(_ inlines: [Inline], notes: inout FootnoteList) -> String {
    var out = ""
    for inline in inlines {
        switch inline {
        case .text(let text): out += escapeInline(text)
        case .emphasis(let inner): out += "*" + markdownInline(inner, notes: &notes) + "*"
        case .strong(let inner): out += "**" + markdownInline(inner, notes: &notes) + "**"
        case .code(let code):
            // A fence one backtick longer than any run inside, spaced if the code starts or
            // ends with one.
            let longest = code.split(whereSeparator: { $0 != "`" }).map(\.count).max() ?? 0
            let fence = String(repeating: "`", count: longest + 1)
            let pad = code.hasPrefix("`") || code.hasSuffix("`") ? " " : ""
            out += fence + pad + code + pad + fence
        case .link(let url, let text): out += "[" + markdownInline(text, notes: &notes) + "](<" + url.replacingOccurrences(of: ">", with: "%3E") + ">)"
        case .softBreak: out += " "
        case .lineBreak: out += "\\\n"
        case .note(let note):
            if notes.inline {
                out += " (" + markdownInline(note, notes: &notes) + ")"
            } else {
                out += "[^\(notes.add(note))]"
            }
        }
    }
    return out
}

/// The footnotes met while writing a body, numbered in order: each reference is written
/// `[^n]`, and the definitions after the body's last block.
struct FootnoteList {
    /// Write a note's text in brackets at its reference instead (no definitions will follow).
    var inline = false
    private(set) var notes: [[Inline]] = []

    /// The label of a new note.
    mutating func add(_ note: [Inline]) -> Int {
        notes.append(note)
        return notes.count
    }

    /// `[^n]: text` for each note, a note's later lines indented under it so they stay in
    /// the definition; empty when there are none.
    var definitions: String {
        var out: [String] = []
        for (index, note) in notes.enumerated() {
            var inner = FootnoteList(inline: true)  // a note inside a note has no label of its own
            let lines = markdownInline(note, notes: &inner).split(separator: "\n", omittingEmptySubsequences: false)
            let body = lines.enumerated().map { n, line in (n == 0 ? "" : "    ") + escapeBlockStart(String(line)) }
            out.append("[^\(index + 1)]: " + body.joined(separator: "\n"))
        }
        return out.joined(separator: "\n\n")
    }
}

/// Backslash-escapes what inline Markdown would read as markup: emphasis, code, links, raw
/// HTML, strikethrough, entities and hard-break backslashes.
public func escapeInline(_ text: String) -> String {
    var out = ""
    for character in text {
        if "\\`*_[]<>~|".contains(character) { out.append("\\") }
        out.append(character)
    }
    // "&amp;" would become "&"; "& " is safe as it stands.
    return out.replacingOccurrences(of: #"&(?=#?[A-Za-z0-9]+;)"#, with: "\\\\&", options: .regularExpression)
}

/// Escapes what would make a paragraph's first characters start another block: a heading
/// "#", a quote ">", a list marker ("- ", "+ ", "1. ", "1) "), or a rule/setext line.
public func escapeBlockStart(_ text: String) -> String {
    if let match = text.range(of: #"^\d{1,9}(?=[.)](\s|$))"#, options: .regularExpression) {
        return text[match] + "\\" + text[match.upperBound...]
    }
    if let first = text.first, "#>-+=".contains(first) { return "\\" + text }
    return text
}
