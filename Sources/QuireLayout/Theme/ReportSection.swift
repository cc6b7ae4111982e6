/// A section the layout expects in every report ("Financial implications", "Appendices"), in
/// the layout's order (an inserted one goes before the next of them the body has, else after
/// the body's own sections). A body section of that title (any case)
/// is the section; when the body has none, the layout inserts it with `missing` as its text,
/// or, for a `required` section without such text, a new paper fails and an imported or
/// archived one renders without it, with a warning.
public struct ReportSection: Hashable, Sendable {
    public var title: String
    public var translations: LocalizedText?
    /// The text an inserted section gets; nil: the section is never made up.
    public var missing: String?
    public var missingTranslations: LocalizedText?
    public var required = false

    public init(title: String) { self.title = title }
}
