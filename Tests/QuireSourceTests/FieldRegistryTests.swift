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
        let paper = try parseExample(name)
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

/// The body half of the source writer: what it writes, the parser reads back to blocks the
/// writer writes the same way again, for every example and for text full of punctuation.
@Suite struct BodyWriterTests {
    @Test(arguments: ["kscb-2016-17", "kscb-2012-13", "cabinet-decision-2017", "kscb-annual-report"])
    func writerIsStableThroughTheParser(name: String) throws {
        let paper = try parseExample(name)
        let written = writeSource(paper)
        let reread = try parsePaper(data: Data(written.utf8), file: "paper.md")
        #expect(writeSource(reread) == written)
        // A chart (drawn from data, never imported) is written as its caption and text
        // alternative, so only papers without one come back block for block.
        guard !paper.body.contains(where: { if case .chart = $0 { true } else { false } }) else { return }
        #expect(reread.body.count == paper.body.count)
        #expect(plainWords(reread.body) == plainWords(paper.body))
    }

    @Test func punctuationAndNestingSurvive() throws {
        let body: [Block] = [
            .heading(level: 1, [.text("1. Not a list: # * _ [x] <b> | pipe")], line: 1),
            .paragraph([.text("2) starts like a list item, {: like an attribute line}")], line: 2),
            .paragraph([.strong([.text("Background:")]), .text(" the "), .emphasis([.text("old")]), .text(" plan.")], line: 3),
            .list(ordered: true, items: [
                [.paragraph([.text("First")], line: 4), .list(ordered: false, items: [[.paragraph([.text("nested")], line: 5)]], line: 5)],
                [.paragraph([.text("Second")], line: 6), .paragraph([.text("more of the second")], line: 7)],
            ], line: 4),
            .table(Table(header: [[.text("Service")], [.text("2024/25")]], rows: [[[.text("A | B")], []], [[.text("<")], [.text("(1.5)")]]],
                         alignments: [.left, .right], line: 8)),
            .quote([.paragraph([.text("Quoted words")], line: 12)], line: 12),
            .code("let x = `1`", line: 13),
        ]
        let written = writeBody(body)
        let reread = try parsePaper(data: Data(("---\nsubject: T\n---\n" + written).utf8), file: "p.md").body
        #expect(writeBody(reread) == written, "\(written)")
        #expect(plainWords(reread) == plainWords(body), "\(written)")
        guard case .table(let table) = reread[4] else { Issue.record("no table: \(written)"); return }
        #expect(table.rows[0][0].plainText == "A | B" && table.rows[0][1].isEmpty && table.rows[1][0].plainText == "<")
    }

    private func plainWords(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .heading(_, let inlines, _), .paragraph(let inlines, _): [inlines.plainText]
            case .list(_, let items, _): items.flatMap(plainWords)
            case .quote(let inner, _): plainWords(inner)
            case .table(let table): ([table.header] + table.rows).flatMap { $0.map(\.plainText) }
            case .code(let code, _): [code]
            default: []
            }
        }.joined(separator: " ").split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
