@testable import QuireLayout
import QuireModel
import QuirePages
import Testing

@Suite("Numbering")
struct NumberingTests {
    @Test("sections number 1., 2.; paragraphs (1), (2) restart in each section")
    func parenthesized() throws {
        let source = "# Intro\n\nOne.\n\nTwo.\n\n# Next\n\nThree.\n"
        let lines = pageLines(layout(try paper(source), testTheme(lines: 40)).document).flatMap { $0 }
        #expect(lines.contains("1. Intro"))
        #expect(lines.contains("(1) One."))
        #expect(lines.contains("(2) Two."))
        #expect(lines.contains("2. Next"))
        #expect(lines.contains("(1) Three."))
        // The closing section from front matter continues the numbering.
        #expect(lines.contains("3. Background documents"))
    }

    @Test("decimal style numbers paragraphs 1.1, 1.2, 2.1")
    func decimal() throws {
        var theme = testTheme(lines: 40)
        theme.numbering.paragraphs = .decimal
        let lines = pageLines(layout(try paper("# A\n\nOne.\n\nTwo.\n\n# B\n\nThree.\n"), theme).document).flatMap { $0 }
        #expect(lines.contains("1.1 One."))
        #expect(lines.contains("1.2 Two."))
        #expect(lines.contains("2.1 Three."))
    }

    @Test("a duplicate number in the source cannot happen: numbers come from order")
    func noDuplicates() throws {
        let body = "# Findings\n\n" + (1...12).map { "Paragraph \($0)." }.joined(separator: "\n\n")
        let lines = pageLines(layout(try paper(body), testTheme(lines: 80)).document).flatMap { $0 }
        let labels = lines.compactMap { $0.split(separator: " ").first.map(String.init) }.filter { $0.hasPrefix("(") }
        #expect(labels == (1...12).map { "(\($0))" })
    }

    @Test("an ordered list after a paragraph becomes lettered sub-items, nested lists roman")
    func subItems() throws {
        let source = "# Recommendations\n\nCouncil is asked to:\n\n1. COMMENT on it\n2. NOTE it\n   1. first\n   2. second\n"
        let page = layout(try paper(source), testTheme(lines: 40)).document.pages[0]
        let lines = pageLines(layout(try paper(source), testTheme(lines: 40)).document).flatMap { $0 }
        #expect(lines.contains("(1) Council is asked to:"))
        #expect(lines.contains("(a) COMMENT on it"))
        #expect(lines.contains("(b) NOTE it"))
        #expect(lines.contains("(i) first"))
        #expect(lines.contains("(ii) second"))
        // Hanging indents: the letter sits where paragraph text starts, its text one step in.
        let x = { (text: String) in page.frame.items.first { if case .glyphs(let r) = $0.item { r.text == text } else { false } }!.point.x }
        #expect(x("(a)") == x("Council is asked to:"))
        #expect(x("COMMENT on it") > x("(a)"))
        #expect(x("(i)") == x("COMMENT on it"))
    }

    @Test("item labels run (a)…(z), (aa); roman numerals are right")
    func labels() {
        #expect(romanNumeral(4) == "iv")
        #expect(romanNumeral(9) == "ix")
        #expect(romanNumeral(14) == "xiv")
        #expect(itemLabel(0, depth: 0, ordered: true) == "(a)")
        #expect(itemLabel(25, depth: 0, ordered: true) == "(z)")
        #expect(itemLabel(26, depth: 0, ordered: true) == "(aa)")
        #expect(itemLabel(2, depth: 1, ordered: true) == "(iii)")
        #expect(itemLabel(0, depth: 0, ordered: false) == "•")
    }
}
