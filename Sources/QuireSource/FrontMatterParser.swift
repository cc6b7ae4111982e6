import QuireModel
import Yams

/// Reads the YAML header block into `FrontMatter`, checking each key and value's shape.
func parseFrontMatter(_ yaml: String, file: String, firstLine: Int) throws(QuireError) -> FrontMatter {
    let reader = YAMLReader(file: file, lineOffset: firstLine - 1)
    let root = try reader.compose(yaml)
    var matter = FrontMatter()
    guard let root else { return matter }
    guard case .mapping(let mapping) = root else {
        throw reader.error(.yaml, root, field: nil, "the front matter must be a list of 'key: value' lines")
    }
    for (keyNode, value) in mapping {
        let name = try reader.string(keyNode, field: "front matter")
        guard let key = FrontMatterKey(rawValue: name) else {
            let hint = nearestName(name, in: FrontMatterKey.allCases.map(\.rawValue)).map { "did you mean '\($0)'?" }
                ?? "known keys: " + FrontMatterKey.allCases.map(\.rawValue).joined(separator: ", ")
            throw reader.error(.unknownField, keyNode, field: name, "unknown front-matter key '\(name)'", hint: hint)
        }
        if (key == .from && matter.lines["by"] != nil) || (key == .by && matter.lines["from"] != nil) {
            throw reader.error(.invalidValue, keyNode, field: name, "'by' and 'from' are both given", hint: "keep one of them: 'from:' labels the row \"From:\", 'by:' labels it \"By:\"")
        }
        matter.lines[name] = reader.line(of: keyNode)
        try read(key, value, into: &matter, reader: reader)
    }
    return matter
}

/// Stores one key's value, converting text to inline Markdown.
private func read(_ key: FrontMatterKey, _ value: Node, into m: inout FrontMatter, reader: YAMLReader) throws(QuireError) {
    let field = key.rawValue
    func text() throws(QuireError) -> [Inline] { try reader.inlineText(value, field: field) }
    switch key {
    case .by, .from:
        m.by = try reader.people(value, field: field)
        m.byIsFrom = key == .from
    case .to: m.to = try text()
    case .date: m.date = try reader.date(value, field: field)
    case .subject: m.subject = try text()
    case .classification: m.classification = try text()
    case .summary: m.summary = try text()
    case .recommendation: m.recommendation = try reader.textList(value, field: field)
    case .decisionNumber: m.decisionNumber = try text()
    case .keyDecision: m.keyDecision = try text()
    case .electoralDivisions: m.electoralDivisions = try text()
    case .pastPathway: m.pastPathway = try text()
    case .futurePathway: m.futurePathway = try text()
    case .backgroundDocuments: m.backgroundDocuments = try reader.textList(value, field: field)
    case .contact: m.contact = try reader.contacts(value, field: field)
    case .layout: m.layout = try reader.string(value, field: field)
    case .data: m.data = try reader.textList(value, field: field).map(\.plainText)
    case .period: m.period = try text()
    case .organisation: m.organisation = try text()
    case .fields:
        guard case .mapping(let rows) = value else {
            throw reader.error(.invalidValue, value, field: field, "'fields' must be a map of row label to text",
                               hint: "write e.g.\n    fields:\n      Cabinet portfolio: Children, Young People and Education")
        }
        for (label, text) in rows {
            let name = try reader.string(label, field: field)
            m.fields.append((name, try reader.inlineText(text, field: "fields.\(name)")))
        }
    }
}
