import Foundation
import QuireModel
import Yams

/// The import as a Quire source: YAML front matter (emitted by Yams, so ": ", "#", quotes and
/// dashes in values are quoted as YAML needs), then the body as Markdown with its
/// punctuation escaped (legacy text is not Markdown: a "*" or "_" there is literal).
public func writeSource(_ result: ImportResult) -> String {
    "---\n" + frontMatterYAML(result.frontMatter) + "---\n\n" + markdownBody(result.body)
}

// MARK: - Front matter

func frontMatterYAML(_ m: ImportedFrontMatter) -> String {
    var pairs: [(Node, Node)] = []
    func add(_ key: String, _ value: Node?) {
        if let value { pairs.append((Node(key), value)) }
    }
    func text(_ value: String?) -> Node? { value.map { scalar(escapeInline($0)) } }
    func textList(_ values: [String]) -> Node? {
        switch values.count {
        case 0: nil
        case 1: text(values[0])
        default: .sequence(Node.Sequence(values.map { scalar(escapeInline($0)) }))
        }
    }
    add("layout", scalar(m.layout))
    if !m.by.isEmpty {
        add(m.byIsFrom ? "from" : "by", .sequence(Node.Sequence(m.by.map { person in
            record([("name", person.name), ("role", person.role)])
        })))
    }
    add("to", text(m.to))
    add("date", m.date.map { Node($0) })
    add("subject", text(m.subject))
    add("decision-number", text(m.decisionNumber))
    add("key-decision", text(m.keyDecision))
    add("classification", text(m.classification))
    add("past-pathway", text(m.pastPathway))
    add("future-pathway", text(m.futurePathway))
    add("electoral-divisions", text(m.electoralDivisions))
    if !m.fields.isEmpty {
        add("fields", .mapping(Node.Mapping(m.fields.map { (scalar($0.label), scalar(escapeInline($0.value))) })))
    }
    add("summary", text(m.summary))
    add("recommendation", textList(m.recommendation))
    add("background-documents", textList(m.backgroundDocuments))
    if !m.contact.isEmpty {
        add("contact", .sequence(Node.Sequence(m.contact.map { c in
            record([("name", c.name), ("role", c.role), ("phone", c.phone), ("email", c.email)], quoted: ["phone"])
        })))
    }
    let document = Node.mapping(Node.Mapping(pairs))
    // Serialising a tree of plain strings cannot fail; if Yams ever did, an empty header
    // would make `quire render` name the missing fields.
    return (try? Yams.serialize(node: document, width: 100, allowUnicode: true)) ?? "\n"
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

/// Backslash-escapes what inline Markdown would read as markup: emphasis, code, links, raw
/// HTML, strikethrough, entities and hard-break backslashes.
func escapeInline(_ text: String) -> String {
    var out = ""
    for character in text {
        if "\\`*_[]<>~|".contains(character) { out.append("\\") }
        out.append(character)
    }
    // "&amp;" would become "&"; "& " is safe as it stands.
    return out.replacingOccurrences(of: #"&(?=#?[A-Za-z0-9]+;)"#, with: "\\\\&", options: .regularExpression)
}

/// Escapes what would make a paragraph's first characters start another block: a heading
/// "#", a quote ">", a list marker ("- ", "+ ", "1. ", "1) "), or a rule/setext line.
func escapeBlockStart(_ text: String) -> String {
    if let g = matchGroups(#"^(\d{1,9})([.)])(\s|$)"#, text) {
        return g[0] + "\\" + text.dropFirst(g[0].count)
    }
    if let first = text.first, "#>-+=".contains(first) { return "\\" + text }
    return text
}
