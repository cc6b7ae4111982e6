import Foundation
public import QuireModel

/// Replaces every `{{ … }}` in the paper's text with its figure and writes the figure columns
/// of Markdown tables in their style (```table and ```chart blocks were built as the body was
/// read). `style` is the layout's figure style, under every other. Errors name the
/// paper's line and list what the data has, so a typo in an id or a year is quick to fix.
func resolveFigures(_ paper: Paper, with resolver: FigureResolver, builtAt built: Set<Int>) throws(QuireError) -> Paper {
    var out = paper
    var resolver = resolver
    resolver.built = built
    out.body = try resolver.blocks(paper.body)
    // Figures may be quoted in any header text, as in the body.
    var matter = paper.frontMatter
    for field in FrontMatterField.allCases {
        let line = matter.line(of: field) ?? 1
        switch matter[field] {
        case .text(let inlines)?: matter[field] = .text(try resolver.inlines(inlines, line: line))
        case .textList(let entries)?:
            var resolved: [[Inline]] = []
            for entry in entries { resolved.append(try resolver.inlines(entry, line: line)) }
            matter[field] = .textList(resolved)
        default: break
        }
    }
    out.frontMatter = matter
    return out
}

/// An indicator's value for a period; a gap is an error naming where the indicator is
/// defined and the periods it does have.
func figureValue(_ indicator: Indicator, _ period: String, location: SourceLocation) throws(QuireError) -> DataValue {
    guard let value = indicator.values[period] else {
        throw QuireError(.invalidValue, at: location, field: "\(indicator.id)[\(period)]",
                         "'\(indicator.id)' has no value for '\(period)'",
                         hint: "\(indicator.file):\(indicator.line) has \(indicator.periods.joined(separator: ", "))")
    }
    return value
}

/// Walks blocks and inlines, evaluating figure expressions against one data set.
struct FigureResolver {
    let data: DataSet
    let file: String
    /// The layout's figure style.
    var style = FigureStyle()
    /// Lines of the tables built from data, already written in their style.
    var built = Set<Int>()

    /// The table or chart a ```table or ```chart fence builds from the data.
    func figure(kind: String, spec: String, line: Int) throws(QuireError) -> Block {
        let parsed = try FigureSpec(spec, kind: kind, file: file, line: line, data: data, style: style)
        return kind == "chart" ? .chart(try parsed.chart()) : .table(try parsed.table())
    }

    func blocks(_ blocks: [Block]) throws(QuireError) -> [Block] {
        var out: [Block] = []
        for block in blocks { out.append(try self.block(block)) }
        return out
    }

    private func block(_ block: Block) throws(QuireError) -> Block {
        switch block {
        case .heading(let level, let inlines, let line): return .heading(level: level, try self.inlines(inlines, line: line), line: line)
        case .paragraph(let inlines, let line): return .paragraph(try self.inlines(inlines, line: line), line: line)
        case .list(let ordered, let items, let line):
            var resolved: [[Block]] = []
            for item in items { resolved.append(try blocks(item)) }
            return .list(ordered: ordered, items: resolved, line: line)
        case .quote(let inner, let line): return .quote(try blocks(inner), line: line)
        case .table(let built) where self.built.contains(built.line):
            return block
        case .table(var table):
            table.header = try cells(table.header, line: table.line)
            var rows: [[[Inline]]] = []
            for (index, row) in table.rows.enumerated() { rows.append(try cells(row, line: table.line(ofRow: index))) }
            table.rows = rows
            try writeFigureColumns(&table, style: style, file: file)
            return .table(table)
        case .code, .thematicBreak, .image, .chart: return block
        }
    }

    private func cells(_ cells: [[Inline]], line: Int) throws(QuireError) -> [[Inline]] {
        var out: [[Inline]] = []
        for cell in cells { out.append(try inlines(cell, line: line)) }
        return out
    }

    func inlines(_ inlines: [Inline], line: Int) throws(QuireError) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            switch inline {
            case .text(let text): out.append(.text(try substitute(text, line: line)))
            case .emphasis(let inner): out.append(.emphasis(try self.inlines(inner, line: line)))
            case .strong(let inner): out.append(.strong(try self.inlines(inner, line: line)))
            case .link(let url, let inner): out.append(.link(url: url, try self.inlines(inner, line: line)))
            case .note(let inner): out.append(.note(try self.inlines(inner, line: line)))
            case .code, .softBreak, .lineBreak: out.append(inline)
            }
        }
        return out
    }

    /// Replaces each `{{ expression }}` in one text run.
    private func substitute(_ text: String, line: Int) throws(QuireError) -> String {
        guard containsBytes(text, "{{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw QuireError(.invalidValue, at: SourceLocation(file: file, line: line), field: "figure",
                                 "'{{' is never closed", hint: "write a figure as {{ cpp[2017] }} or {{ change cpp 2016 2017 }}")
            }
            out += try evaluate(String(rest[open.upperBound..<close.lowerBound]), line: line)
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// `id[period]` → the figure; `change id from to` → "an increase of 136".
    func evaluate(_ expression: String, line: Int) throws(QuireError) -> String {
        let location = SourceLocation(file: file, line: line)
        let words = tokens(expression)
        if words.first == "change" {
            guard words.count == 4 else {
                throw QuireError(.invalidValue, at: location, field: "figure", "'{{\(expression)}}' is not a change expression",
                                 hint: "write {{ change cpp 2016 2017 }}: an indicator and two periods")
            }
            let indicator = try lookup(words[1], location: location)
            let old = try figureValue(indicator, unquoted(words[2]), location: location)
            let new = try figureValue(indicator, unquoted(words[3]), location: location)
            return describeChange(from: old, to: new, unit: indicator.unit, style: style.merging(indicator.figures))
        }
        guard words.count == 1, let bracket = words[0].firstIndex(of: "["), words[0].hasSuffix("]") else {
            throw QuireError(.invalidValue, at: location, field: "figure", "'{{\(expression)}}' is not a figure expression",
                             hint: "write {{ cpp[2017] }} for a value or {{ change cpp 2016 2017 }} for a change")
        }
        let id = String(words[0][..<bracket])
        let period = unquoted(String(words[0][words[0].index(after: bracket)...].dropLast()))
        let indicator = try lookup(id, location: location)
        let figure = try figureValue(indicator, period, location: location)
        return formatFigure(figure.number, decimals: figure.decimals, unit: indicator.unit, style: style.merging(indicator.figures), inText: true)
    }

    private func unquoted(_ period: String) -> String {
        period.count >= 2 && period.hasPrefix("\"") && period.hasSuffix("\"") ? String(period.dropFirst().dropLast()) : period
    }

    func lookup(_ id: String, location: SourceLocation) throws(QuireError) -> Indicator {
        guard !data.isEmpty else {
            throw QuireError(.missingField, at: location, field: "data", "the paper uses figures but names no data file",
                             hint: "add 'data: figures.yaml' (or .csv) to the front matter")
        }
        guard let indicator = data.indicators[id] else {
            let near = nearestName(id, in: data.order).map { "did you mean '\($0)'? " } ?? ""
            throw QuireError(.invalidValue, at: location, field: id, "no indicator '\(id)' in the data",
                             hint: near + "available: \(data.order.joined(separator: ", "))")
        }
        return indicator
    }

    /// Splits on spaces, keeping a quoted period ("March 2017") in one token, quotes included;
    /// `evaluate` strips them.
    private func tokens(_ expression: String) -> [String] {
        var out: [String] = [], current = "", quoted = false
        for ch in expression {
            if ch == "\"" { quoted.toggle() }
            if ch == " " && !quoted {
                if !current.isEmpty { out.append(current) }
                current = ""
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
