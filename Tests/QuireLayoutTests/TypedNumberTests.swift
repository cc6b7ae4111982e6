@testable import QuireLayout
import QuireModel
import Testing

/// A paragraph that starts with a number of its own ("1.1 The largest pressure…") prints
/// after the number Quire gives it; the layout knows that number, so it warns with what prints.
@Suite("Typed paragraph numbers")
struct TypedNumberTests {
    // `paper()` puts the front matter on lines 1–9; the body starts on line 10.
    static let body = "# Introduction\n\nThe first paragraph.\n\n1.1 The largest pressure is on the budget for placements.\n\n(3) The Board met.\n"

    @Test("the warning names the line and what prints, in the layout's own numbering")
    func warned() throws {
        var theme = testTheme(lines: 40)
        theme.numbering.paragraphs = .decimal
        let result = layout(try paper(Self.body), theme)
        let notes = result.diagnostics.map(\.description)
        #expect(notes.count == 2, "\(notes)")
        #expect(notes.first == "test.md:14: warning: this paragraph starts with '1.1', like a number typed by habit: it prints as '1.2 1.1 The largest pressure is on the budge…'; remove the typed number (Quire numbers paragraphs itself)")
        #expect(notes.last?.hasPrefix("test.md:16: warning: this paragraph starts with '(3)'") == true)
        #expect(notes.last?.contains("prints as '1.3 (3) The Board met.'") == true)
        // It is a warning: the words still print, number and all.
        #expect(pageLines(result.document).flatMap { $0 }.contains { $0.hasPrefix("1.2 1.1 The largest") })
        // In the parenthesized style the same paragraph prints as "(2) 1.1 …".
        let parenthesized = layout(try paper(Self.body), testTheme(lines: 40)).diagnostics
        #expect(parenthesized.first?.message.contains("prints as '(2) 1.1 The largest") == true)
    }

    @Test("a style that numbers no paragraphs, and text before the first section, are not warned of")
    func unnumbered() throws {
        var theme = testTheme(lines: 40)
        theme.numbering.paragraphs = .none
        #expect(layout(try paper(Self.body), theme).diagnostics.isEmpty)
        #expect(layout(try paper("1.1 Before any section.\n\n# Introduction\n\nText.\n"), testTheme(lines: 40)).diagnostics.isEmpty)
    }

    @Test("what looks like a typed number, and what does not", arguments: [
        ("1.1 The largest", "1.1"), ("2.3. The Board", "2.3."), ("1.2.3\tThe", "1.2.3"), ("(3) The Board", "(3)"), ("(12)\u{A0}Members", "(12)"),
        ("1.5 million children", nil), ("2016 The year", nil), ("1.1", nil), ("(a) The", nil), ("1.1The", nil), ("£1.5 Million", nil),
        ("1234.5 The", nil), ("(1234) The", nil), ("2.5% of Children", nil),
    ] as [(String, String?)])
    func detection(_ text: String, _ expected: String?) {
        #expect(typedParagraphNumber(text) == expected, "\(text)")
    }
}
