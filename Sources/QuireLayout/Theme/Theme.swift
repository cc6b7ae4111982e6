public import QuireModel
public import QuirePages

/// A house style: everything about how a paper looks, read from `layouts/<name>.yaml`.
/// Defaults are the committee-paper style, so a layout file only states what differs.
public struct Theme: Hashable, Sendable {
    public var name = "committee-paper"
    public var description = ""
    public var language = "en-GB"
    /// Write PDF/A-2b (archival) output by default, as `quire render --pdfa` does.
    public var pdfa = false
    public var page = PageStyle()
    public var body = TextSpec(size: 12, leading: 14)
    public var code = CodeStyle()
    /// Space between blocks (paragraphs, lists, tables).
    public var blockSpace = 12.0
    public var heading = HeadingStyle()
    public var subheading = HeadingStyle(spaceBefore: 12, spaceAfter: 6)
    public var paragraphs = ParagraphStyle()
    /// How sections, paragraphs, sub-items and recommendations are numbered (every option
    /// set; a paper's `numbering:` lays its own over them, `resolved(for:)`).
    public var numbering = NumberingStyle()
    /// How a run-in heading's lead ("**Background:** The council…") is set.
    public var runIn = RunInStyle()
    public var headerBlock = HeaderBlockStyle()
    /// Lines set above the header block ("Agenda Item No. 7", "Report of the Director of …").
    public var masthead: [MastheadLine] = []
    /// A logo or crest, with the council's name beside or under it.
    public var logo = LogoStyle()
    /// A protective marking (OFFICIAL, OFFICIAL-SENSITIVE) at the top and foot of every page.
    public var marking = MarkingStyle()
    /// Report sections the layout requires or inserts, in order, after the body's own.
    public var sections: [ReportSection] = []
    public var closing = ClosingSections()
    public var header = RunningText(template: "", size: 9, alignment: .right)
    public var footer = RunningText(template: "Page {page} of {pages}", size: 10, alignment: .center)
    public var table = TableStyle()
    public var notes = NoteStyle()
    /// How figures from data and in figure columns are written, unless an indicator, a table
    /// or a column says otherwise (layout keys `figures.*`).
    public var figures = FigureStyle()
    public var chart = ChartStyle()
    public var cover = CoverStyle()
    public var contents = ContentsStyle()
    public var pack = PackStyle()
    /// Fewest lines of a paragraph left at the foot of a page.
    public var orphans = 2
    /// Fewest lines of a paragraph carried to the head of a page.
    public var widows = 2
    /// Texts the layout gives in several languages, by layout key; `resolved(for:)` picks the
    /// paper's.
    public var translations: [String: LocalizedText] = [:]
    /// The layout file and the line of each key it set, for messages about its values.
    public var file = ""
    public var keyLines: [String: Int] = [:]
    /// The file each key was set in, where it is not `file` (a key an `extends:`ed layout set).
    public var keyFiles: [String: String] = [:]
    /// The layouts this one extends, nearest first (their files).
    public var extends: [String] = []

    public init() {}

    /// Width of the text column.
    public var contentWidth: Double { page.size.width - page.marginLeft - page.marginRight }
    /// Height of the text column.
    public var contentHeight: Double { page.size.height - page.marginTop - page.marginBottom }

    /// Where a key was set: its file (this layout's or the one it extends) and line.
    public func location(ofKey key: String) -> SourceLocation {
        SourceLocation(file: keyFiles[key] ?? file, line: keyLines[key] ?? 1)
    }
}

/// Page size and margins in points.
public struct PageStyle: Hashable, Sendable {
    public var size = Size.a4
    public var marginTop = mm(25)
    public var marginBottom = mm(25)
    public var marginLeft = mm(25)
    public var marginRight = mm(25)
}

/// Font and line spacing of running text.
public struct TextSpec: Hashable, Sendable {
    public var family = "Liberation Sans"
    public var size: Double
    /// Baseline to baseline.
    public var leading: Double
    public var color = Color.black
    public var justify = true
}

/// Code: fenced blocks and inline `code` spans.
public struct CodeStyle: Hashable, Sendable {
    /// A monospace family among the bundled fonts.
    public var family = "Liberation Mono"
    public init() {}
}

/// Section headings (`#`) and subheadings (`##`).
public struct HeadingStyle: Hashable, Sendable {
    public var size = 12.0
    public var bold = true
    public var italic = false
    public var spaceBefore = 18.0
    public var spaceAfter = 6.0
    /// Where an unnumbered section heading starts: at the paragraphs' text column (`text`,
    /// as numbered ones do) or at the `margin`.
    public var indent = HeadingIndent.text
    public init(size: Double = 12, bold: Bool = true, italic: Bool = false, spaceBefore: Double = 18, spaceAfter: Double = 6) {
        self.size = size
        self.bold = bold
        self.italic = italic
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
    }
}

/// Where an unnumbered heading starts.
public enum HeadingIndent: String, Hashable, Sendable, CaseIterable { case text, margin }

/// Numbered paragraphs and their sub-items (how they are numbered: `Theme.numbering`).
public struct ParagraphStyle: Hashable, Sendable {
    /// The number column: text is hung at this indent, the number sits in the column.
    public var indent = mm(12.5)
    /// Extra indent of lettered sub-items "(a)" and bullets.
    public var itemIndent = mm(10)
}

/// The header block at the top of a cover report: a label/value grid, run-in "LABEL: value"
/// lines or labels over their values.
public struct HeaderBlockStyle: Hashable, Sendable {
    public var form = HeaderBlockForm.grid
    /// Labels as written, or in capitals ("PURPOSE:").
    public var labelCase = TextCase.asWritten
    /// Colour of the labels and of the values; nil: the body's.
    public var labelColor: Color?
    public var valueColor: Color?
    /// Rows drawn in a ruled or shaded box (the summary and recommendations, say).
    public var panel = PanelStyle()
    /// Width of the label column.
    public var labelWidth = mm(40)
    public var labelBold = true
    /// Space between rows.
    public var rowSpace = 10.0
    /// Space between the block and the first section.
    public var spaceAfter = 14.0
    public var ruleBelow = true
    /// `{d}` day, `{do}` ordinal day (19th), `{MMMM}` month name, `{MM}` month number, `{yyyy}` year.
    public var dateFormat = "{d} {MMMM} {yyyy}"
    public var rows: [HeaderRow] = HeaderRow.defaults
    /// Fields a paper in this layout must have.
    public var required: [FrontMatterField] = [.by, .to, .date, .subject, .classification, .summary, .recommendation]
}

/// One row of the header block: which front-matter field, under which label.
public struct HeaderRow: Hashable, Sendable {
    /// A front-matter field, or `.fields` for the author's own rows in their order.
    public var field: FrontMatterField
    public var label: String
    /// The label in other languages (`label: {en-GB: "Date:", cy: "Dyddiad:"}`).
    public var translations: LocalizedText?

    public init(field: FrontMatterField, label: String, translations: LocalizedText? = nil) {
        self.field = field
        self.label = label
        self.translations = translations
    }

    /// Every field with a default label, in the registry's order, under that label.
    public static let defaults: [HeaderRow] = FrontMatterField.allCases.compactMap { field in
        field.defaultLabel.map { HeaderRow(field: field, label: $0) }
    }
}

/// Sections the engine appends from front matter, after the body's own sections.
public struct ClosingSections: Hashable, Sendable {
    public var backgroundDocuments = "Background Documents"
    public var contact = "Contact details"
    /// Text shown when `background-documents` is not given.
    public var noBackgroundDocuments = "None"
}

/// A running header or footer line; `{page}`, `{pages}`, `{subject}`, `{classification}`.
public struct RunningText: Hashable, Sendable {
    public enum Alignment: String, Hashable, Sendable, CaseIterable { case left, center, right }
    public var template: String
    public var size: Double
    public var alignment: Alignment
}

/// GFM tables.
public struct TableStyle: Hashable, Sendable {
    public var size = 11.0
    public var leading = 13.0
    public var padding = 4.0
    public var headerFill = Color(red: 0.9, green: 0.9, blue: 0.9)
    public var ruleColor = Color(red: 0.45, green: 0.45, blue: 0.45)
    public var ruleWidth = 0.5
    /// A table of this many body rows or fewer stays on one page unless it says otherwise
    /// (`keep-together=false`); a longer one never leaves its first or last row alone.
    public var keepTogetherRows = 6
}

/// Charts drawn from data.
public struct ChartStyle: Hashable, Sendable {
    /// Height of the plot and its axes (caption and legend come on top).
    public var height = mm(70)
    public var size = 9.0
    /// Series colours in order; chosen to differ in lightness so they survive greyscale print.
    public var colors: [Color] = ["#1F3864", "#6495C9", "#2E75B6", "#595959"].compactMap { Color(hex: $0) }
    public var gridColor = Color(red: 0.85, green: 0.85, blue: 0.85)
}

/// A cover page (annual reports): logo, organisation, title, period.
public struct CoverStyle: Hashable, Sendable {
    public var enabled = false
    /// An SVG or PNG file in assets/.
    public var logo = ""
    public var logoWidth = mm(60)
    public var titleSize = 28.0
    public var subtitleSize = 16.0
    public var color = Color(red: 0.12, green: 0.22, blue: 0.39)
}

/// A contents page listing each section with the page it starts on.
public struct ContentsStyle: Hashable, Sendable {
    public var enabled = false
    public var title = "Contents"
    /// The number printed for the paper's first page (its cover), when it is numbered as
    /// part of something larger (a pack); nil: the contents counts body pages from 1, as
    /// the paper's own footer does. Not a layout key: the pack sets it.
    public var firstPageNumber: Int?
}

/// A committee pack's own words and stamps (the `agenda` layout), `{…}` filled in per page.
public struct PackStyle: Hashable, Sendable {
    public var title = "Agenda"
    public var supplementTitle = "Supplementary agenda"
    public var membership = "Membership"
    public var items = "Agenda items"
    public var exemptHeading = "Exempt items"
    public var exemptIntro = "The public and press are likely to be excluded from the meeting for the following items, which contain exempt information as defined in Part 1 of Schedule 12A to the Local Government Act 1972:"
    /// On the page that stands in for an exempt item or appendix in the public pack.
    public var exemptNotice = "This item is not for publication: it contains exempt information as defined in paragraph {paragraph} of Part 1 of Schedule 12A to the Local Government Act 1972."
    public var pages = "(Pages {first} - {last})"
    public var page = "(Page {first})"
    public var itemStamp = "Agenda Item {item}"
    public var pageStamp = "Page {page}"
    public var band = "EXEMPT: NOT FOR PUBLICATION (paragraph {paragraph}, Schedule 12A)"
    public var bandColor = Color(red: 0.6, green: 0.0, blue: 0.0)
    public var blankPage = "This page is intentionally left blank"
    public var contact = "Contact"
}
