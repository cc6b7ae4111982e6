public import QuireModel
import Foundation
import QuirePages
import QuireYAML
import Yams

/// Reads a layout file into a `Theme`. Unknown keys, bad lengths or colours are errors naming
/// the layout file, line and key; every such problem in the file is reported in one run.
public func parseTheme(_ yaml: String, file: String) throws(QuireError) -> Theme {
    let yamlReader = YAMLReader(file: file, document: "the layout")
    var errors: [QuireError] = []
    var theme = Theme()
    theme.file = file
    var blanked = Set<Int>()
    if let root = yamlReader.composeRecovering(yaml, errors: &errors, blanked: &blanked) {
        var reader = ThemeReader(file: file)
        reader.read(root, path: "", into: &theme)
        errors += reader.errors
    }
    // A layout's YAML errors are layout errors: the service answers them as the layout's fault.
    if var error = QuireError.combining(errors) {
        error.kind = .layout
        error.others = error.others.map { var other = $0; other.kind = .layout; return other }
        throw error
    }
    return theme
}

/// Walks the layout's YAML tree and applies each key through `themeFields`.
private struct ThemeReader {
    let file: String
    /// Every problem found, so one run reports them all.
    var errors: [QuireError] = []

    init(file: String) { self.file = file }

    mutating func read(_ node: Node, path: String, into theme: inout Theme) {
        guard case .mapping(let mapping) = node else {
            errors.append(error(node, path, "expected keys under '\(path.isEmpty ? "the layout" : path)'"))
            return
        }
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                errors.append(error(keyNode, path, "a key must be text"))
                continue
            }
            let full = path.isEmpty ? key.string : path + "." + key.string
            if let setter = themeFields[full] {
                do throws(QuireError) {
                    try apply(setter, value, full, &theme)
                    theme.keyLines[full] = keyNode.mark?.line
                } catch {
                    errors.append(error)
                }
            } else if themeFields.keys.contains(where: { $0.hasPrefix(full + ".") }) {
                read(value, path: full, into: &theme)
            } else {
                let hint = nearestKey(full).map { "did you mean '\($0)'?" } ?? "see layouts/committee-paper.yaml for every key"
                errors.append(QuireError(.layout, at: location(keyNode), field: full, "unknown layout key '\(full)'", hint: hint))
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
        case .fieldList(let path):
            guard case .sequence(let items) = node else { throw error(node, key, "expected a list of front-matter fields, e.g. [by, to, date, subject]") }
            var out: [FrontMatterField] = []
            for item in items { out.append(try frontMatterField(item, key)) }
            theme[keyPath: path] = out
        }
    }

    /// A front-matter field named in the layout; a misspelt one is an error at its line with
    /// the nearest field, since a `required` entry nobody can satisfy (or that checks nothing)
    /// is the failure every key check exists to prevent.
    private func frontMatterField(_ node: Node, _ key: String) throws(QuireError) -> FrontMatterField {
        let name = try scalar(node, key)
        if let field = FrontMatterField.named(name) { return field }
        let hint = FrontMatterField.suggestion(for: name).map { "did you mean '\($0.key)'?" }
            ?? "front-matter fields: \(FrontMatterField.allCases.map(\.key).joined(separator: ", "))"
        throw QuireError(.layout, at: location(node), field: key, "unknown front-matter field '\(name)'", hint: hint)
    }

    private func rows(_ node: Node, _ key: String) throws(QuireError) -> [HeaderRow] {
        guard case .sequence(let items) = node else { throw error(node, key, "expected a list of rows, each '- {field: subject, label: \"Subject:\"}'") }
        var out: [HeaderRow] = []
        for item in items {
            guard case .mapping(let m) = item, let name = m["field"]?.scalar?.string else {
                throw error(item, key, "each row needs 'field' (and optionally 'label')")
            }
            let rowFields = FrontMatterField.allCases.filter(\.isHeaderRow).map(\.key) + ["from"]
            guard let field = FrontMatterField.named(name), field.isHeaderRow else {
                let suggested = FrontMatterField.suggestion(for: name).flatMap { $0.isHeaderRow ? $0.key : nil }
                let hint = (suggested ?? nearestName(name, in: rowFields))
                    .map { "did you mean '\($0)'?" } ?? "fields: \(rowFields.joined(separator: ", "))"
                throw QuireError(.layout, at: location(item), field: key, "unknown header field '\(name)'", hint: hint)
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
