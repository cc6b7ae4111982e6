import Foundation
import QuireModel

/// The styles part (`word/styles.xml`): each style's own properties, and what a paragraph or
/// run inherits through `w:basedOn` down from the document defaults.
struct WordStyles {
    struct Style {
        var id: String
        var name: String
        var type: String
        var basedOn: String?
        var paragraph: ParagraphFormat
        var run: RunFormat
        /// A table style's own borders: whether its tables are drawn ruled.
        var tableRuled: Bool?
    }

    private(set) var styles: [String: Style] = [:]
    /// The style a paragraph without `w:pStyle` has ("Normal"), and a table's.
    private(set) var defaultParagraphStyle: String?
    private(set) var defaultTableStyle: String?
    /// `w:docDefaults`: what every run and paragraph starts from.
    private(set) var defaultRun = RunFormat()
    private(set) var defaultParagraph = ParagraphFormat()
    /// The document's language (`w:docDefaults` `w:lang`, else the default paragraph style's).
    private(set) var language: String?

    init() {}

    init(_ root: WordElement?) {
        guard let root else { return }
        if let defaults = root.child("w:docDefaults") {
            defaultRun = RunFormat(defaults.path("w:rPrDefault", "w:rPr"))
            defaultParagraph = ParagraphFormat(defaults.path("w:pPrDefault", "w:pPr"))
            language = defaults.path("w:rPrDefault", "w:rPr", "w:lang")?["w:val"]
        }
        for element in root.children("w:style") {
            guard let id = element["w:styleId"] else { continue }
            let type = element["w:type"] ?? "paragraph"
            let borders = element.path("w:tblPr", "w:tblBorders").map { $0.children.contains(where: drawsLine) }
            styles[id] = Style(id: id, name: element.child("w:name")?["w:val"] ?? id, type: type, basedOn: element.child("w:basedOn")?["w:val"],
                               paragraph: ParagraphFormat(element.child("w:pPr")), run: RunFormat(element.child("w:rPr")), tableRuled: borders)
            if element["w:default"].map({ ["1", "true", "on"].contains($0) }) == true {
                if type == "paragraph" { defaultParagraphStyle = id }
                if type == "table" { defaultTableStyle = id }
            }
            if type == "paragraph", element["w:default"] == "1", language == nil {
                language = element.path("w:rPr", "w:lang")?["w:val"]
            }
        }
    }

    /// The chain of styles from `id` up through `basedOn` (itself first), cycles cut.
    func chain(_ id: String?) -> [Style] {
        var out: [Style] = []
        var seen = Set<String>()
        var next = id
        while let current = next, seen.insert(current).inserted, let style = styles[current] {
            out.append(style)
            next = style.basedOn
        }
        return out
    }

    /// A paragraph style's properties with everything it inherits.
    func paragraphFormat(_ id: String?) -> ParagraphFormat {
        chain(id ?? defaultParagraphStyle).reversed().reduce(defaultParagraph) { base, style in style.paragraph.over(base) }
    }

    /// Run formatting a paragraph style gives its runs, over the document defaults.
    func runFormat(paragraphStyle id: String?) -> RunFormat {
        chain(id ?? defaultParagraphStyle).reversed().reduce(defaultRun) { base, style in style.run.over(base) }
    }

    /// A character style's formatting, over `base`.
    func runFormat(characterStyle id: String?, over base: RunFormat) -> RunFormat {
        guard let id else { return base }
        return chain(id).reversed().reduce(base) { base, style in style.run.over(base) }
    }

    /// The style's name as Word shows it ("heading 1" → "Heading 1", "List Paragraph").
    func name(_ id: String?) -> String? {
        guard let id = id ?? defaultParagraphStyle, let style = styles[id] else { return id }
        if let g = matchGroups(#"^heading\s*(\d)$"#, style.name.lowercased()) { return "Heading " + g[0] }
        return style.name.prefix(1).uppercased() + style.name.dropFirst()
    }

    /// The heading level a paragraph style gives (1 the top): its outline level through
    /// inheritance, or Word's built-in "heading N" name.
    func headingLevel(_ id: String?) -> Int? {
        if let level = paragraphFormat(id).outlineLevel, (0...8).contains(level) { return level + 1 }
        for style in chain(id) {
            if let g = matchGroups(#"^heading\s*(\d)$"#, style.name.lowercased()), let level = Int(g[0]), level >= 1 { return level }
        }
        return nil
    }

    /// Whether a table style draws borders (through inheritance); false when none says so.
    func tableRuled(_ id: String?) -> Bool {
        chain(id ?? defaultTableStyle).lazy.compactMap(\.tableRuled).first ?? false
    }
}
