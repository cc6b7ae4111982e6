public import QuireModel

extension Theme {
    /// The layout as one paper uses it: in the paper's `language:` (its /Lang, its date words,
    /// and every text the layout gives in that language), with the paper's `numbering:` laid
    /// over the layout's, option by option. Layout runs on this, never on the file's theme.
    public func resolved(for matter: FrontMatter) -> Theme {
        var theme = self
        let language = matter.name(.language) ?? self.language
        theme.language = language
        for (key, text) in translations {
            if case .text(let path)? = themeFields[key] { theme[keyPath: path] = text.text(for: language, fallback: self.language) }
        }
        for index in theme.headerBlock.rows.indices {
            if let text = theme.headerBlock.rows[index].translations {
                theme.headerBlock.rows[index].label = text.text(for: language, fallback: self.language)
            }
        }
        for index in theme.masthead.indices {
            if let text = theme.masthead[index].translations { theme.masthead[index].text = text.text(for: language, fallback: self.language) }
        }
        for index in theme.sections.indices {
            if let text = theme.sections[index].translations { theme.sections[index].title = text.text(for: language, fallback: self.language) }
            if let text = theme.sections[index].missingTranslations {
                theme.sections[index].missing = text.text(for: language, fallback: self.language)
            }
        }
        theme.numbering = numbering.merging(matter.numbering)
        return theme
    }
}

/// Numbering with every option decided (layout keys `numbering.*`): what the collectors
/// number by. A paper's `numbering:` options are laid over it, each one it sets replacing the
/// layout's.
public struct NumberingStyle: Hashable, Sendable {
    /// Whether `#` sections show "1.", "2.", ….
    public var sections = true
    public var paragraphs = ParagraphNumbering.parenthesized
    public var count = NumberingCount.section
    /// Labels of ordered sub-items, outermost first; deeper levels repeat the last two.
    public var items: [ItemNumbering] = [.letterParenthesized, .romanParenthesized]
    /// Labels of a list recommendation in the header block.
    public var recommendations = ItemNumbering.letterParenthesized

    public init() {}

    /// This style with every option `options` sets laid over it.
    public func merging(_ options: NumberingOptions) -> NumberingStyle {
        var out = self
        if let sections = options.sections { out.sections = sections }
        if let paragraphs = options.paragraphs { out.paragraphs = paragraphs }
        if let count = options.count { out.count = count }
        if let items = options.items, !items.isEmpty { out.items = items }
        if let recommendations = options.recommendations { out.recommendations = recommendations }
        return out
    }

    /// The label style of ordered items at `depth`: outermost first, deeper levels repeating
    /// the last two (so "(a)", "(i)", "(a)", "(i)", …).
    func items(atDepth depth: Int) -> ItemNumbering {
        guard !items.isEmpty else { return .letterParenthesized }
        if depth < items.count { return items[depth] }
        let cycle = min(2, items.count)
        return items[items.count - cycle + (depth - items.count) % cycle]
    }
}
