import Foundation
package import QuireModel
package import QuireYAML
package import Yams

/// Readers for the values of a paper's front matter (and the people and dates manifests share).
extension YAMLReader {
    /// Inline Markdown text that must not be empty.
    func inlineText(_ node: Node, field: String) throws(QuireError) -> [Inline] {
        let raw = try string(node, field: field).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !raw.isEmpty else {
            throw error(.invalidValue, node, field: field, "'\(field)' is empty", hint: "write its text, or remove the line")
        }
        return parseInlineMarkdown(raw)
    }

    /// Text or a list of texts (recommendations, background documents).
    func textList(_ node: Node, field: String) throws(QuireError) -> [[Inline]] {
        if case .sequence(let items) = node {
            var out: [[Inline]] = []
            for item in items { out.append(try inlineText(item, field: field)) }
            return out
        }
        return [try inlineText(node, field: field)]
    }

    /// A date as officers type it (`2017-10-19`, `19/10/2017`, `19 October 2017`; the one
    /// reader is QuireModel's `readDate`); anything ambiguous or impossible is an error saying why.
    package func date(_ node: Node, field: String) throws(QuireError) -> CalendarDate {
        let raw = try string(node, field: field)
        switch readDate(raw) {
        case .success(let date): return date
        case .failure(let problem):
            throw error(.invalidValue, node, field: field, problem.message,
                        hint: problem.hint + "; the layout decides how it is shown")
        }
    }

    /// A list's entries, or the node itself when one entry was written without a list.
    private func entries(_ node: Node) -> [Node] {
        if case .sequence(let s) = node { return Array(s) }
        return [node]
    }

    func people(_ node: Node, field: String) throws(QuireError) -> [Person] {
        var out: [Person] = []
        for item in entries(node) {
            let values = try record(item, field: field, keys: ["name", "role"], required: ["name"])
            out.append(Person(name: values["name"]!, role: values["role"]))
        }
        if out.isEmpty { throw error(.invalidValue, node, field: field, "'\(field)' names nobody", hint: "list each person with name: and role:") }
        return out
    }

    func contacts(_ node: Node, field: String) throws(QuireError) -> [Contact] {
        var out: [Contact] = []
        for item in entries(node) {
            let v = try record(item, field: field, keys: ["name", "role", "phone", "email"], required: ["name"])
            out.append(Contact(name: v["name"]!, role: v["role"], phone: v["phone"], email: v["email"]))
        }
        return out
    }

    /// A small mapping of known text keys (a person, a contact).
    private func record(_ node: Node, field: String, keys: [String], required: [String]) throws(QuireError) -> [String: String] {
        guard case .mapping(let mapping) = node else {
            throw error(.invalidValue, node, field: field, "each entry of '\(field)' needs \(keys.map { "\($0):" }.joined(separator: ", "))",
                        hint: "write e.g.\n    \(field):\n      - name: Jane Smith\n        role: Corporate Director")
        }
        var values: [String: String] = [:]
        for (k, v) in mapping {
            let key = try string(k, field: field)
            guard keys.contains(key) else {
                let hint = nearestName(key, in: keys).map { "did you mean '\($0)'?" } ?? "known keys: \(keys.joined(separator: ", "))"
                throw error(.unknownField, k, field: "\(field).\(key)", "unknown key '\(key)' in '\(field)'", hint: hint)
            }
            values[key] = try string(v, field: "\(field).\(key)").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for key in required where (values[key] ?? "").isEmpty {
            throw error(.missingField, node, field: "\(field).\(key)", "an entry of '\(field)' has no \(key)", hint: "add '\(key): …' to it")
        }
        return values
    }
}
