import Foundation
import QuireModel
import QuireSource
import Testing

/// The one list of front-matter fields: parser, writer and model agree on it.
@Suite struct FieldRegistryTests {
    @Test func everyKeyIsReadBackAsItsField() {
        for field in FrontMatterField.allCases { #expect(FrontMatterField.named(field.key) == field) }
        #expect(FrontMatterField.named("from") == .by)
        #expect(FrontMatterField.named("recomendation") == nil)
    }

    @Test func equalityFollowsEveryField() throws {
        var a = FrontMatter(), b = FrontMatter()
        a.fields = [HeaderField(label: "Portfolio", value: [.text("Finance")])]
        b.fields = [HeaderField(label: "Portfolio", value: [.text("Housing")])]
        #expect(a != b)
        #expect(Set([a, b]).count == 2)
        b.fields = a.fields
        #expect(a == b)
    }

    @Test func anEmptyValueIsNoValue() {
        var m = FrontMatter()
        m.setText(.summary, [])
        #expect(!m.has(.summary))
        m.by = []
        #expect(!m.has(.by))
    }

    /// What the writer writes, the parser reads back to the same front matter: for every
    /// example paper, and for text full of Markdown and YAML punctuation.
    @Test(arguments: ["kscb-2016-17", "kscb-2012-13", "cabinet-decision-2017", "kscb-annual-report"])
    func writerRoundTripsEveryExample(name: String) throws {
        let url = repositoryRoot.appendingPathComponent("examples/\(name)/paper.md")
        let paper = try parsePaper(data: try Data(contentsOf: url), file: "paper.md")
        let written = "---\n" + writeFrontMatter(paper.frontMatter) + "---\nBody.\n"
        var reread = try parsePaper(data: Data(written.utf8), file: "paper.md").frontMatter
        reread.lines = paper.frontMatter.lines
        #expect(reread == paper.frontMatter, "\(written)")
    }

    @Test func writerEscapesWhatWouldBeMarkup() throws {
        var m = FrontMatter()
        m.setText(.subject, [.text("Budget: “2018/19” – #1 *round* [draft] <b> a_b & c &amp;")])
        m.setText(.summary, [.text("Please "), .strong([.text("NOTE")]), .text(" the "), .emphasis([.text("plan")]), .text(", see "),
                             .link(url: "https://example.gov.uk/a_(b)", [.text("the page")]), .text(" and "), .code("x`y")])
        m.setText(.classification, [.text("No")])
        m[.recommendation] = .textList([[.text("NOTE it;")], [.text("AGREE it.")]])
        m.date = CalendarDate(year: 2017, month: 10, day: 19)
        m.by = [Person(name: "Jane Smith", role: "Director: Finance")]
        m.byIsFrom = true
        m.contact = [Contact(name: "Jane Smith", role: nil, phone: "03000 123456", email: "jane@example.gov.uk")]
        let written = "---\n" + writeFrontMatter(m) + "---\nBody.\n"
        var reread = try parsePaper(data: Data(written.utf8), file: "paper.md").frontMatter
        reread.lines = [:]
        #expect(reread == m, "\(written)")
        #expect(written.contains("from:"))
    }
}
