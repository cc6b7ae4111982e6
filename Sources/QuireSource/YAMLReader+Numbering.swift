import Foundation
public import QuireModel
public import QuireYAML
public import Yams

extension YAMLReader {
    /// A `numbering:` map (a paper's, or a layout's `numbering:` section): each option checked
    /// where it is written, with the values it may take.
    public func numbering(_ node: Node, field: String) throws(QuireError) -> NumberingOptions {
        guard case .mapping(let mapping) = node else {
            throw error(.invalidValue, node, field: field, "'\(field)' must be a map of numbering options",
                        hint: "write e.g.\n    \(field):\n      paragraphs: \"1.\"\n      count: document")
        }
        var options = NumberingOptions()
        for (keyNode, value) in mapping {
            let key = try string(keyNode, field: field)
            let path = "\(field).\(key)"
            switch key {
            case "sections": options.sections = try flag(value, field: path)
            case "paragraphs": options.paragraphs = try choice(value, field: path, ParagraphNumbering.self)
            case "count": options.count = try choice(value, field: path, NumberingCount.self)
            case "recommendations": options.recommendations = try choice(value, field: path, ItemNumbering.self)
            case "items":
                let entries: [Node] = if case .sequence(let s) = value { Array(s) } else { [value] }
                var items: [ItemNumbering] = []
                for entry in entries { items.append(try choice(entry, field: path, ItemNumbering.self)) }
                options.items = items
            default:
                let hint = nearestName(key, in: NumberingOptions.keys).map { "did you mean '\($0)'?" }
                    ?? "numbering options: \(NumberingOptions.keys.joined(separator: ", "))"
                throw error(.unknownField, keyNode, field: path, "unknown numbering option '\(key)'", hint: hint)
            }
        }
        return options
    }

    /// One of an enumeration's written forms.
    private func choice<T: RawRepresentable & CaseIterable>(_ node: Node, field: String, _: T.Type) throws(QuireError) -> T where T.RawValue == String {
        let raw = try string(node, field: field).trimmingCharacters(in: .whitespaces)
        if let value = T(rawValue: raw) { return value }
        throw error(.invalidValue, node, field: field, "'\(raw)' is not one of \(T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))",
                    hint: "quote labels such as \"1.\" or \"(a)\"")
    }

    private func flag(_ node: Node, field: String) throws(QuireError) -> Bool {
        switch try string(node, field: field).lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        case let other: throw error(.invalidValue, node, field: field, "'\(other)' is not true or false", hint: "write \(field): true or false")
        }
    }
}
