public import QuirePages

/// The small drawing protocol a backend implements (cf. SILE's outputters). Coordinates are
/// absolute page points, y down. Keep it dumb: all decisions were made in layout.
public protocol Canvas {
    mutating func beginPage(size: Size)
    mutating func drawGlyphs(_ run: GlyphRun, at origin: Point)
    mutating func drawLine(from: Point, to: Point, width: Double, color: Color)
    mutating func fill(_ rect: Rect, color: Color)
    mutating func drawImage(path: String, in rect: Rect)
    /// Page `index` (0-based) of an existing PDF, as vectors (its text stays text).
    mutating func drawPDFPage(path: String, index: Int, in rect: Rect)
    /// Page `index` of a tagged PDF with its structure, under the element open now (a canvas
    /// that writes no structure draws it as `drawPDFPage` does).
    mutating func placeTaggedPDFPage(path: String, index: Int, in rect: Rect)
    mutating func addLink(url: String, in rect: Rect)
    /// A link to a place in the same document: 0-based page index, y from that page's top.
    mutating func addPageLink(pageIndex: Int, y: Double, in rect: Rect)
    /// Structure: what is drawn until the matching `endTag` belongs to the element. Tags nest
    /// and may stay open across pages; a canvas without structure (PNG) ignores them.
    mutating func beginTag(_ tag: StructureTag)
    mutating func endTag()
    mutating func endPage()
}
