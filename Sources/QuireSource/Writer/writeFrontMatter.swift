import Foundation
import FoundationEssentials
public import QuireModel
import Yams

/// Front matter as YAML, one key per field in the registry's writing order: the source
/// writer every importer shares, so what a reader put under a field is written the way the
/// parser reads it back. Values are emitted by Yams, so ": ", "#", quotes and dashes are
/// quoted as YAML needs; text is inline Markdown with literal punctuation escaped.
public func writeFrontMatter(_ matter: FrontMatter) -> String {
    var pairs: [(Node, Node)] = []
    for field in FrontMatterField.allCases {
        guard let value = matter[field] else { continue }
        let key = field == .by && matter.byIsFrom ? "from" : field.key
        pairs.append((Node(key), node(value)))
    }
    // Serialising a tree of plain strings cannot fail; if Yams ever did, an empty header
    // would make `quire render` name the missing fields.
    return (try? Yams.serialize(node: .mapping(Node.Mapping(pairs)), width: 100, allowUnicode: true)) ?? "\n"
}

/// One value in the YAML shape its kind is parsed from.
private func node(_ value: FieldValue) -> Node {
    switch value {
    case .text(let inlines): scalar(markdownInline(inlines))
    case .textList(let entries):
        entries.count == 1 ? scalar(markdownInline(entries[0])) : .sequence(Node.Sequence(entries.map { scalar(markdownInline($0)) }))
    case .people(let people): .sequence(Node.Sequence(people.map { record([("name", $0.name), ("role", $0.role)]) }))
    case .contacts(let contacts):
        .sequence(Node.Sequence(contacts.map { c in
            record([("name", c.name), ("role", c.role), ("phone", c.phone), ("email", c.email)], quoted: ["phone"])
        }))
    case .date(let date): Node(date.iso)
    case .name(let name): scalar(name)
    case .files(let files): files.count == 1 ? scalar(files[0]) : .sequence(Node.Sequence(files.map(scalar)))
    case .rows(let rows): .mapping(Node.Mapping(rows.map { (scalar($0.label), scalar(markdownInline($0.value))) }))
    case .numbering(let options): numberingNode(options)
    }
}

/// The options a paper sets, in the order `NumberingOptions.keys` lists them.
private func numberingNode(_ options: NumberingOptions) -> Node {
    var pairs: [(Node, Node)] = []
    if let sections = options.sections { pairs.append((Node("sections"), Node(sections ? "true" : "false"))) }
    if let paragraphs = options.paragraphs { pairs.append((Node("paragraphs"), scalar(paragraphs.rawValue))) }
    if let count = options.count { pairs.append((Node("count"), scalar(count.rawValue))) }
    if let items = options.items { pairs.append((Node("items"), .sequence(Node.Sequence(items.map { scalar($0.rawValue) }, Tag(.seq), .flow)))) }
    if let recommendations = options.recommendations { pairs.append((Node("recommendations"), scalar(recommendations.rawValue))) }
    return .mapping(Node.Mapping(pairs))
}

/// A string scalar, always read back as a string: quoted when YAML would read it as
/// something else ("No", "3.5", "null", "2017-10-19") or misread it ("- x", "a: b").
private func scalar(_ value: String) -> Node {
    let plainWouldChange = value.range(of: #"^(?i:y|n|yes|no|true|false|on|off|null|~)$|^[-+]?[\d.,:_]+$|^\d{4}-\d\d-\d\d"#, options: .regularExpression) != nil
    return .scalar(Node.Scalar(value, Tag(.str), plainWouldChange ? .doubleQuoted : .any))
}

/// A small mapping of the text keys that have values (a person, a contact). Phone numbers
/// are always quoted, as the README asks, so a leading 0 is plainly kept.
private func record(_ pairs: [(String, String?)], quoted: Set<String> = []) -> Node {
    .mapping(Node.Mapping(pairs.compactMap { key, value in
        value.map { (Node(key), quoted.contains(key) ? .scalar(Node.Scalar($0, Tag(.str), .doubleQuoted)) : scalar($0)) }
    }))
}
