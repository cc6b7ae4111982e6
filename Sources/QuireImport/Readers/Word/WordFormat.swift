import Foundation

/// Run formatting as one place states it (a style, a paragraph mark, a run): nil where that
/// place says nothing, so formats lay over one another from the document defaults up.
struct RunFormat {
    var bold: Bool?
    var italic: Bool?
    /// Points (`w:sz` is in half-points).
    var size: Double?
    /// `w:vanish`: hidden text, never printed.
    var hidden: Bool?
    var superscript: Bool?

    init() {}

    init(_ rPr: WordElement?) {
        guard let rPr else { return }
        bold = rPr.child("w:b")?.isOn
        italic = rPr.child("w:i")?.isOn
        size = rPr.child("w:sz")?.intValue.map { Double($0) / 2 }
        hidden = rPr.child("w:vanish")?.isOn
        if let align = rPr.child("w:vertAlign")?["w:val"] { superscript = align == "superscript" }
    }

    /// This format with `base` filling what it leaves unsaid.
    func over(_ base: RunFormat) -> RunFormat {
        var out = self
        out.bold = bold ?? base.bold
        out.italic = italic ?? base.italic
        out.size = size ?? base.size
        out.hidden = hidden ?? base.hidden
        out.superscript = superscript ?? base.superscript
        return out
    }
}

/// A paragraph's indents in twips (1/20 pt), as one place states them.
struct Indent {
    var left: Int?
    var hanging: Int?
    var firstLine: Int?

    init() {}

    init(_ ind: WordElement?) {
        guard let ind else { return }
        left = (ind["w:left"] ?? ind["w:start"]).flatMap { Int($0) }
        hanging = ind["w:hanging"].flatMap { Int($0) }
        firstLine = ind["w:firstLine"].flatMap { Int($0) }
    }

    func over(_ base: Indent) -> Indent {
        var out = Indent()
        out.left = left ?? base.left
        // Hanging and first-line indents are one setting: whichever this place gives wins.
        if hanging != nil || firstLine != nil {
            out.hanging = hanging
            out.firstLine = hanging == nil ? firstLine : nil
        } else {
            out.hanging = base.hanging
            out.firstLine = base.firstLine
        }
        return out
    }

    /// Where the text starts and where the first line (a list marker) starts, in points.
    var textStart: Double { Double(left ?? 0) / 20 }
    var firstLineStart: Double { Double((left ?? 0) - (hanging ?? 0) + (firstLine ?? 0)) / 20 }
}

/// Paragraph properties as one place states them.
struct ParagraphFormat {
    /// `w:outlineLvl`: 0 is a top-level heading, 9 body text.
    var outlineLevel: Int?
    var numID: String?
    var level: Int?
    var indent = Indent()
    /// Borders drawn round it, or a shading fill: a boxed panel.
    var boxed: Bool?
    /// Space before and after, in twips; `contextual`: none between paragraphs of one style.
    var spaceBefore: Int?
    var spaceAfter: Int?
    var contextual: Bool?
    /// `w:jc`: "left", "center", "right", "both" (justified), "start", "end".
    var alignment: String?

    init() {}

    /// Right-aligned (a column of figures).
    var alignedRight: Bool { alignment == "right" || alignment == "end" }

    init(_ pPr: WordElement?) {
        guard let pPr else { return }
        outlineLevel = pPr.child("w:outlineLvl")?.intValue
        if let numPr = pPr.child("w:numPr") {
            numID = numPr.child("w:numId")?["w:val"]
            level = numPr.child("w:ilvl")?.intValue
        }
        indent = Indent(pPr.child("w:ind"))
        if let spacing = pPr.child("w:spacing") {
            spaceBefore = spacing["w:before"].flatMap { Int($0) } ?? (spacing["w:beforeAutospacing"].map { _ in 280 })
            spaceAfter = spacing["w:after"].flatMap { Int($0) } ?? (spacing["w:afterAutospacing"].map { _ in 280 })
        }
        contextual = pPr.child("w:contextualSpacing")?.isOn
        alignment = pPr.child("w:jc")?["w:val"]
        let bordered = pPr.child("w:pBdr").map { borders in borders.children.contains { drawsLine($0) } }
        let shaded = pPr.child("w:shd").map(isShaded)
        if bordered != nil || shaded != nil { boxed = (bordered ?? false) || (shaded ?? false) }
    }

    func over(_ base: ParagraphFormat) -> ParagraphFormat {
        var out = self
        out.outlineLevel = outlineLevel ?? base.outlineLevel
        out.numID = numID ?? base.numID
        out.level = level ?? base.level
        out.indent = indent.over(base.indent)
        out.boxed = boxed ?? base.boxed
        out.spaceBefore = spaceBefore ?? base.spaceBefore
        out.spaceAfter = spaceAfter ?? base.spaceAfter
        out.contextual = contextual ?? base.contextual
        out.alignment = alignment ?? base.alignment
        return out
    }
}

/// Whether a border element (`w:top`, `w:insideH`, …) draws a line.
func drawsLine(_ border: WordElement) -> Bool {
    guard let value = border["w:val"]?.lowercased() else { return false }
    return !["nil", "none"].contains(value)
}

/// Whether a `w:shd` fills with a colour (not white, not automatic).
func isShaded(_ shading: WordElement) -> Bool {
    if shading["w:val"]?.lowercased() == "nil" { return false }
    guard let fill = shading["w:fill"]?.uppercased() else { return false }
    return !["AUTO", "FFFFFF", ""].contains(fill)
}
