import QuireModel
import QuireYAML
import Yams

/// Reads the YAML header block into `FrontMatter` through the field registry, checking each
/// key and value's shape. Every problem is collected, syntax errors included, so an author
/// with four mistakes fixes all four after one run; they are thrown together, in line order.
func parseFrontMatter(_ yaml: String, file: String, firstLine: Int) throws(QuireError) -> FrontMatter {
    let reader = YAMLReader(file: file, lineOffset: firstLine - 1)
    var errors: [QuireError] = []
    var matter = FrontMatter()
    var blanked = Set<Int>()
    let root = reader.composeRecovering(yaml, errors: &errors, blanked: &blanked)
    if let root {
        if case .mapping(let mapping) = root {
            let keyLines = mapping.map { reader.line(of: $0.key) }
            for (index, (keyNode, value)) in mapping.enumerated() {
                do throws(QuireError) {
                    try read(keyNode, value, into: &matter, reader: reader)
                } catch {
                    // A value that lost lines to a syntax error was reported with that error.
                    let end = index + 1 < keyLines.count ? keyLines[index + 1] : Int.max
                    if !blanked.contains(where: { (keyLines[index]..<end).contains($0) }) { errors.append(error) }
                }
            }
        } else {
            errors.append(reader.error(.yaml, root, field: nil, "the front matter must be a list of 'key: value' lines"))
        }
    }
    if let error = QuireError.combining(errors) { throw error }
    return matter
}

/// Stores one key's value by its field's kind, converting text to inline Markdown.
private func read(_ keyNode: Node, _ value: Node, into m: inout FrontMatter, reader: YAMLReader) throws(QuireError) {
    let name = try reader.string(keyNode, field: "front matter")
    guard let field = FrontMatterField.named(name) else { throw unknownKey(name, keyNode, reader: reader) }
    if field == .by, m.line(of: .by) != nil {
        throw reader.error(.invalidValue, keyNode, field: name, "'by' and 'from' are both given",
                           hint: "keep one of them: 'from:' labels the row \"From:\", 'by:' labels it \"By:\"")
    }
    m.lines[field.key] = reader.line(of: keyNode)
    switch field.kind {
    case .people:
        m[field] = .people(try reader.people(value, field: name))
        m.byIsFrom = name == "from"
    case .text: m[field] = .text(try reader.inlineText(value, field: name))
    case .textList: m[field] = .textList(try reader.textList(value, field: name))
    case .contacts: m[field] = .contacts(try reader.contacts(value, field: name))
    case .date: m[field] = .date(try reader.date(value, field: name))
    case .name:
        let text = try reader.string(value, field: name)
        if field == .language, !isLanguageTag(text) {
            throw reader.error(.invalidValue, value, field: name, "'\(text)' is not a language tag",
                               hint: "write en-GB for English or cy for Welsh (a BCP 47 tag)")
        }
        m[field] = .name(text)
    case .files: m[field] = .files(try reader.textList(value, field: name).map(\.plainText))
    case .rows: m[field] = .rows(try rows(value, field: name, reader: reader))
    case .numbering: m[field] = .numbering(try reader.numbering(value, field: name))
    }
}

/// The author's own rows: an ordered map of label → text.
private func rows(_ value: Node, field: String, reader: YAMLReader) throws(QuireError) -> [HeaderField] {
    guard case .mapping(let rows) = value else {
        throw reader.error(.invalidValue, value, field: field, "'fields' must be a map of row label to text",
                           hint: "write e.g.\n    fields:\n      Cabinet portfolio: Children, Young People and Education")
    }
    var out: [HeaderField] = []
    for (label, text) in rows {
        let name = try reader.string(label, field: field)
        out.append(HeaderField(label: name, value: try reader.inlineText(text, field: "fields.\(name)")))
    }
    return out
}

/// An unknown key, with the field it most likely meant: by spelling, or by the label the
/// layout prints (`decision-no:` for the row "Decision No:").
private func unknownKey(_ name: String, _ node: Node, reader: YAMLReader) -> QuireError {
    let hint: String
    if let field = FrontMatterField.suggestion(for: name) {
        let label = field.defaultLabel.map { $0.isEmpty ? "" : " (the row printed \"\($0)\")" } ?? ""
        hint = "did you mean '\(field.key)'?\(label)"
    } else {
        hint = "known keys: " + FrontMatterField.keys.joined(separator: ", ")
    }
    return reader.error(.unknownField, node, field: name, "unknown front-matter key '\(name)'", hint: hint)
}
