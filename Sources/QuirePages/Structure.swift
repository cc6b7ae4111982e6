/// What a run of page content is, for tagged output and screen readers: the standard PDF
/// structure types (PDF 32000-1, 14.8.4), which every assistive technology knows.
public enum StructureRole: String, Hashable, Sendable, CaseIterable {
    case section = "Sect"
    case heading1 = "H1", heading2 = "H2", heading3 = "H3"
    case paragraph = "P"
    case list = "L", listItem = "LI", label = "Lbl", listBody = "LBody"
    case table = "Table", tableRow = "TR", headerCell = "TH", dataCell = "TD"
    case caption = "Caption", figure = "Figure"
    /// A footnote: its number (`Lbl`) and its text (`P`), placed in reading order after the
    /// paragraph that refers to it.
    case note = "Note"
    case blockQuote = "BlockQuote", code = "Code"
    case contents = "TOC", contentsItem = "TOCI"
    /// A link's words (its annotation is the `link` or `pageLink` item drawn first inside
    /// it), and a reference to another part of the document (a contents entry, the pages an
    /// agenda line names), which holds its link.
    case link = "Link", reference = "Reference"
    /// A part of a larger document (an agenda item in a pack) and an untagged document placed
    /// whole (a PDF appendix: its content read in its own order).
    case part = "Part", article = "Art"
    /// Page furniture (running header and footer, a table header repeated on a new page):
    /// drawn, but not part of the content a reader reads.
    case artifact = "Artifact"

    /// Roles whose element holds content directly rather than other elements.
    public var holdsContent: Bool {
        switch self {
        case .heading1, .heading2, .heading3, .paragraph, .label, .headerCell, .dataCell, .caption, .figure, .code, .artifact, .article, .link: true
        default: false
        }
    }
}

/// How a list's items are numbered, as PDF's /ListNumbering attribute names it (PDF 32000-1,
/// 14.8.5.5): what a screen reader announces for the items' labels.
public enum ListNumbering: String, Hashable, Sendable {
    case none = "None", disc = "Disc", decimal = "Decimal"
    case lowerRoman = "LowerRoman", upperRoman = "UpperRoman", lowerAlpha = "LowerAlpha", upperAlpha = "UpperAlpha"
}

/// Which cells a header cell heads.
public enum HeaderScope: String, Hashable, Sendable {
    case row = "Row", column = "Column"
}

/// An element opened in the page tree: its role and the attributes that role needs.
public struct StructureTag: Hashable, Sendable {
    public var role: StructureRole
    /// A figure's text alternative.
    public var alt: String?
    public var scope: HeaderScope?
    /// How many rows and columns a table cell covers, when more than one (PDF 32000-1,
    /// 14.8.5.7: the table attributes /RowSpan and /ColSpan).
    public var rowSpan: Int?
    public var columnSpan: Int?
    /// A list's numbering (/ListNumbering).
    public var listNumbering: ListNumbering?
    /// A caption that belongs inside the figure drawn after it (the PDF writer moves it
    /// there: a figure's drawing is one leaf of content, so the caption cannot open inside it).
    public var captionsNext = false

    public init(_ role: StructureRole, alt: String? = nil, scope: HeaderScope? = nil, rowSpan: Int? = nil, columnSpan: Int? = nil,
                listNumbering: ListNumbering? = nil) {
        self.role = role
        self.listNumbering = listNumbering
        self.alt = alt
        self.scope = scope
        self.rowSpan = rowSpan
        self.columnSpan = columnSpan
    }

    /// A figure's caption, drawn just before the figure.
    public static var figureCaption: StructureTag {
        var tag = StructureTag(.caption)
        tag.captionsNext = true
        return tag
    }

    public static func heading(level: Int) -> StructureTag {
        StructureTag(level <= 1 ? .heading1 : level == 2 ? .heading2 : .heading3)
    }
}
