import CCmarkGFM
import Foundation
import QuireModel

/// What a `{: … }` line right under a Markdown table says about it:
/// ```
/// | Service           | 2016/17 | 2017/18 |
/// |:------------------|--------:|--------:|
/// | Adult social care |   412.3 |   430.1 |
/// | Savings           |  (12.0) |  -230.8 |
/// {: negative=brackets decimals=1 unit="£m" keep-together}
/// ```
/// Items are `key=value` (quote a value with spaces) or a bare flag. `keep-together` (or
/// `keep-together=false`) decides whether the table may break across pages; `figures`, or any
/// figure style key (`negative`, `separators`, `decimals`, `unit`, `scale`, as in a layout's
/// `figures:`), makes columns figure columns: their cells are read as numbers and written in
/// that style. `columns=2-3,5` picks the columns (counted from 1; default: every
/// right-aligned column). `header-rows=2` makes the row under the header row head the table
/// too (both repeat on every page), and `caption="Table 1: Revenue budget"` gives the table
/// its caption (inline Markdown; `\"` and `\\` inside the quotes stand for `"` and `\`).
/// Several lines may follow each other, e.g. one per group of columns.
struct TableAttributes {
    var keepTogether: Bool?
    var headerRows: (count: Int, line: Int)?
    var caption: String?
    /// Figure styles in the order written, each for its columns (nil: the right-aligned ones).
    var styles: [(columns: [Int]?, style: FigureStyle, line: Int)] = []

    /// The keys a line may hold, besides the figure style's own.
    static let keys = ["caption", "columns", "figures", "header-rows", "keep-together"] + FigureStyle.keys

    /// Whether `text` is written as an attribute line (its items may still be wrong).
    static func isAttributeLine(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("{:") && trimmed.hasSuffix("}")
    }

    /// Reads one `{: … }` line written at `line`.
    mutating func read(_ text: String, file: String, line: Int) throws(QuireError) {
        let location = SourceLocation(file: file, line: line)
        let inner = text.trimmingCharacters(in: .whitespaces).dropFirst(2).dropLast()
        var style = FigureStyle(), styled = false, columns: [Int]?
        for item in try items(String(inner), at: location) {
            let (key, value) = item
            switch key {
            case "keep-together":
                switch value?.lowercased() {
                case nil, "true", "yes": keepTogether = true
                case "false", "no": keepTogether = false
                default: throw QuireError(.invalidValue, at: location, field: key, "keep-together is a flag, not '\(value ?? "")'",
                                          hint: "write keep-together to keep the table on one page, keep-together=false to let it break")
                }
            case "figures":
                guard value == nil else {
                    throw QuireError(.invalidValue, at: location, field: key, "figures is a flag", hint: "write figures alone, or give the style's keys, e.g. negative=brackets")
                }
                styled = true
            case "columns":
                // One style a line: a second columns= would silently take the first's columns away.
                guard columns == nil else {
                    throw QuireError(.invalidValue, at: location, field: key, "columns= is given twice on one {: } line",
                                     hint: "write one {: } line per group of columns, e.g. {: columns=2 figures} and {: columns=3 negative=brackets} on lines of their own")
                }
                columns = try columnList(value ?? "", at: location)
            case "header-rows":
                guard let value, let count = Int(value), count >= 1 else {
                    throw QuireError(.invalidValue, at: location, field: key, "header-rows is a count of rows, not '\(value ?? "")'",
                                     hint: "write header-rows=2 for the header row and the row under it")
                }
                headerRows = (count, line)
            case "caption":
                guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw QuireError(.invalidValue, at: location, field: key, "caption needs its text",
                                     hint: "write caption=\"Table 1: Revenue budget\"")
                }
                caption = value
            default:
                guard FigureStyle.keys.contains(key) else {
                    let hint = nearestName(key, in: TableAttributes.keys).map { "did you mean '\($0)'?" }
                        ?? "a table's {: } line may hold \(TableAttributes.keys.joined(separator: ", "))"
                    throw QuireError(.unknownField, at: location, field: key, "unknown table attribute '\(key)'", hint: hint)
                }
                guard let value else {
                    throw QuireError(.invalidValue, at: location, field: key, "'\(key)' needs a value", hint: "write \(key)=…, e.g. negative=brackets, decimals=1, unit=\"£m\"")
                }
                do throws(FigureStyle.Problem) {
                    try style.set(key, value)
                } catch {
                    throw QuireError(.invalidValue, at: location, field: key, error.message, hint: error.hint)
                }
                styled = true
            }
        }
        if styled {
            styles.append((columns, style, line))
        } else if columns != nil {
            throw QuireError(.invalidValue, at: location, field: "columns", "columns= says which columns hold figures, but no figure style follows",
                             hint: "add figures (the layout's style) or style keys, e.g. {: columns=2-3 negative=brackets}")
        }
    }

    /// Gives the table its keep-together choice and its figure columns; a figure column is
    /// right-aligned. A column past the table's last is an error at the line that names it.
    func apply(to table: inout Table, file: String, caption read: (String) -> [Inline] = parseInlineMarkdown) throws(QuireError) {
        if let keepTogether { table.keepTogether = keepTogether }
        if let caption { table.caption = read(caption) }
        if let (count, line) = headerRows {
            guard count <= table.rows.count + 1 else {
                throw QuireError(.invalidValue, at: SourceLocation(file: file, line: line), field: "header-rows",
                                 "header-rows=\(count), but the table has \(table.rows.count + 1) rows, its header row included",
                                 hint: "count the header row and the rows under it that head the table")
            }
            table.headerRows = count
        }
        let count = max(table.header.count, table.alignments.count)
        if !styles.isEmpty, table.figures.count < count { table.figures += Array(repeating: nil, count: count - table.figures.count) }
        for (columns, style, line) in styles {
            let location = SourceLocation(file: file, line: line)
            let chosen = columns ?? table.alignments.indices.filter { table.alignments[$0] == .right }.map { $0 + 1 }
            guard !chosen.isEmpty else {
                throw QuireError(.invalidValue, at: location, field: "columns", "the table has no right-aligned column for the figure style",
                                 hint: "right-align the figure columns (---: under their header) or name them, e.g. columns=2-4")
            }
            for column in chosen {
                guard column <= count else {
                    throw QuireError(.invalidValue, at: location, field: "columns", "column \(column) is past the table's last (it has \(count))",
                                     hint: "columns are counted from 1, the first on the left")
                }
                table.figures[column - 1] = (table.figures[column - 1] ?? FigureStyle()).merging(style)
                if column - 1 < table.alignments.count { table.alignments[column - 1] = .right }
            }
        }
    }

    /// `key=value`, `key="a value"` and bare `flag` items, split at spaces outside quotes.
    private func items(_ text: String, at location: SourceLocation) throws(QuireError) -> [(String, String?)] {
        var out: [(String, String?)] = [], current = "", quote: Character?, quoted = false
        func finish() throws(QuireError) {
            defer { current = ""; quoted = false }
            guard !current.isEmpty || quoted else { return }
            guard let equals = current.firstIndex(of: "=") else {
                out.append((current.lowercased(), nil))
                return
            }
            let key = current[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            guard !key.isEmpty else {
                throw QuireError(.invalidValue, at: location, field: "table", "'\(current)' has no key before '='", hint: "write key=value, e.g. decimals=1")
            }
            out.append((key, String(current[current.index(after: equals)...])))
        }
        var escaped = false
        for ch in text {
            if let open = quote {
                // Inside quotes `\"` is a quote and `\\` a backslash (as the source writer
                // writes them); any other backslash is the Markdown's own.
                if escaped {
                    if ch != "\"" && ch != "\\" { current.append("\\") }
                    current.append(ch)
                    escaped = false
                } else if ch == "\\" {
                    escaped = true
                } else if ch == open || (open == "\u{201C}" && ch == "\u{201D}") { quote = nil } else { current.append(ch) }
            } else if ch == "\"" || ch == "\u{201C}" {
                quote = ch
                quoted = true
            } else if ch == " " || ch == "\t" {
                try finish()
            } else {
                current.append(ch)
            }
        }
        guard quote == nil else {
            throw QuireError(.invalidValue, at: location, field: "table", "a quote in the {: } line is never closed", hint: "close it: unit=\"£m\"")
        }
        try finish()
        return out
    }

    /// "2", "2-4", "2,5", "2-3,5": columns counted from 1.
    private func columnList(_ text: String, at location: SourceLocation) throws(QuireError) -> [Int] {
        var out: [Int] = []
        let problem = QuireError(.invalidValue, at: location, field: "columns", "'\(text)' is not a list of columns",
                                 hint: "count columns from 1: columns=2, columns=2-4 or columns=2,4")
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(bounds.count), let low = bounds[0], let high = bounds.last ?? nil, low >= 1, low <= high else { throw problem }
            out += Array(low...high)
        }
        guard !out.isEmpty else { throw problem }
        return out
    }
}

// MARK: - Finding the lines

extension BlockConverter {
    /// Splits a table node's rows into its own and the `{: … }` lines written right under it
    /// (GFM reads a line without pipes after a table as one more row), in order.
    func splitAttributeRows(_ rows: [MarkdownNode]) -> (rows: [MarkdownNode], attributes: [(text: String, line: Int)]) {
        var own = rows
        var attributes: [(text: String, line: Int)] = []
        while let last = own.last, last.typeName != "table_header", let text = attributeRowText(last) {
            attributes.insert((text, lineOffset + last.line), at: 0)
            own.removeLast()
        }
        return (own, attributes)
    }

    /// The text of a row that holds only a `{: … }` line, as written in the source (cmark
    /// would read a caption's Markdown, or split it at a pipe).
    private func attributeRowText(_ row: MarkdownNode) -> String? {
        if let written = writtenAttributeLine(row.line) { return written }
        guard source.isEmpty else { return nil }
        let cells = row.children.map { inlines(of: $0).plainText }
        guard let first = cells.first, TableAttributes.isAttributeLine(first),
              cells.dropFirst().allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return nil }
        return first
    }

    /// The `{: … }` lines of a paragraph made of nothing else, each with its line; nil for any
    /// other paragraph.
    func attributeParagraph(_ node: MarkdownNode) -> [(text: String, line: Int)]? {
        guard node.type == CMARK_NODE_PARAGRAPH else { return nil }
        if !source.isEmpty {
            var out: [(text: String, line: Int)] = []
            for line in node.line...max(node.line, node.endLine) {
                guard let written = writtenAttributeLine(line) else { return nil }
                out.append((written, lineOffset + line))
            }
            return out
        }
        var lines: [String] = [""]
        for inline in inlines(of: node) {
            switch inline {
            case .softBreak, .lineBreak: lines.append("")
            default: lines[lines.count - 1] += [inline].plainText
            }
        }
        guard !lines.isEmpty, lines.allSatisfy(TableAttributes.isAttributeLine) else { return nil }
        return lines.enumerated().map { ($0.element, lineOffset + node.line + $0.offset) }
    }

    /// Source line `line` (from 1) if it is a `{: … }` line, without any quote markers before it.
    private func writtenAttributeLine(_ line: Int) -> String? {
        guard line >= 1, line <= source.count else { return nil }
        var text = Substring(source[line - 1])
        while let first = text.first, first == ">" || first == " " || first == "\t" { text = text.dropFirst() }
        // Nearly every line is prose, and trimming bridges to NSString (a profile's 6% of a
        // pack): only a line starting "{" (or an unusual space the trim would take) can be one.
        guard let first = text.first, first == "{" || first.isWhitespace else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return TableAttributes.isAttributeLine(trimmed) ? trimmed : nil
    }

    /// Reads `{: … }` lines and gives their choices to `table`.
    func applyAttributes(_ lines: [(text: String, line: Int)], to table: inout Table) throws(QuireError) {
        var attributes = TableAttributes()
        for (text, line) in lines { try attributes.read(text, file: file, line: line) }
        try attributes.apply(to: &table, file: file, caption: inlinesWithNotes)
    }
}
