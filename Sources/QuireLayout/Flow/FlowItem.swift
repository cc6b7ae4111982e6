import QuirePages

/// An unbreakable horizontal strip of the text column: one line of a paragraph, one table
/// row, one line of a header-block row. Pages break only between slices.
struct Slice {
    /// Content relative to the slice's top-left corner; the width is the column's.
    var frame: Frame
    var height: Double
    /// Whether a page may end right after this slice. Widow/orphan control, keep-with-next
    /// for headings and keep-together for the header block all come down to this flag.
    var breakAfter: Bool
    /// If a page starts at this slice, first repeat these slices (a table's header row).
    var repeatedHeader: [Slice] = []
    /// Footnotes referred to in this slice: each set at the foot of the page the slice lands
    /// on (`NoteArea`), so the page has that much less room for the body.
    var notes: [Slice] = []
    /// A bookmark anchored at the top of this slice.
    var bookmark: (title: String, level: Int)?
    /// The text alternative of a figure (chart) this slice holds.
    var figure: String?
    /// Where in the source the slice came from, for diagnostics.
    var line: Int?
}

/// What the distributor places into pages.
enum FlowItem {
    case slice(Slice)
    /// Vertical space; dropped at the top of a page.
    case space(Double)
    case pageBreak
    /// Opens or closes a structure element around the slices between (a list around its
    /// items). Folded into the neighbouring slices before distribution (`MarkFolder`).
    case open(StructureTag)
    case close

    var isMark: Bool {
        switch self {
        case .open, .close: true
        default: false
        }
    }
}

/// A page's body before numbering: its content frame, bookmarks and figures.
struct BodyPage {
    var frame: Frame
    var bookmarks: [(title: String, level: Int, y: Double)]
    var figures: [(alt: String, y: Double, height: Double)] = []
}
