public import QuireModel
import Foundation
import QuirePages
import Yams

/// Reads a layout file into a `Theme`. Unknown keys, bad lengths or colours are errors naming
/// the layout file, line and key.
public func parseTheme(_ yaml: String, file: String) throws(QuireError) -> Theme {
    let root: Node?
    do {
        root = try Yams.compose(yaml: yaml)
    } catch {
        var line = 1
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): line = mark.line
            default: break
            }
        }
        throw QuireError(.layout, at: SourceLocation(file: file, line: line), "the layout is not valid YAML: \(error)")
    }
    var theme = Theme()
    theme.file = file
    guard let root else { return theme }
    try ThemeReader(file: file).read(root, path: "", into: &theme)
    return theme
}

/// Walks the layout's YAML tree and applies each key through `themeFields`.
private struct ThemeReader {
    let file: String

    func read(_ node: Node, path: String, into theme: inout Theme) throws(QuireError) {
        guard case .mapping(let mapping) = node else {
            throw error(node, path, "expected keys under '\(path.isEmpty ? "the layout" : path)'")
        }
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else { throw error(keyNode, path, "a key must be text") }
            let full = path.isEmpty ? key.string : path + "." + key.string
            if let setter = themeFields[full] {
                try apply(setter, value, full, &theme)
                theme.keyLines[full] = keyNode.mark?.line
            } else if themeFields.keys.contains(where: { $0.hasPrefix(full + ".") }) {
                try read(value, path: full, into: &theme)
            } else {
                let hint = nearestKey(full).map { "did you mean '\($0)'?" } ?? "see layouts/committee-paper.yaml for every key"
                throw QuireError(.layout, at: location(keyNode), field: full, "unknown layout key '\(full)'", hint: hint)
            }
        }
    }

    private func apply(_ setter: ThemeSetter, _ node: Node, _ key: String, _ theme: inout Theme) throws(QuireError) {
        switch setter {
        case .length(let path): theme[keyPath: path] = try length(node, key)
        case .integer(let path):
            guard let value = Int(try scalar(node, key)), value >= 0 else { throw error(node, key, "expected a whole number") }
            theme[keyPath: path] = value
        case .flag(let path):
            switch try scalar(node, key) {
            case "true", "yes": theme[keyPath: path] = true
            case "false", "no": theme[keyPath: path] = false
            default: throw error(node, key, "expected true or false")
            }
        case .text(let path): theme[keyPath: path] = try scalar(node, key)
        case .color(let path):
            guard let color = Color(hex: try scalar(node, key)) else { throw error(node, key, "expected a colour like \"#1F3864\" (quote it: # starts a YAML comment)") }
            theme[keyPath: path] = color
        case .alignment(let path):
            guard let value = RunningText.Alignment(rawValue: try scalar(node, key)) else { throw error(node, key, "expected left, center or right") }
            theme[keyPath: path] = value
        case .numbering(let path):
            guard let value = ParagraphNumbering(rawValue: try scalar(node, key)) else {
                throw error(node, key, "expected one of \(ParagraphNumbering.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
            }
            theme[keyPath: path] = value
        case .pageSize:
            switch try scalar(node, key).uppercased() {
            case "A4": theme.page.size = .a4
            case "A5": theme.page.size = Size(width: mm(148), height: mm(210))
            case "A3": theme.page.size = Size(width: mm(297), height: mm(420))
            case "LETTER": theme.page.size = Size(width: 612, height: 792)
            default: throw error(node, key, "expected A4, A5, A3 or Letter")
            }
        case .margins:
            let value = try length(node, key)
            theme.page.marginTop = value; theme.page.marginBottom = value
            theme.page.marginLeft = value; theme.page.marginRight = value
        case .rows: theme.headerBlock.rows = try rows(node, key)
        case .figure(let name):
            let value = try scalar(node, key)
            do throws(FigureStyle.Problem) {
                try theme.figures.set(name, value)
            } catch {
                throw self.error(node, key, error.message, hint: error.hint)
            }
        case .colorList(let path):
            guard case .sequence(let items) = node, !items.isEmpty else { throw error(node, key, "expected a list of colours like [\"#1F3864\", \"#9DC3E6\"]") }
            var colors: [Color] = []
            for item in items {
                guard let color = Color(hex: try scalar(item, key)) else { throw error(item, key, "expected a colour like \"#1F3864\" (quote it: # starts a YAML comment)") }
                colors.append(color)
            }
            theme[keyPath: path] = colors
        case .textList(let path):
            guard case .sequence(let items) = node else { throw error(node, key, "expected a list") }
            var out: [String] = []
            for item in items { out.append(try scalar(item, key)) }
            theme[keyPath: path] = out
        }
    }

    private func rows(_ node: Node, _ key: String) throws(QuireError) -> [HeaderRow] {
        guard case .sequence(let items) = node else { throw error(node, key, "expected a list of rows, each '- {field: subject, label: \"Subject:\"}'") }
        var out: [HeaderRow] = []
        for item in items {
            guard case .mapping(let m) = item, let field = m["field"]?.scalar?.string else {
                throw error(item, key, "each row needs 'field' (and optionally 'label')")
            }
            guard headerRowFields.contains(field) else {
                let hint = nearestName(field, in: headerRowFields).map { "did you mean '\($0)'?" } ?? "fields: \(headerRowFields.joined(separator: ", "))"
                throw QuireError(.layout, at: location(item), field: key, "unknown header field '\(field)'", hint: hint)
            }
            out.append(HeaderRow(field: field, label: m["label"]?.scalar?.string ?? ""))
        }
        return out
    }

    private func scalar(_ node: Node, _ key: String) throws(QuireError) -> String {
        guard case .scalar(let s) = node else { throw error(node, key, "expected a single value") }
        return s.string
    }

    /// `25mm`, `2.5cm`, `12pt`, `1in` or a bare number of points.
    private func length(_ node: Node, _ key: String) throws(QuireError) -> Double {
        let raw = try scalar(node, key).trimmingCharacters(in: .whitespaces)
        let units: [(String, Double)] = [("mm", 72 / 25.4), ("cm", 72 / 2.54), ("pt", 1), ("in", 72)]
        for (suffix, factor) in units where raw.hasSuffix(suffix) {
            if let value = Double(raw.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), value >= 0 { return value * factor }
        }
        if let value = Double(raw), value >= 0 { return value }
        throw error(node, key, "'\(raw)' is not a length", hint: "write e.g. 25mm, 2.5cm or 12pt")
    }

    private func nearestKey(_ key: String) -> String? { nearestName(key, in: Array(themeFields.keys)) }

    private func location(_ node: Node) -> SourceLocation { SourceLocation(file: file, line: node.mark?.line ?? 1) }

    private func error(_ node: Node, _ key: String, _ message: String, hint: String? = nil) -> QuireError {
        QuireError(.layout, at: location(node), field: key.isEmpty ? nil : key, message, hint: hint)
    }
}
