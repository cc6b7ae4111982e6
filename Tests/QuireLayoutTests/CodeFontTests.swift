import QuireLayout
import QuirePages
import Testing

/// The code font is the layout's choice (`code.font`), not the backend's.
@Suite("Code font")
struct CodeFontTests {
    @Test("code.font sets the code family; left out, it is Liberation Mono")
    func parsed() throws {
        #expect(try parseTheme("name: t\n", file: "t.yaml").code.family == "Liberation Mono")
        let theme = try parseTheme("code:\n  font: Liberation Sans\n", file: "t.yaml")
        #expect(theme.code.family == "Liberation Sans")
        #expect(theme.keyLines["code.font"] == 2)
    }

    @Test("fenced blocks and inline code are set in the theme's code family")
    func usedForCode() throws {
        var theme = testTheme(lines: 20)
        theme.code.family = "Test Mono"
        let source = "Run `quire dump paper.md` to see it.\n\n```\nindicators:\n  cpp: 1\n```\n"
        let runs = layout(try paper(source), theme).document.pages[0].frame.items.compactMap { item -> GlyphRun? in
            if case .glyphs(let run) = item.item { run } else { nil }
        }
        let families = Dictionary(runs.map { ($0.text, $0.font.family) }, uniquingKeysWith: { a, _ in a })
        #expect(families["quire dump paper.md"] == "Test Mono")
        #expect(families["indicators: "] == "Test Mono")  // the space a hard break gives readers
        #expect(families["  cpp: 1"] == "Test Mono")
        #expect(families["Run "] == "Liberation Sans")
    }
}
