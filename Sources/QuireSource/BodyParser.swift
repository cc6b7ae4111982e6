import CCmarkGFM
import Foundation
import QuireModel

/// Markdown body → blocks, and warnings about what looks like a slip (a paragraph number
/// typed by habit). Raw HTML is kept as text (nothing the author wrote is dropped).
/// Footnotes are read with it: each reference becomes a note holding its definition's text
/// (`Footnotes.swift`), and a reference without a definition, or a definition never
/// referenced, is an error at its line.
func parseBody(_ text: String, file: String, firstLine: Int, figures: @escaping FigureBuilder) throws(QuireError) -> (blocks: [Block], warnings: [Diagnostic]) {
    let document = MarkdownDocument(text, footnotes: true)
    let root = MarkdownNode(pointer: document.root)
    // Split as bytes (the text's line ends are LF, `decodeUTF8`): splitting the String splits
    // Characters, which was 12% of a pack's layout samples.
    let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    var converter = BlockConverter(file: file, lineOffset: firstLine - 1, lines: lines, source: lines.map { Substring($0) })
    converter.definitions = root.children.filter { $0.type == CMARK_NODE_FOOTNOTE_DEFINITION }
    converter.figures = figures
    try converter.checkFootnotes(root)
    let blocks = try converter.blocks(of: root, depth: 0)
    return (blocks, typedListNumberWarnings(root.children, file: file, lineOffset: firstLine - 1, converter: converter))
}

/// Inline Markdown of a header value (bold, italic, links, emails) → inlines.
func parseInlineMarkdown(_ text: String) -> [Inline] {
    let document = MarkdownDocument(text)
    let converter = BlockConverter(file: "", lineOffset: 0)
    var out: [Inline] = []
    // A value is one paragraph in practice; if it parses as more (e.g. "1. text"), keep all
    // the text in order rather than dropping structure silently.
    func collect(_ node: MarkdownNode) {
        switch node.type {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            if !out.isEmpty { out.append(.softBreak) }
            out += converter.inlines(of: node)
        case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
            if !out.isEmpty { out.append(.softBreak) }
            out.append(.text(node.literal.trimmingCharacters(in: .whitespacesAndNewlines)))
        default:
            node.children.forEach(collect)
        }
    }
    collect(MarkdownNode(pointer: document.root))
    return out.isEmpty ? [.text(text)] : out
}

/// Builds the block a ```table or ```chart fence stands for: its kind, its text, its line.
typealias FigureBuilder = (_ kind: String, _ spec: String, _ line: Int) throws(QuireError) -> Block

/// Converts cmark nodes to our own `Block`/`Inline` enums.
struct BlockConverter {
    let file: String
    let lineOffset: Int
    /// How figure fences become tables and charts (header values have none).
    var figures: FigureBuilder = { (kind: String, _: String, line: Int) throws(QuireError) -> Block in
        throw QuireError(.invalidValue, at: SourceLocation(file: "", line: line), field: kind, "a ```\(kind) block cannot stand here")
    }
    /// The body's lines as written, for what cmark does not keep (a table row's own cells).
    var lines: [Substring.UTF8View] = []
    /// The Markdown's own lines, where the tree's text is not enough: a merge marker `<` and
    /// an escaped `\<` read alike, and a `{: … }` line must be read as written.
    var source: [Substring] = []
    /// Footnote definitions in the order cmark numbers them (a reference's literal is its
    /// number there, from 1).
    var definitions: [MarkdownNode] = []
    /// Deeper nesting than this is almost certainly machine-made or hostile; refuse it with a
    /// message instead of recursing without bound.
    static let maxDepth = 32
    /// A committee paper's table is a page or a few; thousands of rows are a listing for an
    /// appendix (and would take a render minutes to lay out).
    static let maxTableRows = 5000
    /// One paragraph (or heading, cell, code block) is shaped as a whole, and Pango's line
    /// breaking grows faster than the text: a 3 MB paragraph takes minutes and gigabytes. A
    /// real paragraph is a few thousand characters.
    static let maxParagraphCharacters = 50_000

    private func checkLength(_ text: String, line: Int) throws(QuireError) {
        guard text.utf8.count > BlockConverter.maxParagraphCharacters, text.count > BlockConverter.maxParagraphCharacters else { return }
        throw QuireError(.limit, at: SourceLocation(file: file, line: line),
                         "this paragraph is \(text.count) characters long; a paragraph may have at most \(BlockConverter.maxParagraphCharacters)",
                         hint: "split it into paragraphs with blank lines between them")
    }

    func blocks(of node: MarkdownNode, depth: Int) throws(QuireError) -> [Block] {
        var out: [Block] = []
        for child in node.children {
            // Definitions are read where they are referenced.
            if child.type == CMARK_NODE_FOOTNOTE_DEFINITION { continue }
            // A `{: … }` paragraph belongs to the table right above it (TableAttributes.swift).
            if let lines = attributeParagraph(child) {
                guard case .table(var table)? = out.last else {
                    throw QuireError(.invalidValue, at: SourceLocation(file: file, line: lines[0].line), field: "table",
                                     "a {: } line gives a table its options, but no table is right above it",
                                     hint: "put it on the line right under the table's last row")
                }
                try applyAttributes(lines, to: &table)
                out[out.count - 1] = .table(table)
                continue
            }
            if let block = try block(child, depth: depth) { out.append(block) }
        }
        return out
    }

    private func block(_ node: MarkdownNode, depth: Int) throws(QuireError) -> Block? {
        let line = lineOffset + node.line
        guard depth < BlockConverter.maxDepth else {
            throw QuireError(.limit, at: SourceLocation(file: file, line: line), "lists or quotes are nested more than \(BlockConverter.maxDepth) levels deep",
                             hint: "flatten the nesting; a paper needs at most three levels of sub-items")
        }
        switch node.type {
        case CMARK_NODE_HEADING:
            let content = inlines(of: node)
            try checkLength(content.plainText, line: line)
            return .heading(level: node.headingLevel, content, line: line)
        case CMARK_NODE_PARAGRAPH:
            let content = inlines(of: node)
            try checkLength(content.plainText, line: line)
            // A paragraph that is only an image is a figure.
            let kids = node.children
            if kids.count == 1, kids[0].type == CMARK_NODE_IMAGE {
                return .image(path: kids[0].url, alt: inlines(of: kids[0]).plainText, line: line)
            }
            return .paragraph(content, line: line)
        case CMARK_NODE_LIST:
            var items: [[Block]] = []
            for item in node.children { items.append(try blocks(of: item, depth: depth + 1)) }
            return .list(ordered: node.isOrderedList, items: items, line: line)
        case CMARK_NODE_BLOCK_QUOTE:
            // A quote that held only a footnote definition is empty now: nothing to show.
            let inner = try blocks(of: node, depth: depth + 1)
            return inner.isEmpty ? nil : .quote(inner, line: line)
        case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
            var code = node.literal
            while code.hasSuffix("\n") { code.removeLast() }
            try checkLength(code, line: line)
            let info = node.type == CMARK_NODE_CODE_BLOCK ? node.fenceInfo.trimmingCharacters(in: .whitespaces) : ""
            if info == "table" || info == "chart" { return try figures(info, code, line) }
            return .code(code, line: line)
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak(line: line)
        default:
            if node.typeName == "table" { return .table(try table(node, line: line)) }
            // Unknown container: keep its content.
            let inner = try blocks(of: node, depth: depth + 1)
            return inner.isEmpty ? nil : .quote(inner, line: line)
        }
    }

    private func table(_ node: MarkdownNode, line: Int) throws(QuireError) -> Table {
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        var rowLines: [Int] = []
        var marks: [[MergeMark]] = []
        var headerLine = line
        let (children, attributes) = splitAttributeRows(node.children)
        guard children.count <= BlockConverter.maxTableRows + 1 else {
            throw QuireError(.limit, at: SourceLocation(file: file, line: line),
                             "the table has \(children.count - 1) rows; a table in a paper may have at most \(BlockConverter.maxTableRows)",
                             hint: "put a long listing in an appendix, or summarise it from a data file with a ```table block")
        }
        for row in children {
            var cells: [[Inline]] = []
            var rowMarks: [MergeMark] = []
            for cell in row.children {
                let mark = mergeMark(cell)
                rowMarks.append(mark)
                // A covered position holds nothing: its content is the merged cell's.
                cells.append(mark == .cell ? inlines(of: cell) : [])
            }
            for cell in cells { try checkLength(cell.plainText, line: line) }
            marks.append(rowMarks)
            if row.typeName == "table_header" {
                header = cells
                headerLine = lineOffset + row.line
            } else {
                try checkCellCount(row, header: header)
                rows.append(cells)
                rowLines.append(lineOffset + row.line)
            }
        }
        let columns = max(header.count, node.tableAlignments.count)
        let spans = try mergedSpans(marks, columns: columns, lines: [headerLine] + rowLines, file: file)
        var table = Table(header: header, rows: rows, alignments: node.tableAlignments, line: line, rowLines: rowLines, spans: spans)
        try applyAttributes(attributes, to: &table)
        return table
    }

    /// GFM pads a short row with empty cells and drops a long row's extra cells, without a
    /// word: a missing figure would shift the rest of the row under the wrong headings, an
    /// extra one would vanish. cmark keeps only the cells that fit, so the row's cells are
    /// counted in its source line, as GFM splits them (at each '|' not escaped as '\|').
    private func checkCellCount(_ row: MarkdownNode, header: [[Inline]]) throws(QuireError) {
        guard row.line >= 1, row.line <= lines.count else { return }
        let source = lines[row.line - 1]
        let text = source.dropFirst(max(0, row.column - 1))
        let count = tableCellCount(text)
        guard count != header.count else { return }
        let location = SourceLocation(file: file, line: lineOffset + row.line)
        let columns = header.map { "'" + $0.plainText + "'" }.joined(separator: ", ")
        if !text.contains(UInt8(ascii: "|")) {
            throw QuireError(.markdown, at: location, "this line joins the table above it as a row with 1 cell; the table has \(header.count) columns",
                             hint: "leave a blank line between a table and the paragraph after it")
        }
        if count < header.count {
            throw QuireError(.markdown, at: location, "this table row has \(count) cell\(count == 1 ? "" : "s"); its header has \(header.count) (\(columns))",
                             hint: "give the row a cell for each column, in order; write an empty cell as '| |' (Markdown would fill the row out at its end, moving figures under the wrong headings)")
        }
        throw QuireError(.markdown, at: location, "this table row has \(count) cells; its header has \(header.count) (\(columns)), so the last \(count - header.count) would be dropped",
                         hint: "add the column to the header and the '---' line below it, or remove the extra cell; write a '|' inside a cell as '\\|'")
    }

    /// Whether a cell is a merge marker: exactly `<` or `^` as written (one source character,
    /// so `\<` and `\^`, which cmark reads as the same text, stay text).
    private func mergeMark(_ cell: MarkdownNode) -> MergeMark {
        let kids = cell.children
        guard kids.count == 1, kids[0].type == CMARK_NODE_TEXT, kids[0].line == kids[0].endLine,
              kids[0].endColumn == kids[0].column else { return .cell }
        switch kids[0].literal {
        case "<": return .left
        case "^": return .up
        default: return .cell
        }
    }

    func inlines(of node: MarkdownNode) -> [Inline] {
        var out: [Inline] = []
        for child in node.children {
            switch child.type {
            case CMARK_NODE_TEXT: appendText(child.literal, to: &out)
            case CMARK_NODE_SOFTBREAK: out.append(.softBreak)
            case CMARK_NODE_LINEBREAK: out.append(.lineBreak)
            case CMARK_NODE_CODE: out.append(.code(child.literal))
            case CMARK_NODE_HTML_INLINE: appendText(child.literal, to: &out)
            case CMARK_NODE_EMPH: out.append(.emphasis(inlines(of: child)))
            case CMARK_NODE_STRONG: out.append(.strong(inlines(of: child)))
            case CMARK_NODE_LINK: out.append(.link(url: child.url, inlines(of: child)))
            case CMARK_NODE_IMAGE: out += inlines(of: child)
            case CMARK_NODE_FOOTNOTE_REFERENCE: out.append(note(child))
            default: out += inlines(of: child)  // strikethrough and other extensions: keep the words
            }
        }
        return out
    }

    /// cmark splits text at punctuation; merge adjacent runs so the model stays readable.
    private func appendText(_ text: String, to out: inout [Inline]) {
        if case .text(let previous)? = out.last {
            out[out.count - 1] = .text(previous + text)
        } else {
            out.append(.text(text))
        }
    }
}
