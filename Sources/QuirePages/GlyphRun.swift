/// A font as the page tree names it: family, style and size. The backend resolves it to the
/// same face it shaped with, so the tree stays free of backend handles.
public struct FontRef: Hashable, Sendable, CustomStringConvertible {
    public var family: String
    public var bold: Bool
    public var italic: Bool
    public var size: Double

    public init(family: String, bold: Bool = false, italic: Bool = false, size: Double) {
        self.family = family
        self.bold = bold
        self.italic = italic
        self.size = size
    }

    public var description: String {
        family + (bold ? " Bold" : "") + (italic ? " Italic" : "") + " \(formatNumber(size))"
    }
}

/// One shaped glyph: its id in the font, its pen position relative to the run's origin, and
/// the UTF-8 offset in the run's text where its cluster starts (for text extraction).
public struct Glyph: Hashable, Sendable {
    public var id: UInt32
    public var x: Float
    public var y: Float
    public var cluster: Int32

    public init(id: UInt32, x: Float, y: Float, cluster: Int32) {
        self.id = id
        self.x = x
        self.y = y
        self.cluster = cluster
    }
}

/// Shaped text exactly as measured: drawn glyph for glyph, with its source text so PDF text
/// extraction (and screen readers) get the words back.
public struct GlyphRun: Hashable, Sendable {
    public var font: FontRef
    public var color: Color
    public var text: String
    public var glyphs: [Glyph]
    public var width: Double

    public init(font: FontRef, color: Color, text: String, glyphs: [Glyph], width: Double) {
        self.font = font
        self.color = color
        self.text = text
        self.glyphs = glyphs
        self.width = width
    }
}
