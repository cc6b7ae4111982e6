import Foundation
import QuireModel
import QuireSource

/// The import as a Quire source: YAML front matter (emitted by Yams, so ": ", "#", quotes and
/// dashes in values are quoted as YAML needs), then the body as Markdown with its
/// punctuation escaped (legacy text is not Markdown: a "*" or "_" there is literal).
public func writeSource(_ result: ImportResult) -> String {
    "---\n" + writeFrontMatter(result.frontMatter) + "---\n\n" + markdownBody(result.body)
}

// MARK: - Body

func markdownBody(_ blocks: [BodyBlock]) -> String {
    blocks.map { block -> String in
        switch block {
        case .section(let title): "# " + escapeInline(title)
        case .paragraph(let text): escapeBlockStart(escapeInline(text))
        case .letteredList(let items):
            items.enumerated().map { index, item in
                (["\(index + 1). " + escapeInline(item.text)]
                    + item.subItems.enumerated().map { "    \($0.offset + 1). " + escapeInline($0.element) }).joined(separator: "\n")
            }.joined(separator: "\n")
        case .bulletList(let items): items.map { "- " + escapeInline($0) }.joined(separator: "\n")
        }
    }.joined(separator: "\n\n") + "\n"
}
