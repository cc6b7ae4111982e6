public import QuirePages

/// A deterministic shaper for layout tests and dumps: every character advances half an em,
/// lines break at spaces, ascent 0.8 em, descent 0.2 em. Page-tree snapshots made with it do
/// not change when Pango, HarfBuzz or the fonts change. Like the Pango shaper it only breaks
/// and places lines (justified ones at the left) and marks each paragraph's last line; layout
/// justifies, the same way for both.
public struct FixedPitchShaper: TextShaper {
    public init() {}

    public func shape(_ paragraphs: [ParagraphSpec]) -> [ShapedParagraph] {
        paragraphs.map(shape)
    }

    private func shape(_ spec: ParagraphSpec) -> ShapedParagraph {
        let advance = spec.size / 2
        let maxChars = max(1, Int((spec.width / advance).rounded(.down)))
        var lines: [ShapedLine] = []
        for hardLine in spec.text.text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in hardLine.split(separator: " ") {
                let candidate = current.isEmpty ? String(word) : current + " " + word
                if candidate.count > maxChars, !current.isEmpty {
                    lines.append(line(current, spec: spec, advance: advance, endsParagraph: false))
                    current = String(word)
                } else {
                    current = candidate
                }
            }
            // The text's end, or a hard break: the paragraph's last line.
            lines.append(line(current, spec: spec, advance: advance, endsParagraph: true))
        }
        return ShapedParagraph(lines: lines)
    }

    private func line(_ text: String, spec: ParagraphSpec, advance: Double, endsParagraph: Bool) -> ShapedLine {
        let width = Double(text.count) * advance
        var glyphs: [Glyph] = []
        var offset: Int32 = 0
        for (i, ch) in text.enumerated() {
            glyphs.append(Glyph(id: UInt32(ch.unicodeScalars.first!.value), x: Float(Double(i) * advance), y: 0, cluster: offset))
            offset += Int32(String(ch).utf8.count)
        }
        let x: Double
        switch spec.alignment {
        case .center: x = (spec.width - width) / 2
        case .right: x = spec.width - width
        case .left, .justify: x = 0
        }
        let run = GlyphRun(font: FontRef(family: spec.family, size: spec.size), color: spec.color, text: text, glyphs: glyphs, width: width)
        return ShapedLine(runs: [Positioned(run, at: Point(x: x, y: 0))], width: width, ascent: spec.size * 0.8, descent: spec.size * 0.2, links: [],
                          endsParagraph: endsParagraph)
    }
}
