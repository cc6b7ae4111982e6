public import QuireModel
import Foundation

/// Inlines as the Markdown the body and header parsers read back to the same inlines:
/// emphasis, strong, code, links and breaks written as markup, literal text escaped.
public func markdownInline(_ inlines: [Inline]) -> String {
    inlines.map { inline -> String in
        switch inline {
        case .text(let text): return escapeInline(text)
        case .emphasis(let inner): return "*" + markdownInline(inner) + "*"
        case .strong(let inner): return "**" + markdownInline(inner) + "**"
        case .code(let code):
            // A fence one backtick longer than any run inside, spaced if the code starts or
            // ends with one.
            let longest = code.split(whereSeparator: { $0 != "`" }).map(\.count).max() ?? 0
            let fence = String(repeating: "`", count: longest + 1)
            let pad = code.hasPrefix("`") || code.hasSuffix("`") ? " " : ""
            return fence + pad + code + pad + fence
        case .link(let url, let text): return "[" + markdownInline(text) + "](<" + url.replacingOccurrences(of: ">", with: "%3E") + ">)"
        case .softBreak: return " "
        case .lineBreak: return "\\\n"
        }
    }.joined()
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
