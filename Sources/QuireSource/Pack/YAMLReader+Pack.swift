import Foundation
package import QuireModel
package import QuireYAML
package import Yams

/// Readers for the pack manifest's values; the shared ones (date, contacts) are in YAMLReader.swift.
extension YAMLReader {
    /// `compose`, with a manifest's hints for its limits.
    package func composeManifest(_ yaml: String) throws(QuireError) -> Node? {
        do {
            return try compose(yaml)
        } catch {
            var error = error
            if error.kind == .limit {
                error.hint = error.message.contains("nests") ? "a manifest needs four levels at most: items, an item, its appendices, an appendix"
                    : "remove YAML anchors and aliases (&name, *name); write each item out in full"
            }
            throw error
        }
    }

    /// A mapping's values by key, refusing unknown keys and recording each key's line under
    /// its field path.
    package func fields(_ node: Node, path: String, keys: [String], example: String, lines: inout [String: Int]) throws(QuireError) -> PackFields {
        guard case .mapping(let mapping) = node else {
            throw error(.invalidValue, node, field: path.isEmpty ? nil : path,
                        "\(describe(path)) must be a map of keys (\(keys.joined(separator: ", "))), not \(kind(node))", hint: example)
        }
        var fields = PackFields(path: path, node: node)
        for (keyNode, value) in mapping {
            let name = try string(keyNode, field: path.isEmpty ? String(document.dropFirst(4)) : path)
            guard keys.contains(name) else { throw unknownKey(name, keyNode, field: fields.path(name), keys: keys, in: path) }
            fields.entries[name] = (keyNode, value)
            lines[fields.path(name)] = line(of: keyNode)
        }
        return fields
    }

    private func unknownKey(_ name: String, _ node: Node, field: String, keys: [String], in path: String) -> QuireError {
        // Paper authors write `classification: Exempt`; a pack needs the paragraph number instead.
        if name == "classification", keys.contains("exempt") {
            return error(.unknownField, node, field: field, "a pack marks exempt items and appendices with 'exempt:', not 'classification:'", hint: PackHint.exempt)
        }
        let hint = nearestName(name, in: keys).map { "did you mean '\($0)'?" } ?? "known keys here: " + keys.joined(separator: ", ")
        return error(.unknownField, node, field: field, "unknown key '\(name)' in \(describe(path))", hint: hint)
    }

    package func required(_ name: String, in fields: PackFields, hint: String) throws(QuireError) -> Node {
        guard let value = fields[name] else {
            throw error(.missingField, fields.node, field: fields.path(name), "\(describe(fields.path)) has no '\(name):'", hint: hint)
        }
        return value
    }

    /// Trimmed text that must not be empty: `chair:` with nothing after it is a slip, not a blank.
    package func text(_ node: Node, field: String) throws(QuireError) -> String {
        let name = field.split(separator: ".").last.map(String.init) ?? field
        guard case .scalar(let scalar) = node else {
            throw error(.invalidValue, node, field: field, "expected text, found \(kind(node))", hint: "write the value on the same line after the colon, e.g. \(name): …")
        }
        let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw error(.invalidValue, node, field: field, "'\(name)' is empty", hint: "write its text, or remove the line") }
        return value
    }

    /// A list of texts (the membership); one text is refused so "A, B" is not taken as one name.
    func texts(_ node: Node, field: String, example: String) throws(QuireError) -> [String] {
        guard case .sequence(let list) = node else {
            throw error(.invalidValue, node, field: field, "'\(field)' must be a list", hint: "write e.g. \(example)")
        }
        var out: [String] = []
        for (index, entry) in list.enumerated() { out.append(try text(entry, field: "\(field)[\(index)]")) }
        return out
    }

    /// A whole number written as digits (quoted or not); `true`, `3a` or `-1` are not guessed at.
    func integer(_ node: Node) -> Int? {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty, scalar.string.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Int(scalar.string)
    }

    func exemptParagraph(_ node: Node, field: String) throws(QuireError) -> ExemptParagraph {
        if let number = integer(node), let paragraph = ExemptParagraph(number) { return paragraph }
        throw error(.invalidValue, node, field: field, "'exempt' must be a paragraph number from 1 to 7, not \(shown(node))", hint: PackHint.exempt)
    }

    package func positiveInteger(_ node: Node, field: String, hint: String) throws(QuireError) -> Int {
        if let number = integer(node), number > 0 { return number }
        throw error(.invalidValue, node, field: field, "'\(field)' must be a whole number from 1 up, not \(shown(node))", hint: hint)
    }

    func flag(_ node: Node, field: String, hint: String) throws(QuireError) -> Bool {
        if case .scalar(let scalar) = node {
            switch scalar.string.lowercased() {
            case "true", "yes": return true
            case "false", "no": return false
            default: break
            }
        }
        throw error(.invalidValue, node, field: field, "'\(field)' must be true or false, not \(shown(node))", hint: hint)
    }

    /// A path relative to the manifest's folder. Syntax only: the caller resolves it and
    /// checks the file exists.
    package func relativePath(_ node: Node, field: String) throws(QuireError) -> String {
        let path = try text(node, field: field)
        let scheme = path.prefix { $0.isLetter || $0.isNumber || "+-.".contains($0) }
        // A scheme ("https:") or a Windows drive ("C:") both end in a colon.
        if path.hasPrefix("/") || path.hasPrefix("\\") || path.hasPrefix("~") || (scheme.first?.isLetter == true && path.dropFirst(scheme.count).hasPrefix(":")) {
            throw error(.invalidValue, node, field: field, "'\(path)' must be a path relative to \(document)'s folder", hint: PackHint.path)
        }
        return path
    }

    private func describe(_ path: String) -> String { path.isEmpty ? document : "'\(path)'" }

    private func shown(_ node: Node) -> String {
        if case .scalar(let scalar) = node { return scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'" }
        return kind(node)
    }

    private func kind(_ node: Node) -> String {
        switch node {
        case .scalar: "text"
        case .mapping: "a map of keys"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
