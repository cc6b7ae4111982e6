@testable import QuireLayout
import QuireModel
import QuirePages
import Testing

/// `**Background:** The council…`: a paragraph opening with bold text ending in ":" or "." is a
/// run-in heading, its lead styled by the layout's `run-in` keys and kept in the paragraph.
@Suite("Run-in headings")
struct RunInHeadingTests {
    @Test("a bold lead ending in a colon or a full stop, with text after it, is a run-in heading")
    func detection() {
        #expect(runInLead([.strong([.text("Background:")]), .text(" The council")]) == [.text("Background:")])
        #expect(runInLead([.strong([.text("Note.")]), .text(" Text")]) != nil)
        #expect(runInLead([.strong([.text("Bold words")]), .text(" then text")]) == nil)  // no colon
        #expect(runInLead([.strong([.text("Background:")])]) == nil)  // nothing follows
        #expect(runInLead([.text("Plain "), .strong([.text("Later:")]), .text(" x")]) == nil)  // not first
    }

    @Test("the lead takes the layout's colour and case, and stays in the paragraph's element")
    func styled() throws {
        let t = try theme("run-in:\n  color: \"#005A70\"\n  case: upper\n")
        let document = layout(try paper("# A\n\n**Options considered:** keep, change or stop.\n"), t).document
        let page = document.pages[0]
        let lead = try #require(runs(page).first { $0.text.hasPrefix("OPTIONS CONSIDERED:") })
        #expect(lead.run.color == Color(hex: "#005A70"))
        #expect(lead.run.font.bold)
        let rest = try #require(runs(page).first { $0.text.contains("keep, change") })
        #expect(rest.run.color == .black && !rest.run.font.bold)
        #expect(abs(rest.y - lead.y) < 0.01)  // one line: run in, not above
        // One paragraph: the lead and its text in the same P, under the paragraph's number.
        let paragraphs = elements(document).filter { $0.tag.role == .paragraph }
        #expect(paragraphs.contains { $0.text.hasPrefix("OPTIONS CONSIDERED:") && $0.text.contains("keep, change") })
        #expect(allLines(document).contains { $0.hasPrefix("(1) OPTIONS CONSIDERED:") })
    }

    @Test("by default the lead reads as the author's bold: the same page tree as before")
    func plainByDefault() throws {
        let source = "# A\n\n**Background:** The council met.\n"
        let t = testTheme(lines: 20)
        var styled = t
        styled.runIn.color = nil
        #expect(t.runIn == RunInStyle())
        let document = layout(try paper(source), t).document
        let lead = try #require(runs(document.pages[0]).first { $0.text.hasPrefix("Background:") })
        #expect(lead.run.font.bold && lead.run.color == .black)
        #expect(dumpPageTree(document) == dumpPageTree(layout(try paper(source), styled).document))
    }

    @Test("run-in.bold: false sets the lead in the body weight, still coloured")
    func notBold() throws {
        let t = try theme("run-in:\n  bold: false\n  italic: true\n  color: \"#AA0000\"\n")
        let lead = try #require(runs(layout(try paper("# A\n\n**Risks.** Some remain.\n"), t).document.pages[0]).first { $0.text.hasPrefix("Risks.") })
        #expect(!lead.run.font.bold && lead.run.font.italic && lead.run.color == Color(hex: "#AA0000"))
    }
}
