/// How a word is set, as far as a reader can see it. A text export sees none of it
/// (`WordStyle.unknown`); a PDF gives the font's size, weight, slant and colour.
package struct WordStyle: Hashable, Sendable {
    /// Points; 0 when the reader cannot tell (a text export).
    package var size: Double
    package var bold: Bool
    package var italic: Bool
    /// 0xRRGGBB.
    package var colour: UInt32

    package static let unknown = WordStyle(size: 0, bold: false, italic: false, colour: 0)

    // Written out: a memberwise initialiser is internal, and the PDF reader builds these.
    package init(size: Double, bold: Bool, italic: Bool, colour: UInt32) {
        self.size = size
        self.bold = bold
        self.italic = italic
        self.colour = colour
    }
}

/// One word on a page: its text and its box, in points from the page's top left. A text
/// export's words sit on a grid of character columns (`TextGrid`), a PDF's where poppler
/// found their glyphs.
package struct PageWord: Sendable {
    package var text: String
    package var x0: Double
    package var x1: Double
    package var top: Double
    package var bottom: Double
    package var style: WordStyle

    package var width: Double { x1 - x0 }

    package init(text: String, x0: Double, x1: Double, top: Double, bottom: Double, style: WordStyle) {
        self.text = text
        self.x0 = x0
        self.x1 = x1
        self.top = top
        self.bottom = bottom
        self.style = style
    }
}

/// One line of a page: its words left to right, and the source line a person would look it
/// up by (the text export's line; for a PDF, the line counted through the document).
package struct PageLine: Sendable {
    package var words: [PageWord]
    package var number: Int
    package var page: Int

    package var x0: Double { words.first?.x0 ?? 0 }
    package var x1: Double { words.map(\.x1).max() ?? 0 }
    package var top: Double { words.map(\.top).min() ?? 0 }
    package var bottom: Double { words.map(\.bottom).max() ?? 0 }
    package var height: Double { bottom - top }
    /// The largest font size on the line (0 from a text export).
    package var size: Double { words.map(\.style.size).max() ?? 0 }

    package init(words: [PageWord], number: Int, page: Int) {
        self.words = words
        self.number = number
        self.page = page
    }
}

/// A straight line drawn on a page (a table rule, an underline, a box's side), in points from
/// the page's top left; horizontal or vertical, as only those make tables.
package struct PageRule: Sendable, Equatable {
    package enum Direction: Sendable { case horizontal, vertical }
    package var direction: Direction
    /// Where it runs across (x for a vertical rule, y for a horizontal one) …
    package var position: Double
    /// … and the span it covers along its length.
    package var start: Double
    package var end: Double

    package init(direction: Direction, position: Double, start: Double, end: Double) {
        self.direction = direction
        self.position = position
        self.start = start
        self.end = end
    }
}

/// A filled or outlined rectangle on a page (a shaded panel, a shaded table cell, a box round
/// a summary), in points from the page's top left.
package struct PageBox: Sendable, Equatable {
    package var x0: Double
    package var x1: Double
    package var top: Double
    package var bottom: Double
    /// The fill colour (0xRRGGBB), nil for an outline only.
    package var fill: UInt32?

    package func contains(_ word: PageWord, tolerance: Double = 1) -> Bool {
        let cx = (word.x0 + word.x1) / 2, cy = (word.top + word.bottom) / 2
        return cx > x0 - tolerance && cx < x1 + tolerance && cy > top - tolerance && cy < bottom + tolerance
    }

    package init(x0: Double, x1: Double, top: Double, bottom: Double, fill: UInt32?) {
        self.x0 = x0
        self.x1 = x1
        self.top = top
        self.bottom = bottom
        self.fill = fill
    }
}

/// Which reader built a page: what its geometry can be trusted for.
package enum PageRoute: Sendable {
    /// A `pdftotext -layout` export: words on a grid of character columns, no fonts, no rules;
    /// words inside a run of text are packed one space apart whatever their real width.
    case text
    /// A PDF read with poppler: real boxes and fonts, rules and boxes from the content stream.
    case pdf
}

/// One page as a reader saw it: lines of words, rules and boxes. The readers for both routes
/// build this, and one set of geometry passes (`readPages`) turns it into blocks.
package struct ReadPage: Sendable {
    package var number: Int
    package var width: Double
    package var height: Double
    package var route: PageRoute
    package var lines: [PageLine]
    package var rules: [PageRule] = []
    package var boxes: [PageBox] = []

    package init(number: Int, width: Double, height: Double, route: PageRoute, lines: [PageLine], rules: [PageRule] = [], boxes: [PageBox] = []) {
        self.number = number
        self.width = width
        self.height = height
        self.route = route
        self.lines = lines
        self.rules = rules
        self.boxes = boxes
    }
}
