@testable import QuireLayout
import QuireModel
import QuirePages
import Testing

/// Masthead lines above the header block, filled from the front matter, and where an
/// unnumbered heading starts.
@Suite("Masthead and heading indent")
struct MastheadTests {
    let layoutText = """
        masthead:
          - {text: "Agenda Item No. {agenda-item}", align: right, bold: false}
          - {text: "Report of the {by.role}", case: upper, size: 14pt, color: "#00703C"}
          - {text: "Committee Report"}
        """

    @Test("lines filled from the front matter, in order, above the header block; one naming a missing field left out")
    func filled() throws {
        var t = try theme(layoutText)
        t.headerBlock.rows = [HeaderRow(field: .subject, label: "Subject:")]
        let p = try paper("# A\n\nText.\n", frontMatter: "agenda-item: \"7\"\nby: [{name: Gwen Pryce, role: Director of Education}]\nsubject: Admissions\n")
        let document = layout(p, t).document
        let page = runs(document.pages[0])
        let lines = allLines(document)
        #expect(Array(lines.prefix(4)) == ["Agenda Item No. 7", "REPORT OF THE DIRECTOR OF EDUCATION", "Committee Report", "Subject: Admissions"])
        let item = try #require(page.first { $0.text == "Agenda Item No. 7" })
        #expect(abs(item.x + Double(item.text.count) * 6 - (t.page.marginLeft + t.contentWidth)) < 0.01)  // right-aligned
        let role = try #require(page.first { $0.text.hasPrefix("REPORT OF THE") })
        #expect(role.run.font.size == 14 && role.run.font.bold && role.run.color == Color(hex: "#00703C"))
        #expect(elements(document).contains { $0.tag.role == .paragraph && $0.text == "Committee Report" })
        // Without an agenda item the first line is left out, not printed half empty.
        let without = allLines(layout(try paper("# A\n\nText.\n", frontMatter: "by: [{name: G, role: Director}]\nsubject: S\n"), t).document)
        #expect(without.first == "REPORT OF THE DIRECTOR" && !without.contains { $0.hasPrefix("Agenda Item") })
    }

    @Test("heading.indent: margin sets unnumbered headings at the margin, the numbers hanging below")
    func headingAtMargin() throws {
        let t = try theme("numbering:\n  sections: false\n  paragraphs: \"1.\"\n  count: document\nheading:\n  indent: margin\n")
        let page = runs(layout(try paper("# Purpose of report\n\nOne.\n"), t).document.pages[0])
        let heading = try #require(page.first { $0.text == "Purpose of report" })
        let number = try #require(page.first { $0.text == "1." })
        #expect(heading.x == t.page.marginLeft && number.x == t.page.marginLeft)
        let atText = try theme("numbering:\n  sections: false\n")
        let indented = try #require(runs(layout(try paper("# Purpose of report\n\nOne.\n"), atText).document.pages[0]).first { $0.text == "Purpose of report" })
        #expect(indented.x == atText.page.marginLeft + atText.paragraphs.indent)
    }
}
