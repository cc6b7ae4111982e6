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
}

extension Array where Element == Inline {
    /// The plain text, for metadata, bookmarks and tests.
    public var plainText: String {
        var out = ""
        for inline in self {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .emphasis(let c), .strong(let c), .link(_, let c): out += c.plainText
            case .softBreak: out += " "
            case .lineBreak: out += "\n"
            }
        }
        return out
    }
}
