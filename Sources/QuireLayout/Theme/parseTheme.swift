public import QuireModel
import Foundation
import QuirePages
import QuireYAML
import Yams

/// Finds and reads the layout an `extends:` names (a layout name or a path), given the
/// reference and where it was written. QuireKit's layout lookup supplies it, with its search
/// path and path checks; the layout module itself reads no files.
public typealias ThemeBaseResolver = (_ reference: String, _ location: SourceLocation) throws(QuireError) -> Theme

/// Reads a layout file into a `Theme`. Unknown keys, bad lengths or colours are errors naming
/// the layout file, line and key; every such problem in the file is reported in one run.
/// `extends: committee-paper` (a layout name or path, found by `base`) starts from that
/// layout instead of the defaults: every key it sets, with this file's keys laid over them.
public func parseTheme(_ yaml: String, file: String, base: ThemeBaseResolver? = nil) throws(QuireError) -> Theme {
    let yamlReader = YAMLReader(file: file, document: "the layout")
    var errors: [QuireError] = []
    var theme = Theme()
    theme.file = file
    var blanked = Set<Int>()
    if let root = yamlReader.composeRecovering(yaml, errors: &errors, blanked: &blanked) {
        var reader = ThemeReader(file: file)
        if case .mapping(let mapping) = root, let (keyNode, value) = mapping.first(where: { $0.key.scalar?.string == "extends" }) {
            let location = SourceLocation(file: file, line: keyNode.mark?.line ?? 1)
            do throws(QuireError) {
                guard case .scalar(let reference) = value, !reference.string.isEmpty else {
                    throw QuireError(.layout, at: location, field: "extends", "'extends' names one layout",
                                     hint: "write e.g. extends: committee-paper, or extends: ./base.yaml")
                }
                guard let base else {
                    throw QuireError(.layout, at: location, field: "extends", "this layout cannot extend another here",
                                     hint: "render it through quire, which finds the layout it extends")
                }
                theme = extending(try base(reference.string, location), file: file)
            } catch {
                errors.append(error)
            }
        }
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

/// A base layout as the start of `file`: its keys remember the file that set them, and the
/// new layout is named after its own file unless it says `name:`.
private func extending(_ base: Theme, file: String) -> Theme {
    var theme = base
    for key in base.keyLines.keys where base.keyFiles[key] == nil { theme.keyFiles[key] = base.file }
    theme.extends = [base.file] + base.extends
    theme.file = file
    theme.name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    return theme
}

/// Keys whose text is never given by language: names, fonts and files.
private let unlocalizedKeys: Set<String> = ["name", "language", "body.font", "code.font", "logo.file", "cover.logo"]

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
            if full == "extends" { continue }  // read first, by parseTheme
            if let setter = themeFields[full] {
                do throws(QuireError) {
                    try apply(setter, value, full, &theme)
                    theme.keyLines[full] = keyNode.mark?.line
                    theme.keyFiles[full] = nil
                } catch {
                    errors.append(error)
                }
            } else if themeFields.keys.contains(where: { $0.hasPrefix(full + ".") }) {
                if case .scalar = value {
                    // A section written as one value (`numbering: "1."`): name what it holds.
                    let keys = themeFields.keys.filter { $0.hasPrefix(full + ".") }.sorted().map { String($0.dropFirst(full.count + 1)) }
                    errors.append(error(value, full, "'\(full)' holds keys, not a value", hint: "write them under it: \(keys.joined(separator: ", "))"))
                    continue
                }
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
        case .text(let path):
            if case .mapping = node, !unlocalizedKeys.contains(key) {
                let localized = try localizedText(node, key)
                theme.translations[key] = localized
                theme[keyPath: path] = localized.entries.first?.text ?? ""
            } else {
                theme[keyPath: path] = try scalar(node, key)
                theme.translations[key] = nil
            }
        case .optionalColor(let path):
            let raw = try scalar(node, key)
            if raw == "none" || raw.isEmpty { theme[keyPath: path] = nil; return }
            guard let color = Color(hex: raw) else { throw error(node, key, "expected a colour like \"#1F3864\" (quote it: # starts a YAML comment)") }
            theme[keyPath: path] = color
        case .choice(let allowed, let set):
            let raw = try scalar(node, key).trimmingCharacters(in: .whitespaces)
            guard allowed.contains(raw) else {
                let hint = nearestName(raw, in: allowed).map { "did you mean \"\($0)\"? " } ?? ""
                throw error(node, key, "'\(raw)' is not one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))",
                            hint: hint + "quote labels such as \"1.\" or \"(a)\"")
            }
            set(&theme, raw)
        case .itemLabels(let path):
            let entries: [Node] = if case .sequence(let items) = node { Array(items) } else { [node] }
            var labels: [ItemNumbering] = []
            for entry in entries {
                let raw = try scalar(entry, key).trimmingCharacters(in: .whitespaces)
                guard let label = ItemNumbering(rawValue: raw) else {
                    throw error(entry, key, "'\(raw)' is not one of \(ItemNumbering.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))",
                                hint: "list the labels by depth, e.g. [\"(a)\", \"(i)\"]; quote each")
                }
                labels.append(label)
            }
            guard !labels.isEmpty else { throw error(node, key, "expected at least one item label, e.g. [\"(a)\", \"(i)\"]") }
            theme[keyPath: path] = labels
        case .masthead: theme.masthead = try masthead(node, key)
        case .sections: theme.sections = try sections(node, key)
        case .color(let path):
            guard let color = Color(hex: try scalar(node, key)) else { throw error(node, key, "expected a colour like \"#1F3864\" (quote it: # starts a YAML comment)") }
            theme[keyPath: path] = color
        case .alignment(let path):
            guard let value = RunningText.Alignment(rawValue: try scalar(node, key)) else { throw error(node, key, "expected left, center or right") }
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
            guard case .sequence(let items) = node, !items.isEmpty else { throw error(node, key, "expected a list of colours like [\"#1F3864\", \"#2E75B6\"]") }
            var colors: [Color] = []
            for item in items {
                let text = try scalar(item, key)
                guard let color = Color(hex: text) else { throw error(item, key, "expected a colour like \"#1F3864\" (quote it: # starts a YAML comment)") }
                // Chart series are told apart by colour alone: WCAG 1.4.11 asks 3:1 against
                // the white page they are drawn on.
                let contrast = color.contrast(with: .white)
                guard contrast >= 3 else {
                    throw error(item, key, "\(text) has \(formatContrast(contrast)):1 contrast on the white page; a chart series needs at least 3:1",
                                hint: "use a darker shade, e.g. \(color.darkened(toContrast: 3, with: .white).hex)")
                }
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
            for (rowKey, _) in m {
                let name = try scalar(rowKey, key)
                guard ["field", "label"].contains(name) else {
                    throw QuireError(.layout, at: location(rowKey), field: key, "unknown row key '\(name)'", hint: "a row has 'field' and 'label'")
                }
            }
            if let labelNode = m["label"], case .mapping = labelNode {
                let localized = try localizedText(labelNode, key)
                out.append(HeaderRow(field: field, label: localized.entries.first?.text ?? "", translations: localized))
            } else {
                var label = ""
                if let labelNode = m["label"] { label = try scalar(labelNode, key) }
                out.append(HeaderRow(field: field, label: label))
            }
        }
        return out
    }

    /// `{en-GB: "Date:", cy: "Dyddiad:"}`: a text in several languages, each key a language tag.
    private func localizedText(_ node: Node, _ key: String) throws(QuireError) -> LocalizedText {
        guard case .mapping(let m) = node, !m.isEmpty else {
            throw error(node, key, "expected text, or the text by language, e.g. {en-GB: \"Date:\", cy: \"Dyddiad:\"}")
        }
        var entries: [LocalizedText.Entry] = []
        for (languageNode, text) in m {
            let language = try scalar(languageNode, key)
            guard isLanguageTag(language) else {
                throw error(languageNode, key, "'\(language)' is not a language tag", hint: "use tags such as en-GB or cy")
            }
            entries.append(LocalizedText.Entry(language: language, text: try scalar(text, key + "." + language)))
        }
        return LocalizedText(entries)
    }

    /// Text or text by language, for list entries (masthead lines, sections).
    private func textOrLocalized(_ node: Node, _ key: String) throws(QuireError) -> (String, LocalizedText?) {
        if case .mapping = node {
            let localized = try localizedText(node, key)
            return (localized.entries.first?.text ?? "", localized)
        }
        return (try scalar(node, key), nil)
    }

    /// A list of maps, each key checked against `keys`.
    private func entries(_ node: Node, _ key: String, keys: [String], example: String) throws(QuireError) -> [(node: Node, values: [String: Node])] {
        guard case .sequence(let items) = node else { throw error(node, key, "expected a list, e.g. \(example)") }
        var out: [(Node, [String: Node])] = []
        for item in items {
            guard case .mapping(let m) = item else { throw error(item, key, "each entry is a map, e.g. \(example)") }
            var values: [String: Node] = [:]
            for (entryKey, value) in m {
                let name = try scalar(entryKey, key)
                guard keys.contains(name) else {
                    let hint = nearestName(name, in: keys).map { "did you mean '\($0)'?" } ?? "keys: \(keys.joined(separator: ", "))"
                    throw QuireError(.layout, at: location(entryKey), field: key + "." + name, "unknown key '\(name)' in '\(key)'", hint: hint)
                }
                values[name] = value
            }
            out.append((item, values))
        }
        return out
    }

    private func flagValue(_ node: Node, _ key: String) throws(QuireError) -> Bool {
        switch try scalar(node, key) {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error(node, key, "expected true or false")
        }
    }

    private func colorValue(_ node: Node, _ key: String) throws(QuireError) -> Color {
        guard let color = Color(hex: try scalar(node, key)) else { throw error(node, key, "expected a colour like \"#1F3864\" (quote it: # starts a YAML comment)") }
        return color
    }

    private func enumValue<E: RawRepresentable & CaseIterable>(_ node: Node, _ key: String, _: E.Type) throws(QuireError) -> E where E.RawValue == String {
        let raw = try scalar(node, key)
        guard let value = E(rawValue: raw) else {
            throw error(node, key, "'\(raw)' is not one of \(E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
        }
        return value
    }

    /// `masthead:` lines: `- {text: "Agenda Item No. {agenda-item}", align: right, size: 12pt}`.
    private func masthead(_ node: Node, _ key: String) throws(QuireError) -> [MastheadLine] {
        let keys = ["text", "size", "bold", "color", "align", "case", "space-after"]
        var out: [MastheadLine] = []
        for (item, values) in try entries(node, key, keys: keys, example: "- {text: \"Report of the {by.role}\", size: 13pt}") {
            guard let textNode = values["text"] else { throw error(item, key, "each masthead line needs 'text'") }
            let (text, translations) = try textOrLocalized(textNode, key + ".text")
            var line = MastheadLine(text: text)
            line.translations = translations
            if let size = values["size"] { line.size = try length(size, key + ".size") }
            if let bold = values["bold"] { line.bold = try flagValue(bold, key + ".bold") }
            if let color = values["color"] { line.color = try colorValue(color, key + ".color") }
            if let align = values["align"] { line.alignment = try enumValue(align, key + ".align", RunningText.Alignment.self) }
            if let textCase = values["case"] { line.textCase = try enumValue(textCase, key + ".case", TextCase.self) }
            if let space = values["space-after"] { line.spaceAfter = try length(space, key + ".space-after") }
            out.append(line)
        }
        return out
    }

    /// `sections:` a report must have: `- {title: Financial implications, missing: "None."}`.
    private func sections(_ node: Node, _ key: String) throws(QuireError) -> [ReportSection] {
        var out: [ReportSection] = []
        for (item, values) in try entries(node, key, keys: ["title", "missing", "required"], example: "- {title: Legal implications, missing: \"None.\"}") {
            guard let titleNode = values["title"] else { throw error(item, key, "each section needs 'title'") }
            let (title, translations) = try textOrLocalized(titleNode, key + ".title")
            var section = ReportSection(title: title)
            section.translations = translations
            if let missing = values["missing"] { (section.missing, section.missingTranslations) = try textOrLocalized(missing, key + ".missing") }
            if let required = values["required"] { section.required = try flagValue(required, key + ".required") }
            out.append(section)
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
