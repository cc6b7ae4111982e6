public import QuireModel
public import QuirePages

/// Character style of a span of text.
public struct SpanStyle: Hashable, Sendable {
    public var bold = false
    public var italic = false
    public var monospace = false
    /// A link target; the shaper reports where the span lands so links become clickable.
    public var link: String?
    /// Set smaller and raised (a note's number at its reference): `superscriptScale` of the
    /// paragraph's size, its baseline `superscriptRise` of the size higher.
    public var superscript = false
    /// A footnote referenced here, with its text: an empty span that the collector replaces
    /// by the note's number in superscript before shaping, so a shaper never sees it.
    public var note: [Inline]?
    /// The span's own colour (a coloured header value or run-in lead); nil: the paragraph's.
    public var color: Color?

    public init(bold: Bool = false, italic: Bool = false, monospace: Bool = false, link: String? = nil, superscript: Bool = false,
                color: Color? = nil) {
        self.bold = bold
        self.italic = italic
        self.monospace = monospace
        self.link = link
        self.superscript = superscript
        self.color = color
    }

    /// A superscript's size, as a fraction of the text's.
    public static let superscriptScale = 0.65
    /// How far a superscript's baseline is raised, as a fraction of the text's size.
    public static let superscriptRise = 0.35
}

/// A styled stretch of `StyledText`, as UTF-8 byte offsets.
public struct StyledSpan: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public var style: SpanStyle
}

/// Plain text with style spans; what a paragraph becomes before shaping.
public struct StyledText: Hashable, Sendable {
    public private(set) var text = ""
    public private(set) var spans: [StyledSpan] = []

    public init() {}
    public init(_ text: String, style: SpanStyle = SpanStyle()) { append(text, style: style) }

    /// Appends a styled piece; an empty one only as a note reference, which holds its place.
    public mutating func append(_ piece: String, style: SpanStyle) {
        guard !piece.isEmpty || style.note != nil else { return }
        let start = text.utf8.count
        text += piece
        let end = text.utf8.count
        // Two references side by side stay two notes, even to the same text.
        if let last = spans.last, last.style == style, last.end == start, style.note == nil {
            spans[spans.count - 1].end = end
        } else {
            spans.append(StyledSpan(start: start, end: end, style: style))
        }
    }

    /// No text and no note reference.
    public var isEmpty: Bool { text.isEmpty && !hasNotes }

    /// Whether a note is referenced in it (numbered by the collector before shaping).
    public var hasNotes: Bool { spans.contains { $0.style.note != nil } }

    /// Appends another styled text, its spans kept.
    public mutating func append(_ other: StyledText) {
        let bytes = Array(other.text.utf8)
        for span in other.spans { append(String(decoding: bytes[span.start..<span.end], as: UTF8.self), style: span.style) }
    }

    /// The same text with each span's text and style changed by `change` (spans whose text
    /// changes length, such as text put in capitals, stay in order).
    public func mapSpans(_ change: (String, SpanStyle) -> (String, SpanStyle)) -> StyledText {
        let bytes = Array(text.utf8)
        var out = StyledText()
        for span in spans {
            let (piece, style) = change(String(decoding: bytes[span.start..<span.end], as: UTF8.self), span.style)
            out.append(piece, style: style)
        }
        return out
    }
}

/// How lines of a paragraph sit in its width.
public enum TextAlignment: Hashable, Sendable { case left, justify, center, right }

/// One paragraph to shape: text, font, width and alignment. Widths never depend on the page
/// a paragraph lands on, so all paragraphs can be shaped before (and apart from) pagination.
public struct ParagraphSpec: Hashable, Sendable {
    public var text: StyledText
    public var family: String
    /// The family of `monospace` spans (inline code), chosen by the theme (`code.font`).
    public var codeFamily: String
    public var size: Double
    public var color: Color
    public var width: Double
    /// Where lines sit in the width. A shaper only places `left`, `center` and `right` lines;
    /// `justify` lines it leaves at the left, and layout widens them (`shapeAligned`).
    public var alignment: TextAlignment

    public init(text: StyledText, family: String, codeFamily: String = CodeStyle().family, size: Double, color: Color = .black,
                width: Double, alignment: TextAlignment) {
        self.text = text
        self.family = family
        self.codeFamily = codeFamily
        self.size = size
        self.color = color
        self.width = width
        self.alignment = alignment
    }
}

/// A link's horizontal extent on a line.
public struct LineLink: Hashable, Sendable {
    public var url: String
    public var x: Double
    public var width: Double
    public init(url: String, x: Double, width: Double) { self.url = url; self.x = x; self.width = width }
}

/// A broken line: glyph runs positioned on a baseline at y = 0.
public struct ShapedLine: Hashable, Sendable {
    public var runs: [Positioned<GlyphRun>]
    /// Advance width of the line's content.
    public var width: Double
    public var ascent: Double
    public var descent: Double
    public var links: [LineLink]
    /// Whether the line ends its paragraph: the text's last line, or the last before a hard
    /// break. The shaper knows where it broke; layout needs it to justify (such a line keeps
    /// its natural width).
    public var endsParagraph: Bool

    public init(runs: [Positioned<GlyphRun>], width: Double, ascent: Double, descent: Double, links: [LineLink], endsParagraph: Bool) {
        self.runs = runs
        self.width = width
        self.ascent = ascent
        self.descent = descent
        self.links = links
        self.endsParagraph = endsParagraph
    }
}

/// A paragraph broken into lines.
public struct ShapedParagraph: Hashable, Sendable {
    public var lines: [ShapedLine]
    public init(lines: [ShapedLine]) { self.lines = lines }
}

/// Shapes paragraphs and breaks them into lines: the port the layout needs from a text
/// backend (Pango in production, a fixed-pitch shaper in layout tests). Takes a whole batch,
/// so a backend may shape in parallel. A backend only breaks and shapes: it leaves justified
/// lines at their natural width and says which lines end a paragraph; layout calls it
/// through `shapeAligned`, which justifies.
public protocol TextShaper: Sendable {
    func shape(_ paragraphs: [ParagraphSpec]) -> [ShapedParagraph]
}
