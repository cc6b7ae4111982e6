@testable import QuireLayout
import QuirePages
import Testing

@Suite("Justification")
struct JustifyTests {
    /// "ab cd ef " at 10 pt per character, the trailing space zero-width as Pango leaves it.
    func line() -> ShapedLine {
        let text = "ab cd ef "
        let glyphs = text.utf8.indices.enumerated().map { index, _ in Glyph(id: 1, x: Float(index * 10), y: 0, cluster: Int32(index)) }
        let run = GlyphRun(font: FontRef(family: "T", size: 10), color: .black, text: text, glyphs: glyphs, width: 80)
        return ShapedLine(runs: [Positioned(run, at: .zero)], width: 80, ascent: 8, descent: 2,
                          links: [LineLink(url: "x", x: 30, width: 20)], endsParagraph: false)
    }

    @Test("extra width goes equally into the inner spaces, not the trailing one")
    func widensInnerSpaces() {
        let out = justified(line(), width: 100)
        let xs = out.runs[0].item.glyphs.map(\.x)
        #expect(xs == [0, 10, 20, 40, 50, 60, 80, 90, 100])
        #expect(out.width == 100)
        #expect(out.runs[0].item.width == 100)
        #expect(out.links[0].x == 40 && out.links[0].width == 20)  // "cd" moved by one space
    }

    @Test("a line already full, or without spaces, is unchanged")
    func unchanged() {
        #expect(justified(line(), width: 80) == line())
        let word = GlyphRun(font: FontRef(family: "T", size: 10), color: .black, text: "abc", glyphs: [Glyph(id: 1, x: 0, y: 0, cluster: 0)], width: 10)
        let single = ShapedLine(runs: [Positioned(word, at: .zero)], width: 10, ascent: 8, descent: 2, links: [], endsParagraph: false)
        #expect(justified(single, width: 50) == single)
    }

    /// A justified paragraph of two hard lines, 20 characters to a line of the fixed-pitch shaper.
    let spec = ParagraphSpec(text: StyledText("aaa bbb ccc ddd eee fff ggg hhh\nend of part one\nlast"), family: "T", size: 10,
                             width: 100, alignment: .justify)

    @Test("the fixed-pitch shaper breaks at the left and says which lines end a paragraph")
    func shaperOnlyBreaks() {
        let lines = FixedPitchShaper().shape([spec])[0].lines
        #expect(lines.map { $0.runs.map(\.item.text).joined() } == ["aaa bbb ccc ddd eee", "fff ggg hhh", "end of part one", "last"])
        #expect(lines.map(\.endsParagraph) == [false, true, true, true])
        #expect(lines.map(\.width) == [95, 55, 75, 20])  // natural widths: the shaper does not justify
    }

    @Test("layout justifies every line but a paragraph's last and the last before a hard break")
    func layoutJustifies() {
        let lines = FixedPitchShaper().shapeAligned([spec])[0].lines
        #expect(lines.map(\.width) == [100, 55, 75, 20])
        // The 5 pt left over go into the four inner spaces of the first line.
        #expect(lines[0].runs[0].item.glyphs.map(\.x)[4] == 21.25)
        var ragged = spec
        ragged.alignment = .left
        #expect(FixedPitchShaper().shapeAligned([ragged])[0].lines.map(\.width) == [95, 55, 75, 20])
    }
}
