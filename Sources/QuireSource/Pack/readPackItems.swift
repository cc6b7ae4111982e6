import QuireModel
import QuireYAML
import Yams

/// The `items:` list, in agenda order, with unique numbers.
func readItems(_ node: Node, key: Node, reader: YAMLReader, lines: inout [String: Int]) throws(QuireError) -> [AgendaItem] {
    guard case .sequence(let list) = node, !list.isEmpty else {
        let message = if case .sequence = node { "the pack has no agenda items" } else { "'items' must be a list of agenda items" }
        throw reader.error(.invalidValue, key, field: "items", message, hint: "list each item with number: and title:, e.g.\n    items:\n      - number: 1\n        title: Apologies for absence")
    }
    var items: [AgendaItem] = []
    var firstLines: [String: Int] = [:]
    for (index, entry) in list.enumerated() {
        let path = "items[\(index)]"
        let item = try readItem(entry, path: path, reader: reader, lines: &lines)
        let line = lines["\(path).number"] ?? item.line
        if let first = firstLines[item.number] {
            throw QuireError(.invalidValue, at: SourceLocation(file: reader.file, line: line), field: "\(path).number",
                             "item number '\(item.number)' is used twice (first on line \(first))", hint: "give each agenda item its own number; number a late item e.g. 5a")
        }
        firstLines[item.number] = line
        items.append(item)
    }
    return items
}

private func readItem(_ node: Node, path: String, reader: YAMLReader, lines: inout [String: Int]) throws(QuireError) -> AgendaItem {
    let example = "write e.g.\n    - number: 2\n      title: Minutes of the meeting held on 20 July 2017\n      pdf: minutes-2017-07-20.pdf"
    let fields = try reader.fields(node, path: path, keys: PackKeys.item, example: example, lines: &lines)
    lines[path] = reader.line(of: node)
    // YAML reads `number: 5` as an integer; the agenda prints it as written either way.
    let number = try reader.text(try reader.required("number", in: fields, hint: "number each item as the agenda does, e.g. number: 5"), field: fields.path("number"))
    let title = try reader.text(try reader.required("title", in: fields, hint: "give each item its agenda title, e.g. title: Apologies for absence"), field: fields.path("title"))
    var item = AgendaItem(number: number, title: title, line: reader.line(of: node))
    item.paper = try reader.document(in: fields)
    if let value = fields["exempt"] { item.exempt = try reader.exemptParagraph(value, field: fields.path("exempt")) }
    if let value = fields["supplement"] {
        item.supplement = try reader.flag(value, field: fields.path("supplement"), hint: "write supplement: true for an item added after the pack was sent out; leave it out otherwise")
    }
    if let value = fields["appendices"] { item.appendices = try readAppendices(value, path: fields.path("appendices"), reader: reader, lines: &lines) }
    return item
}

private func readAppendices(_ node: Node, path: String, reader: YAMLReader, lines: inout [String: Int]) throws(QuireError) -> [Appendix] {
    let example = "write e.g.\n    appendices:\n      - title: Appendix A – Summary\n        pdf: appendix-a.pdf"
    guard case .sequence(let list) = node else {
        throw reader.error(.invalidValue, node, field: path, "'appendices' must be a list, one entry per appendix", hint: example)
    }
    var appendices: [Appendix] = []
    for (index, entry) in list.enumerated() {
        let fields = try reader.fields(entry, path: "\(path)[\(index)]", keys: PackKeys.appendix, example: example, lines: &lines)
        lines[fields.path] = reader.line(of: entry)
        let title = try reader.text(try reader.required("title", in: fields, hint: "give it the title the agenda shows, e.g. title: Appendix A – Summary"),
                                    field: fields.path("title"))
        guard let document = try reader.document(in: fields) else {
            throw reader.error(.missingField, entry, field: fields.path("pdf"), "'\(fields.path)' has no 'paper:' or 'pdf:'", hint: PackHint.document)
        }
        var appendix = Appendix(title: title, document: document, line: reader.line(of: entry))
        if let value = fields["exempt"] { appendix.exempt = try reader.exemptParagraph(value, field: fields.path("exempt")) }
        appendices.append(appendix)
    }
    return appendices
}

extension YAMLReader {
    /// An item's or appendix's `paper:` (a Quire source) or `pdf:` (placed as is), never both.
    func document(in fields: PackFields) throws(QuireError) -> PackDocument? {
        switch (fields["paper"], fields["pdf"]) {
        case (.some, .some):
            // Point at whichever of the two was written second.
            let second = [fields.key("paper")!, fields.key("pdf")!].max { line(of: $0) < line(of: $1) }!
            throw error(.invalidValue, second, field: fields.path(second.scalar?.string ?? "pdf"), "'\(fields.path)' has both 'paper:' and 'pdf:'", hint: PackHint.document)
        case (let paper?, nil): return .source(try relativePath(paper, field: fields.path("paper")))
        case (nil, let pdf?): return .pdf(try relativePath(pdf, field: fields.path("pdf")))
        case (nil, nil): return nil
        }
    }
}
