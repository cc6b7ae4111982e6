public import QuireModel

/// What the import needs to know of a house style to pick one and to write only the
/// numbering options the source differs in: the labels its header block prints, the
/// numbering it gives by default, the fields it requires. The CLI builds one per layout
/// from the themes (`quire layouts`); the rules never read layout files themselves.
public struct LayoutProfile: Sendable, Hashable {
    public var name: String
    /// The label printed for each field's header row ("REPORT TO:", "Purpose of Report").
    public var labels: [FrontMatterField: String]
    /// Every numbering option, as the layout sets it.
    public var numbering: NumberingOptions
    public var required: [FrontMatterField]
    /// Whether the layout is a cover report (a header block with By/From, To or Subject):
    /// the only kind an imported paper may take.
    public var isCoverReport: Bool

    public init(name: String, labels: [FrontMatterField: String], numbering: NumberingOptions, required: [FrontMatterField], isCoverReport: Bool) {
        self.name = name
        self.labels = labels
        self.numbering = numbering
        self.required = required
        self.isCoverReport = isCoverReport
    }

    /// The committee-paper layout's profile, for tests and when no layouts can be read.
    public static let committeePaper = LayoutProfile(
        name: "committee-paper",
        labels: Dictionary(uniqueKeysWithValues: FrontMatterField.allCases.compactMap { f in f.defaultLabel.map { (f, $0) } }),
        numbering: NumberingOptions(sections: true, paragraphs: .parenthesized, count: .section,
                                    items: [.letterParenthesized, .romanParenthesized], recommendations: .letterParenthesized),
        required: [.by, .to, .date, .subject, .classification, .summary, .recommendation], isCoverReport: true)
}
