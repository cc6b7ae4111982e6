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

    /// The numbering in force, every option decided (a theme's own are always all set; the
    /// defaults here only guard a theme built by hand with some left out).
    var numberingStyle: NumberingStyle {
        NumberingStyle(sections: numbering.sections ?? true, paragraphs: numbering.paragraphs ?? .parenthesized,
                       count: numbering.count ?? .section, items: numbering.items ?? [.letterParenthesized, .romanParenthesized],
                       recommendations: numbering.recommendations ?? .letterParenthesized)
    }
}

/// Numbering with every option decided: what the collectors number by.
struct NumberingStyle {
    var sections: Bool
    var paragraphs: ParagraphNumbering
    var count: NumberingCount
    var items: [ItemNumbering]
    var recommendations: ItemNumbering

    /// The label style of ordered items at `depth`: outermost first, deeper levels repeating
    /// the last two (so "(a)", "(i)", "(a)", "(i)", …).
    func items(atDepth depth: Int) -> ItemNumbering {
        guard !items.isEmpty else { return .letterParenthesized }
        if depth < items.count { return items[depth] }
        let cycle = min(2, items.count)
        return items[items.count - cycle + (depth - items.count) % cycle]
    }
}
