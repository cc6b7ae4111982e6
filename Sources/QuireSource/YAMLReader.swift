import Foundation
import QuireModel
import Yams

/// Typed access to YAML nodes that turns every shape mismatch into a located `QuireError`.
struct YAMLReader {
    let file: String
    /// Lines before the YAML text in the file (the opening `---`).
    let lineOffset: Int
    /// What the document is called in messages about a whole manifest ("the pack manifest",
    /// "the archive index").
    var document = "the pack manifest"
    /// Aliases can make a small file expand into a huge tree (the "billion laughs"); cap the
    /// number of nodes we are willing to visit.
    static let maxNodes = 20_000

    func compose(_ yaml: String) throws(QuireError) -> Node? {
        do {
            let root = try Yams.compose(yaml: yaml)
            if let root, count(root, budget: YAMLReader.maxNodes) < 0 {
                throw QuireError(.limit, at: SourceLocation(file: file, line: lineOffset + 1), "the front matter expands to more than \(YAMLReader.maxNodes) values",
                                 hint: "remove YAML anchors and aliases (&name, *name); write the header fields out in full")
            }
            if let root, let long = firstLongScalar(root) {
                throw QuireError(.limit, at: SourceLocation(file: file, line: lineOffset + (long.mark?.line ?? 1)),
                                 "a value here is \(long.string?.count ?? 0) characters long; a field may hold at most \(BlockConverter.maxParagraphCharacters)",
                                 hint: "a header field holds a sentence or a short paragraph; put long text in the body")
            }
            return root
        } catch let error as QuireError {
            throw error
        } catch let error as YamlError {
            throw translate(error)
        } catch {
            throw QuireError(.yaml, at: SourceLocation(file: file, line: lineOffset + 1), "the front matter is not valid YAML: \(error)")
        }
    }

    /// The first scalar too long to be one paragraph (Pango's line breaking grows faster than
    /// the text, so one huge value would take minutes). Called once the node count is known
    /// to be bounded.
    private func firstLongScalar(_ node: Node) -> Node? {
        switch node {
        case .scalar(let scalar): return scalar.string.count > BlockConverter.maxParagraphCharacters ? node : nil
        case .alias: return nil
        case .mapping(let m): return m.lazy.compactMap { firstLongScalar($0.key) ?? firstLongScalar($0.value) }.first
        case .sequence(let s): return s.lazy.compactMap(firstLongScalar).first
        }
    }

    /// Counts nodes down from `budget`; negative means over budget.
    private func count(_ node: Node, budget: Int) -> Int {
        var left = budget - 1
        switch node {
        case .scalar: break
        case .alias: break
        case .mapping(let m):
            for (k, v) in m where left >= 0 { left = count(v, budget: count(k, budget: left)) }
        case .sequence(let s):
            for v in s where left >= 0 { left = count(v, budget: left) }
        }
        return left
    }

    private func translate(_ error: YamlError) -> QuireError {
        var line = lineOffset + 1
        var problem = "\(error)"
        switch error {
        case .scanner(let context, let p, let mark, _), .parser(let context, let p, let mark, _), .composer(let context, let p, let mark, _):
            line = lineOffset + mark.line
            problem = p
            // An unclosed bracket or quote is noticed lines later; name the line it opened on,
            // where the fix is. (A block mapping's context is the whole front matter: no help.)
            if let context, context.text.contains("flow") || context.text.contains("quoted"), context.mark.line < mark.line {
                problem += " (\(context.text.replacingOccurrences(of: "while ", with: "")) that starts on this line; noticed on line \(line))"
                line = lineOffset + context.mark.line
            }
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams refuses repeated keys itself, before our own check can see them.
            let name = duplicates.first ?? "?"
            return QuireError(.invalidValue, at: SourceLocation(file: file, line: lineOffset + context.mark.line), field: name,
                              "'\(name)' is given more than once (first on this line)", hint: "keep one of them")
        default: break
        }
        return QuireError(.yaml, at: SourceLocation(file: file, line: line), "the front matter is not valid YAML: \(problem)",
                          hint: "check the indentation and quote values that contain ': ' or start with a special character such as '*', '&', '[' or '{'")
    }

    // MARK: - Locations and errors

    func line(of node: Node) -> Int { lineOffset + (node.mark?.line ?? 1) }

    func error(_ kind: QuireError.Kind, _ node: Node, field: String?, _ message: String, hint: String? = nil) -> QuireError {
        QuireError(kind, at: SourceLocation(file: file, line: line(of: node), column: node.mark?.column ?? 1), field: field, message, hint: hint)
    }

    // MARK: - Typed values

    func string(_ node: Node, field: String) throws(QuireError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error(.invalidValue, node, field: field, "expected text, found \(kindName(node))",
                        hint: "write the value on the same line after the colon, e.g. \(field): Some text")
        }
        return scalar.string
    }

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

    func date(_ node: Node, field: String) throws(QuireError) -> CalendarDate {
        let raw = try string(node, field: field).trimmingCharacters(in: .whitespaces)
        let parts = raw.split(separator: "-").map { Int($0) }
        if parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2], raw.count == 10,
           (1...12).contains(m), (1...daysIn(month: m, year: y)).contains(d) {
            return CalendarDate(year: y, month: m, day: d)
        }
        throw error(.invalidValue, node, field: field, "'\(raw)' is not a date in the form YYYY-MM-DD",
                    hint: "write the meeting date as an ISO date, e.g. date: 2017-10-19; the layout decides how it is shown")
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

    private func kindName(_ node: Node) -> String {
        switch node {
        case .scalar: "text"
        case .mapping: "a map of keys"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

private func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
}
