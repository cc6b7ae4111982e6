public import QuireModel

/// What a reader found in a legacy paper, in reading order, before any rule interprets it.
/// The PDF, text and Word readers all build this one model, and one set of rules
/// (`Rules/`) turns it into a Quire paper, so a table, a numbered paragraph or a header row
/// means the same whichever way it came in. Readers record what the page shows (a marker,
/// a size, a box, two columns); rules decide what it is (a header row, a heading, a list).
public struct ImportDocument: Sendable {
    /// The file read, as the user named it, for messages.
    public var file: String
    public var blocks: [ImportBlock]
    /// Text the reader dropped as page furniture (running headers and footers, page numbers,
    /// template marks), for the import report and the word ledger.
    public var furniture: [SourceText]
    /// A protective marking the page headers or footers carry ("OFFICIAL", "OFFICIAL-SENSITIVE"),
    /// for `classification` when the header block gives none.
    public var marking: String?
    /// What the reader itself has to say (a tracked change accepted, a comment dropped).
    public var warnings: [ImportWarning]
    /// What the file says of itself, apart from its text (a Word document's core properties
    /// and language); empty for a text export.
    public var properties: DocumentProperties

    public init(file: String, blocks: [ImportBlock] = [], furniture: [SourceText] = [], marking: String? = nil, warnings: [ImportWarning] = [],
                properties: DocumentProperties = DocumentProperties()) {
        self.file = file
        self.blocks = blocks
        self.furniture = furniture
        self.marking = marking
        self.warnings = warnings
        self.properties = properties
    }
}

/// A document's own description of itself (Word's `docProps/core.xml`, a PDF's Info): evidence
/// a rule may use where the text gives none (a title for a paper without a Subject row), never
/// text of the paper itself.
public struct DocumentProperties: Sendable, Hashable {
    public var title: String?
    public var author: String?
    /// When it was created, as the file gives it (ISO 8601, "2025-01-06T09:00:00Z").
    public var created: String?
    /// The language its text is marked as (a BCP 47 tag: "en-GB", "cy-GB").
    public var language: String?

    public init(title: String? = nil, author: String? = nil, created: String? = nil, language: String? = nil) {
        self.title = title
        self.author = author
        self.created = created
        self.language = language
    }
}

/// Where a piece of text was in the source: a line of a text export, a line on a PDF page,
/// a paragraph of a Word document. Warnings print it as `file:line` (with the page).
public struct SourcePlace: Hashable, Sendable {
    /// 1-based: the text export's line, the PDF's line counted through the document, or the
    /// Word document's paragraph.
    public var line: Int
    public var page: Int?

    public init(line: Int, page: Int? = nil) {
        self.line = line
        self.page = page
    }
}

/// Text the reader set aside, with where it was and why.
public struct SourceText: Hashable, Sendable {
    public var text: String
    public var place: SourcePlace
    public var reason: String

    public init(text: String, place: SourcePlace, reason: String) {
        self.text = text
        self.place = place
        self.reason = reason
    }
}

/// One block of the source, in reading order.
public enum ImportBlock: Sendable {
    case paragraph(ImportParagraph)
    case table(ImportTable)
    case image(ImportImage)
}

/// A paragraph-like run of text: a body paragraph, a heading, a list item, a header label or
/// value. What it is, the rules decide from what the reader saw.
public struct ImportParagraph: Sendable {
    /// The text with its bold, italic and link spans, and a footnote as `Inline.note` where
    /// its reference stands; the marker is not in it.
    public var inlines: [Inline]
    /// The number or bullet the paragraph opened with, as printed ("1.1", "(a)", "a)", "2.",
    /// "iv.", "•", "o", "–"), or nil. Word's list numbering is computed to what it prints.
    public var marker: String?
    /// The lines as the source broke them, marker included: for the ledger, for warnings and
    /// for rules about line shapes (a label alone on its line, a label wrapped over two).
    public var lines: [String]
    public var place: SourcePlace
    /// Where the text starts, in points from the text column's left edge (a text export's
    /// columns count 6 pt each, a Word paragraph's indent is its own), and where the marker
    /// starts when there is one: nesting and hanging numbers are read from these.
    public var indent: Double
    public var markerIndent: Double?
    /// The font size against the body's most common size (1 = body text), and whether every
    /// character is bold or italic: heading evidence from a PDF. A text export knows neither
    /// (1, false, false); it has `isolated` and case instead.
    public var sizeRatio: Double
    public var isBold: Bool
    public var isItalic: Bool
    /// Whether blank lines (or paragraph spacing) stand on both sides of it.
    public var isolated: Bool
    /// Drawn inside a ruled or shaded box (a boxed Summary or Recommendation panel).
    public var boxed: Bool
    /// What the source itself says this paragraph is, when it says (Word's "Heading 2" style or
    /// outline level, a tagged PDF's H2): level 1 is the top heading; nil for body text.
    public var headingLevel: Int?
    /// The source's style name, when it has one ("List Paragraph", "Title").
    public var styleName: String?

    public init(inlines: [Inline], marker: String? = nil, lines: [String], place: SourcePlace, indent: Double = 0, markerIndent: Double? = nil,
                sizeRatio: Double = 1, isBold: Bool = false, isItalic: Bool = false, isolated: Bool = false, boxed: Bool = false,
                headingLevel: Int? = nil, styleName: String? = nil) {
        self.inlines = inlines
        self.marker = marker
        self.lines = lines
        self.place = place
        self.indent = indent
        self.markerIndent = markerIndent
        self.sizeRatio = sizeRatio
        self.isBold = isBold
        self.isItalic = isItalic
        self.isolated = isolated
        self.boxed = boxed
        self.headingLevel = headingLevel
        self.styleName = styleName
    }

    /// The text without its marker, as one string.
    public var text: String { inlines.plainText }
}


/// A table as the source laid it out: a grid of cells, merged cells spanning, empty cells in
/// place. A ruled grid (lattice), a Word table, or columns of text aligned over several lines
/// (stream) all come out as this; a borderless two-column label/value block is one too, and
/// the rules decide whether it is a header block.
public struct ImportTable: Sendable {
    /// Rows of cells, every row as long as the grid is wide; a position another cell covers
    /// holds `ImportCell.covered`.
    public var rows: [[ImportCell]]
    /// Rows the source marks as heading the table (Word's repeated header rows, a PDF's
    /// shaded or bold first rows); 0 when it does not say.
    public var headerRows: Int
    /// Drawn with ruling lines (or a Word table); false for a table read from text alignment.
    public var ruled: Bool
    public var place: SourcePlace
    /// Whether a page break fell inside it (a table carried across pages, joined as one).
    public var continuesAcrossPages: Bool

    public init(rows: [[ImportCell]], headerRows: Int = 0, ruled: Bool, place: SourcePlace, continuesAcrossPages: Bool = false) {
        self.rows = rows
        self.headerRows = headerRows
        self.ruled = ruled
        self.place = place
        self.continuesAcrossPages = continuesAcrossPages
    }
}

/// One cell: its paragraphs (empty for an empty cell) and how far it spans.
public struct ImportCell: Sendable {
    public var paragraphs: [ImportParagraph]
    public var columnSpan: Int
    public var rowSpan: Int
    /// A position covered by a merged cell above or to the left: it holds nothing of its own.
    public var isCovered: Bool
    /// Right-aligned in the source (a column of figures).
    public var alignedRight: Bool

    public init(paragraphs: [ImportParagraph], columnSpan: Int = 1, rowSpan: Int = 1, alignedRight: Bool = false) {
        self.paragraphs = paragraphs
        self.columnSpan = columnSpan
        self.rowSpan = rowSpan
        self.isCovered = false
        self.alignedRight = alignedRight
    }

    /// A position covered by another cell.
    public static let covered: ImportCell = {
        var cell = ImportCell(paragraphs: [])
        cell.isCovered = true
        return cell
    }()

    /// The cell's text, its paragraphs joined by spaces.
    public var text: String { paragraphs.map(\.text).joined(separator: " ") }
}

/// An image the source holds (Word's `word/media`), written beside the imported source.
public struct ImportImage: Sendable {
    /// The file name to write it under, beside the source ("media/image1.png").
    public var name: String
    public var data: [UInt8]
    /// The text alternative the source gives (`wp:docPr descr`), empty when none.
    public var alt: String
    public var place: SourcePlace

    public init(name: String, data: [UInt8], alt: String, place: SourcePlace) {
        self.name = name
        self.data = data
        self.alt = alt
        self.place = place
    }
}
