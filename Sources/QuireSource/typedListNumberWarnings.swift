import CCmarkGFM
import Foundation
import QuireModel

/// Paragraph numbers typed by habit that Markdown reads as a list: "2. The largest pressure…"
/// at the start of a block is an ordered list starting at 2, and a section typed as "1. …",
/// "2. …" straight under its heading is one ordered list. Either prints as lettered sub-items
/// ("(a) The largest pressure…"), not numbered paragraphs, without a word; so each gets a
/// warning naming its line and what it prints. Only top-level lists in numbered sections
/// (after the first `#`) are looked at: a list of sub-items follows the paragraph it belongs to
/// and starts at 1.
func typedListNumberWarnings(_ blocks: [MarkdownNode], file: String, lineOffset: Int, converter: BlockConverter) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    var inSection = false
    var previous: MarkdownNode?
    for block in blocks {
        defer { previous = block }
        if block.type == CMARK_NODE_HEADING, block.headingLevel == 1 { inSection = true }
        guard inSection, block.type == CMARK_NODE_LIST, block.isOrderedList else { continue }
        let items = block.children.prefix(2).map { item in
            item.children.first.map { converter.inlines(of: $0).plainText } ?? ""
        }
        let shown = items.enumerated().map { "'\(itemLabel($0.offset))\(excerpt($0.element))'" }.joined(separator: ", ")
            + (block.children.count > 2 ? ", …" : "")
        let location = SourceLocation(file: file, line: lineOffset + block.line)
        if block.listStart != 1 {
            warnings.append(Diagnostic(at: location,
                "this list starts at \(block.listStart), so '\(block.listStart).' looks like a paragraph number typed by habit: it prints as lettered sub-items \(shown); remove the typed number to make it a numbered paragraph (Quire numbers paragraphs itself)"))
        } else if previous?.type == CMARK_NODE_HEADING {
            warnings.append(Diagnostic(at: location,
                "this numbered list comes straight after its heading, so it prints as lettered sub-items \(shown), not as numbered paragraphs; if the numbers are paragraph numbers typed by habit, remove them and leave a blank line between paragraphs (Quire numbers paragraphs itself)"))
        }
    }
    return warnings
}

/// The label an ordered list's item prints with (the layout's first-level letters).
private func itemLabel(_ index: Int) -> String { "(\(Character(UnicodeScalar(UInt8(97 + index))))) " }

/// The first words of a text, for a message.
func excerpt(_ text: String, length: Int = 40) -> String {
    let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return words.count > length ? String(words.prefix(length)).trimmingCharacters(in: .whitespaces) + "…" : words
}
