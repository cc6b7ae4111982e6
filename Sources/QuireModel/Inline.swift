/// Inline content of a paragraph, heading, cell or header value, converted from the Markdown
/// parser's tree at once so no parser type leaks past the source layer.
public indirect enum Inline: Hashable, Sendable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case code(String)
    case link(url: String, [Inline])
    /// A soft line break in the source: joins as a space.
    case softBreak
    /// A hard line break (two spaces or backslash at the end of a line).
    case lineBreak
    /// A footnote referenced here (Markdown `text[^1]` with `[^1]: The note.` in the body),
    /// holding the note's own text. Notes are numbered by the layout in the order they are
    /// referenced, never in the model, as paragraphs are.
    case note([Inline])
}

extension Array where Element == Inline {
    /// The plain text, for metadata, bookmarks and tests. Notes are left out: they are read
    /// apart from the text that refers to them (`notes`, `textWithNotes`).
    public var plainText: String {
        var out = ""
        for inline in self {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .emphasis(let c), .strong(let c), .link(_, let c): out += c.plainText
            case .softBreak: out += " "
            case .lineBreak: out += "\n"
            case .note: break
            }
        }
        return out
    }

    /// The text of the notes referenced here, in the order of their references.
    public var notes: [[Inline]] {
        var out: [[Inline]] = []
        for inline in self {
            switch inline {
            case .emphasis(let c), .strong(let c), .link(_, let c): out += c.notes
            case .note(let content): out.append(content)
            case .text, .code, .softBreak, .lineBreak: break
            }
        }
        return out
    }

    /// The plain text with each note's text where it is referenced (set off by spaces): every
    /// word, for ledgers and checks that nothing was lost.
    public var textWithNotes: String {
        var out = ""
        for inline in self {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .emphasis(let c), .strong(let c), .link(_, let c): out += c.textWithNotes
            case .softBreak: out += " "
            case .lineBreak: out += "\n"
            case .note(let content): out += " " + content.textWithNotes + " "
            }
        }
        return out
    }
}
