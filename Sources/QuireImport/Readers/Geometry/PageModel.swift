/// How a word is set, as far as a reader can see it. A text export sees none of it
/// (`WordStyle.unknown`); a PDF gives the font's size, weight, slant and colour.
struct WordStyle: Hashable, Sendable {
    /// Points; 0 when the reader cannot tell (a text export).
    var size: Double
    var bold: Bool
    var italic: Bool
    /// 0xRRGGBB.
    var colour: UInt32

    static let unknown = WordStyle(size: 0, bold: false, italic: false, colour: 0)
}

/// One word on a page: its text and its box, in points from the page's top left. A text
/// export's words sit on a grid of character columns (`TextGrid`), a PDF's where poppler
/// found their glyphs.
struct PageWord: Sendable {
    var text: String
    var x0: Double
    var x1: Double
    var top: Double
    var bottom: Double
    var style: WordStyle

    var width: Double { x1 - x0 }
}

/// One line of a page: its words left to right, and the source line a person would look it
/// up by (the text export's line; for a PDF, the line counted through the document).
struct PageLine: Sendable {
    var words: [PageWord]
    var number: Int
    var page: Int

    var x0: Double { words.first?.x0 ?? 0 }
    var x1: Double { words.map(\.x1).max() ?? 0 }
    var top: Double { words.map(\.top).min() ?? 0 }
    var bottom: Double { words.map(\.bottom).max() ?? 0 }
    var height: Double { bottom - top }
    /// The largest font size on the line (0 from a text export).
    var size: Double { words.map(\.style.size).max() ?? 0 }
}

/// A straight line drawn on a page (a table rule, an underline, a box's side), in points from
/// the page's top left; horizontal or vertical, as only those make tables.
struct PageRule: Sendable, Equatable {
    enum Direction: Sendable { case horizontal, vertical }
    var direction: Direction
    /// Where it runs across (x for a vertical rule, y for a horizontal one) …
    var position: Double
    /// … and the span it covers along its length.
    var start: Double
    var end: Double
}

/// A filled or outlined rectangle on a page (a shaded panel, a shaded table cell, a box round
/// a summary), in points from the page's top left.
struct PageBox: Sendable, Equatable {
    var x0: Double
    var x1: Double
    var top: Double
    var bottom: Double
    /// The fill colour (0xRRGGBB), nil for an outline only.
    var fill: UInt32?

    func contains(_ word: PageWord, tolerance: Double = 1) -> Bool {
        let cx = (word.x0 + word.x1) / 2, cy = (word.top + word.bottom) / 2
        return cx > x0 - tolerance && cx < x1 + tolerance && cy > top - tolerance && cy < bottom + tolerance
    }
}

/// Which reader built a page: what its geometry can be trusted for.
enum PageRoute: Sendable {
    /// A `pdftotext -layout` export: words on a grid of character columns, no fonts, no rules;
    /// words inside a run of text are packed one space apart whatever their real width.
    case text
    /// A PDF read with poppler: real boxes and fonts, rules and boxes from the content stream.
    case pdf
}

/// One page as a reader saw it: lines of words, rules and boxes. The readers for both routes
/// build this, and one set of geometry passes (`readPages`) turns it into blocks.
struct ReadPage: Sendable {
    var number: Int
    var width: Double
    var height: Double
    var route: PageRoute
    var lines: [PageLine]
    var rules: [PageRule] = []
    var boxes: [PageBox] = []
}
