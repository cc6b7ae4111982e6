import CCmarkGFM
import Foundation
import QuireModel

// GFM footnotes: `Councils set budgets yearly[^1].` with `[^1]: Section 31, LGFA 1992.` on a
// line of its own anywhere in the body. cmark-gfm links each reference to its definition
// (the reference's literal is the definition's number, in order of first reference), moves
// the definitions to the end of the document and silently drops the ones never referenced;
// a reference to a label nobody defined stays text. Quire reports both as mistakes.

extension BlockConverter {
    /// The note a reference stands for: its definition's blocks as inline text, blocks after
    /// the first on lines of their own.
    func note(_ reference: MarkdownNode) -> Inline {
        guard let number = Int(reference.literal), definitions.indices.contains(number - 1) else {
            return .text("[^" + reference.literal + "]")  // cmark numbered what it defined; kept as text if not
        }
        return note(content: definitions[number - 1])
    }

    /// A definition's blocks as a note.
    private func note(content definition: MarkdownNode) -> Inline {
        var out: [Inline] = []
        for block in definition.children {
            let inlines = noteText(block)
            guard !inlines.isEmpty else { continue }
            if !out.isEmpty { out.append(.lineBreak) }
            out += inlines
        }
        return .note(out)
    }

    /// One block of a note as inline text: a paragraph's inlines, a code block's text, the
    /// cells of a table or the items of a list one after another, so no word is dropped.
    private func noteText(_ block: MarkdownNode) -> [Inline] {
        switch block.type {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING: return inlines(of: block)
        case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
            let text = block.literal.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? [] : [.text(text)]
        default:
            var out: [Inline] = []
            for child in block.children {
                let inner = block.typeName == "table_row" || block.typeName == "table_header" ? inlines(of: child) : noteText(child)
                guard !inner.isEmpty else { continue }
                if !out.isEmpty { out.append(block.typeName == "table_row" || block.typeName == "table_header" ? .text(" ") : .lineBreak) }
                out += inner
            }
            return out
        }
    }

    /// Every footnote mistake, before any block is converted: a reference in text whose label
    /// has no definition, a note referring to another note, a definition never referenced
    /// (cmark has dropped it: found in the source where no block is left).
    func checkFootnotes(_ root: MarkdownNode) throws(QuireError) {
        var covered = Set<Int>()  // source lines (1-based, in the body) that blocks still hold
        var problems: [QuireError] = []
        // Iterative, and no deeper than a body may nest (`blocks` refuses deeper nesting with
        // its own message): a hostile source nests quotes by the thousand.
        var pending: [(node: MarkdownNode, inNote: Bool, depth: Int)] = [(root, false, 0)]
        while let (node, inNote, depth) = pending.popLast() {
            switch node.type {
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                covered.insert(node.line)
            case CMARK_NODE_FOOTNOTE_REFERENCE where inNote:
                problems.append(QuireError(.markdown, at: location(node.line), field: "footnote",
                                           "a footnote refers to another footnote",
                                           hint: "write the second note's text into the first, or refer to it from the body"))
            case CMARK_NODE_TEXT:
                if let label = undefinedReference(node) {
                    problems.append(QuireError(.markdown, at: location(node.line), field: "footnote",
                                               "the footnote [^\(label)] is referred to here but never defined",
                                               hint: "add a line '[^\(label)]: The note's text.' to the body (usually at its end), or write \\[^\(label)] for the brackets themselves"))
                }
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
                if node.line > 0 { covered.formUnion(node.line...max(node.line, node.endLine)) }
            default:
                if node.typeName == "table", node.line > 0 { covered.formUnion(node.line...max(node.line, node.endLine)) }
            }
            guard depth < BlockConverter.maxDepth + 2 else {
                if inNote, !problems.contains(where: { $0.kind == .limit }) {
                    problems.append(QuireError(.limit, at: location(node.line), field: "footnote", "a footnote nests lists or quotes too deeply",
                                               hint: "a note is a sentence or two: write it as plain paragraphs"))
                }
                continue
            }
            let noteBelow = inNote || node.type == CMARK_NODE_FOOTNOTE_DEFINITION
            for child in node.children.reversed() { pending.append((child, noteBelow, depth + 1)) }
        }
        for (index, line) in source.enumerated() where !covered.contains(index + 1) {
            guard let label = definitionLabel(line) else { continue }
            problems.append(QuireError(.markdown, at: location(index + 1), field: "footnote",
                                       "the footnote [^\(label)] is defined here but never referred to",
                                       hint: "refer to it with [^\(label)] where the note belongs, or delete the definition"))
        }
        if let error = QuireError.combining(problems) { throw error }
    }

    private func location(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: lineOffset + line) }

    /// The label of a `[^label]` left as text that the source wrote unescaped (`\[^1]` is the
    /// literal brackets and reads the same in the tree, so the source decides).
    private func undefinedReference(_ text: MarkdownNode) -> String? {
        let literal = text.literal
        guard containsBytes(literal, "[^"), text.line > 0, text.line == text.endLine, text.line <= source.count else { return nil }
        let bytes = Array(source[text.line - 1].utf8)
        let start = max(0, text.column - 1), end = min(bytes.count, text.endColumn)
        guard start < end else { return nil }
        let written = String(decoding: bytes[start..<end], as: UTF8.self)
        guard let match = written.range(of: #"(?<!\\)\[\^[^\]\s\\]+(?<!\\)\]"#, options: .regularExpression) else { return nil }
        return String(written[match].dropFirst(2).dropLast())
    }

    /// Inline Markdown written outside the tree (a table's caption in its `{: … }` line), with
    /// each `[^label]` that names a definition made its note.
    func inlinesWithNotes(_ markdown: String) -> [Inline] {
        var byLabel: [String: MarkdownNode] = [:]
        for definition in definitions where definition.line >= 1 && definition.line <= source.count {
            if let label = definitionLabel(source[definition.line - 1]) { byLabel[label.lowercased()] = definition }
        }
        // Each reference stands in the text as a private-use placeholder while the rest is parsed.
        var notes: [Inline] = []
        var text = markdown
        while let match = text.range(of: #"(?<!\\)\[\^[^\]\s\\]+\]"#, options: .regularExpression),
              let definition = byLabel[String(text[match].dropFirst(2).dropLast()).lowercased()] {
            text.replaceSubrange(match, with: "\u{E000}\(notes.count)\u{E001}")
            notes.append(note(content: definition))
        }
        guard !notes.isEmpty else { return parseInlineMarkdown(markdown) }
        func restore(_ inlines: [Inline]) -> [Inline] {
            inlines.flatMap { inline -> [Inline] in
                switch inline {
                case .text(let s):
                    var out: [Inline] = []
                    var rest = Substring(s)
                    while let open = rest.firstIndex(of: "\u{E000}"), let close = rest[open...].firstIndex(of: "\u{E001}"),
                          let index = Int(rest[rest.index(after: open)..<close]), notes.indices.contains(index) {
                        if open > rest.startIndex { out.append(.text(String(rest[..<open]))) }
                        out.append(notes[index])
                        rest = rest[rest.index(after: close)...]
                    }
                    if !rest.isEmpty { out.append(.text(String(rest))) }
                    return out
                case .emphasis(let c): return [.emphasis(restore(c))]
                case .strong(let c): return [.strong(restore(c))]
                case .link(let url, let c): return [.link(url: url, restore(c))]
                case .code, .softBreak, .lineBreak, .note: return [inline]
                }
            }
        }
        return restore(parseInlineMarkdown(text))
    }

    /// The label of a line written as a footnote definition (`[^1]: …`, perhaps in a quote).
    private func definitionLabel(_ line: Substring) -> String? {
        // Most lines hold no "[^": the byte search spares them the regular expression (and
        // a paper without notes the compiling of one, ICU's character sets included).
        guard containsBytes(String(line), "[^"), let match = line.range(of: #"^[ \t>]*\[\^[^\]\s]+\]:"#, options: .regularExpression) else { return nil }
        let written = line[match]
        guard let open = written.range(of: "[^") else { return nil }
        return String(written[open.upperBound...].dropLast(2))
    }
}
