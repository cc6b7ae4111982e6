/// How a paper's sections, paragraphs and items are numbered. A layout gives every option;
/// a paper's `numbering:` front matter may override any of them, so an imported paper keeps
/// its source's style ("1." paragraphs counted through the whole report, "a)" items) in any
/// house style. Unset fields take the layout's.
///
/// ```yaml
/// numbering:
///   sections: false          # headings unnumbered ("Purpose of Report", "Background")
///   paragraphs: "1."         # "(1)", "1.1", "1.", "1)" or none
///   count: document          # section: restart in each section; document: one count through the report
///   items: ["a)", "i)"]      # sub-item labels, by depth
///   recommendations: "1)"    # the header block's recommendation list
/// ```
public struct NumberingOptions: Hashable, Sendable {
    /// Whether `#` sections show "1.", "2.", ….
    public var sections: Bool?
    public var paragraphs: ParagraphNumbering?
    public var count: NumberingCount?
    /// Labels of ordered sub-items, outermost first; deeper levels repeat the last two.
    public var items: [ItemNumbering]?
    /// Labels of a list recommendation in the header block.
    public var recommendations: ItemNumbering?

    public init(sections: Bool? = nil, paragraphs: ParagraphNumbering? = nil, count: NumberingCount? = nil,
                items: [ItemNumbering]? = nil, recommendations: ItemNumbering? = nil) {
        self.sections = sections
        self.paragraphs = paragraphs
        self.count = count
        self.items = items
        self.recommendations = recommendations
    }

    /// The keys of the `numbering:` map, for messages.
    public static let keys = ["sections", "paragraphs", "count", "items", "recommendations"]

    /// These options with every field `other` sets laid over them.
    public func merging(_ other: NumberingOptions?) -> NumberingOptions {
        guard let other else { return self }
        return NumberingOptions(sections: other.sections ?? sections, paragraphs: other.paragraphs ?? paragraphs,
                                count: other.count ?? count, items: other.items ?? items,
                                recommendations: other.recommendations ?? recommendations)
    }

    /// Whether nothing is set.
    public var isEmpty: Bool { self == NumberingOptions() }
}

/// How paragraphs are numbered (in numbered sections, or through the report).
public enum ParagraphNumbering: String, Hashable, Sendable, CaseIterable {
    /// "(1)", "(2)", as in older Kent papers.
    case parenthesized = "(1)"
    /// "1.1", "1.2": section number, then paragraph, as most councils use now.
    case decimal = "1.1"
    /// "1.", "2.": a plain count (with `count: document`, one count through the report).
    case period = "1."
    /// "1)", "2)".
    case parenthesis = "1)"
    case none
}

/// Where paragraph numbers restart.
public enum NumberingCount: String, Hashable, Sendable, CaseIterable {
    /// In each section (the usual cover report).
    case section
    /// Never: one count runs through the whole report, as combined authorities and Welsh
    /// councils number theirs, so that "paragraph 23" names one paragraph.
    case document
}

/// How the items of an ordered sub-list are labelled.
public enum ItemNumbering: String, Hashable, Sendable, CaseIterable {
    case letterParenthesized = "(a)"
    case letterParenthesis = "a)"
    case letterPeriod = "a."
    case romanParenthesized = "(i)"
    case romanParenthesis = "i)"
    case romanPeriod = "i."
    case numberParenthesized = "(1)"
    case numberParenthesis = "1)"
    case numberPeriod = "1."
    /// The enclosing paragraph's number, a point, the item's: "2.2.1" under paragraph 2.2.
    case decimal = "1.1.1"
    /// Not numbered: a bullet.
    case bullet = "•"
}
