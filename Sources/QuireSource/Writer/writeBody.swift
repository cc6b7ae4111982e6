import Foundation
public import QuireModel

/// Blocks as the Markdown body the parser reads back to the same blocks: the body half of
/// the source writer every importer shares (`writeFrontMatter` is the other half). Notes are
/// written as footnotes, `[^1]` at the reference and the definitions after the last block.
public func writeBody(_ blocks: [Block]) -> String {
    var notes = FootnoteList()
    var parts = markdownBlocks(blocks, notes: &notes)
    if !notes.notes.isEmpty { parts.append(notes.definitions) }
    return parts.joined(separator: "\n\n") + "\n"
}

/// A whole source: front matter between `---` lines, then the body.
public func writeSource(_ paper: Paper) -> String {
    "---\n" + writeFrontMatter(paper.frontMatter) + "---\n\n" + writeBody(paper.body)
}

/// Blocks of one container, each without a trailing newline. A list right after another
/// list takes the other delimiter ("1)" after "1.", "*" after "-"): Markdown would read two
/// lists written alike one after the other as one.
func markdownBlocks(_ blocks: [Block], notes: inout FootnoteList) -> [String] {
    var out: [String] = []
    var alternate = false
    for (index, block) in blocks.enumerated() {
        if case .list = block, index > 0, case .list = blocks[index - 1] { alternate.toggle() } else { alternate = false }
        out.append(markdownBlock(block, alternate: alternate, notes: &notes))
    }
    return out
}

/// One block, without a trailing newline; the notes it refers to are added to `notes`.
/// `alternate` writes a list with the other delimiter (see `markdownBlocks`).
func markdownBlock(_ block: Block, alternate: Bool = false, notes: inout FootnoteList) -> String {
    switch block {
    case .heading(let level, let inlines, _):
        return String(repeating: "#", count: max(1, min(6, level))) + " " + markdownInline(inlines, notes: &notes)
    case .paragraph(let inlines, _):
        return paragraphText(inlines, notes: &notes)
    case .list(let ordered, let items, _):
        var written: [String] = []
        for (index, item) in items.enumerated() {
            let marker = ordered ? "\(index + 1)" + (alternate ? ")" : ".") : (alternate ? "*" : "-")
            written.append(listItem(item, marker: marker, notes: &notes))
        }
        return written.joined(separator: "\n")
    case .table(let table):
        return markdownTable(table, notes: &notes)
    case .quote(let blocks, _):
        return markdownBlocks(blocks, notes: &notes).joined(separator: "\n\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
    case .code(let code, _):
        return fenced(code, info: "")
    case .thematicBreak:
        return "***"
    case .image(let path, let alt, _):
        return "![" + escapeInline(alt) + "](<" + path.replacingOccurrences(of: ">", with: "%3E") + ">)"
    case .chart(let chart):
        // Charts come from data, never from an importer; should one be written, its caption
        // and text alternative keep every word.
        return [paragraphText(chart.caption, notes: &notes), paragraphText([.text(chart.alt)], notes: &notes)].joined(separator: "\n\n")
    }
}

/// A paragraph's text, escaped where its start would read as another block (or as a table's
/// `{: … }` line).
private func paragraphText(_ inlines: [Inline], notes: inout FootnoteList) -> String {
    let text = escapeBlockStart(markdownInline(inlines, notes: &notes))
    return text.hasPrefix("{:") ? "\\" + text : text
}

/// A list item: its first block after the marker, the rest indented under it (a loose item
/// when it has several blocks, so a nested paragraph stays in the item).
private func listItem(_ blocks: [Block], marker: String, notes: inout FootnoteList) -> String {
    let indent = String(repeating: " ", count: marker.count + 1)
    var parts: [String] = []
    for (index, written) in markdownBlocks(blocks, notes: &notes).enumerated() {
        let text = written.split(separator: "\n", omittingEmptySubsequences: false)
        let lines = text.enumerated().map { n, line in
            index == 0 && n == 0 ? marker + " " + line : (line.isEmpty ? "" : indent + line)
        }
        parts.append(lines.joined(separator: "\n"))
    }
    if parts.isEmpty { return marker }
    // A nested list directly under the item's first paragraph needs no blank line; any other
    // further block does, or it would join the paragraph.
    var out = parts[0]
    for (index, part) in parts.enumerated().dropFirst() {
        if case .list = blocks[index], index == 1 { out += "\n" + part } else { out += "\n\n" + part }
    }
    return out
}

/// A fence longer than any run of backticks inside.
private func fenced(_ code: String, info: String) -> String {
    var longest = 0, run = 0
    for character in code {
        run = character == "`" ? run + 1 : 0
        longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    return fence + info + "\n" + code + "\n" + fence
}
