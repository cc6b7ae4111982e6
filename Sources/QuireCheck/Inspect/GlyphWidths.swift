/// A font's glyph advances in thousandths of text space, where the font states them: simple
/// fonts' /FirstChar + /Widths, CID fonts' /DW + /W. They let the text reader see the gap
/// between two separately placed runs on one line, which PDF text does not spell as a space.
struct GlyphWidths {
    private var widths: [UInt32: Double] = [:]
    private var missing: Double

    /// Type1/TrueType/Type3; nil without /Widths (the standard 14 may omit them).
    static func simple(_ font: PDFObject, type3: Bool) -> GlyphWidths? {
        guard let list = font["Widths"]?.items, !list.isEmpty, let first = font["FirstChar"]?.int, (0...0xFFFF).contains(first) else { return nil }
        // Type3 widths are in glyph space; its /FontMatrix (usually 0.001) says how big that is.
        let scale = type3 ? (font["FontMatrix"]?.items.first?.number).map { $0 * 1000 } ?? 1 : 1
        var widths = GlyphWidths(missing: (font["FontDescriptor"]?["MissingWidth"]?.number ?? 0) * scale)
        for (offset, width) in list.prefix(0x10000).enumerated() {
            if let value = width.number { widths.widths[UInt32(first + offset)] = value * scale }
        }
        return widths
    }

    /// A CIDFont (a Type0's descendant): `/W [c [w1 w2 …] cFirst cLast w …]`, /DW the rest.
    static func cid(_ font: PDFObject) -> GlyphWidths {
        var widths = GlyphWidths(missing: font["DW"]?.number ?? 1000)
        let list = font["W"]?.items ?? []
        var i = 0
        while i < list.count, widths.widths.count < 0x10000 {
            guard let start = list[i].int, (0...0xFFFF).contains(start) else {
                i += 1
                continue
            }
            if i + 1 < list.count, list[i + 1].isArray {
                for (offset, width) in list[i + 1].items.prefix(0x10000).enumerated() {
                    if let value = width.number { widths.widths[UInt32(start + offset)] = value }
                }
                i += 2
            } else if i + 2 < list.count, let end = list[i + 1].int, let value = list[i + 2].number {
                if end >= start {
                    for cid in start...min(end, start + 0xFFFF) { widths.widths[UInt32(cid)] = value }
                }
                i += 3
            } else {
                i += 1
            }
        }
        return widths
    }

    func width(_ code: UInt32) -> Double { widths[code] ?? missing }
}
