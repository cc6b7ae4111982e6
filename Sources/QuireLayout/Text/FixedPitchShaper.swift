public import QuirePages

/// A deterministic shaper for layout tests and dumps: every character advances half an em,
/// lines break at spaces (a word longer than the line overflows it), ascent 0.8 em, descent
/// 0.2 em. Page-tree snapshots made with it do not change when Pango, HarfBuzz or the fonts
/// change. Like the Pango shaper it only breaks and places lines (justified ones at the left),
/// marks each paragraph's last line, gives each styled stretch its own run (bold, italic, the
/// code font) and reports where links land; layout justifies, the same way for both. A
/// superscript (a note's number) is set at `SpanStyle.superscriptScale` and raised, as Pango's is.
public struct FixedPitchShaper: TextShaper {
    public init() {}

    public func shape(_ paragraphs: [ParagraphSpec]) -> [ShapedParagraph] {
        paragraphs.map(shape)
    }

    private func shape(_ spec: ParagraphSpec) -> ShapedParagraph {
        let advance = spec.size / 2
        let maxChars = max(1, Int((spec.width / advance).rounded(.down)))
        var lines: [ShapedLine] = []
        var hardStart = 0  // UTF-8 offset of the hard line in the paragraph's text
        for hardLine in spec.text.text.split(separator: "\n", omittingEmptySubsequences: false) {
            // Spaces inside a line are kept as written (a code block's indentation); only the
            // space a line breaks at is dropped.
            var current = "", currentStart = hardStart, wordStart = hardStart
            for (index, word) in hardLine.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
                let candidate = index == 0 ? String(word) : current + " " + word
                if candidate.count > maxChars, !current.isEmpty {
                    lines.append(line(current, at: currentStart, spec: spec, advance: advance, endsParagraph: false))
                    current = String(word)
                    currentStart = wordStart
                } else {
                    current = candidate
                }
                wordStart += word.utf8.count + 1
            }
            // The text's end, or a hard break: the paragraph's last line.
            lines.append(line(current, at: currentStart, spec: spec, advance: advance, endsParagraph: true))
            hardStart += hardLine.utf8.count + 1
        }
        return ShapedParagraph(lines: lines)
    }

    /// One line: `text` starts at UTF-8 offset `start` of the paragraph's text, which says
    /// which style spans (and links) it crosses.
    private func line(_ text: String, at start: Int, spec: ParagraphSpec, advance: Double, endsParagraph: Bool) -> ShapedLine {
        let pieces = styledPieces(text, at: start, spec.text.spans)
        // A superscript (a note's number) is set smaller: its characters advance less.
        func pieceAdvance(_ style: SpanStyle) -> Double { style.superscript ? advance * SpanStyle.superscriptScale : advance }
        let width = pieces.reduce(0) { $0 + Double($1.1.count) * pieceAdvance($1.0) }
        let x: Double
        switch spec.alignment {
        case .center: x = (spec.width - width) / 2
        case .right: x = spec.width - width
        case .left, .justify: x = 0
        }
        var runs: [Positioned<GlyphRun>] = []
        var links: [LineLink] = []
        var pen = x
        for (style, piece) in pieces {
            let step = pieceAdvance(style)
            var glyphs: [Glyph] = []
            var cluster: Int32 = 0
            for (i, ch) in piece.enumerated() {
                glyphs.append(Glyph(id: UInt32(ch.unicodeScalars.first!.value), x: Float(Double(i) * step), y: 0, cluster: cluster))
                cluster += Int32(String(ch).utf8.count)
            }
            let size = style.superscript ? spec.size * SpanStyle.superscriptScale : spec.size
            let font = FontRef(family: style.monospace ? spec.codeFamily : spec.family, bold: style.bold, italic: style.italic, size: size)
            let runWidth = Double(piece.count) * step
            let rise = style.superscript ? -spec.size * SpanStyle.superscriptRise : 0
            runs.append(Positioned(GlyphRun(font: font, color: style.color ?? spec.color, text: piece, glyphs: glyphs, width: runWidth), at: Point(x: pen, y: rise)))
            if let url = style.link {
                if let last = links.last, last.url == url, abs(last.x + last.width - pen) < 0.001 {
                    links[links.count - 1].width += runWidth
                } else {
                    links.append(LineLink(url: url, x: pen, width: runWidth))
                }
            }
            pen += runWidth
        }
        if runs.isEmpty {
            // An empty line still has a (glyphless) run, so it has the paragraph's font.
            let font = FontRef(family: spec.family, size: spec.size)
            runs.append(Positioned(GlyphRun(font: font, color: spec.color, text: "", glyphs: [], width: 0), at: Point(x: x, y: 0)))
        }
        return ShapedLine(runs: runs, width: width, ascent: spec.size * 0.8, descent: spec.size * 0.2, links: links,
                          endsParagraph: endsParagraph)
    }

    /// The line's text cut where its style changes, each piece with its style.
    private func styledPieces(_ text: String, at start: Int, _ spans: [StyledSpan]) -> [(SpanStyle, String)] {
        let bytes = Array(text.utf8)
        let end = start + bytes.count
        var pieces: [(SpanStyle, String)] = []
        var covered = start
        for span in spans where span.end > start && span.start < end {
            let a = max(span.start, start), b = min(span.end, end)
            if a > covered { pieces.append((SpanStyle(), String(decoding: bytes[(covered - start)..<(a - start)], as: UTF8.self))) }
            pieces.append((span.style, String(decoding: bytes[(a - start)..<(b - start)], as: UTF8.self)))
            covered = b
        }
        if covered < end { pieces.append((SpanStyle(), String(decoding: bytes[(covered - start)...], as: UTF8.self))) }
        // Pieces of one style next to each other (a span cut by a line break) are one run.
        var merged: [(SpanStyle, String)] = []
        for piece in pieces where !piece.1.isEmpty {
            if let last = merged.last, last.0 == piece.0 { merged[merged.count - 1].1 += piece.1 } else { merged.append(piece) }
        }
        return merged
    }
}
