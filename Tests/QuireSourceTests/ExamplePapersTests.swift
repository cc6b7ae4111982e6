import Foundation
import QuireModel
import QuireSource
import Testing

/// The two example papers shipped in examples/ parse, with the structure their files have.
@Suite struct ExamplePapersTests {
    func load(_ name: String) throws -> Paper {
        let path = "examples/\(name)/paper.md"
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent(path))
        return try parsePaper(data: data, file: path)
    }

    func headings(_ paper: Paper) -> [(String, Int)] {
        paper.body.compactMap { if case .heading(1, let text, let line) = $0 { (text.plainText, line) } else { nil } }
    }

    func paragraphCount(_ paper: Paper) -> Int {
        paper.body.filter { if case .paragraph = $0 { true } else { false } }.count
    }

    @Test func kscb2016() throws {
        let paper = try load("kscb-2016-17")
        #expect(headings(paper).map(\.0) == ["Introduction", "The 2016/17 Annual Report", "Conclusions", "Recommendations"])
        #expect(headings(paper).map(\.1) == [30, 40, 66, 72])
        #expect(paragraphCount(paper) == 19)
        guard case .list(ordered: true, let items, line: 76)? = paper.body.last else {
            Issue.record("the paper should end with the two-item ordered list on line 76"); return
        }
        #expect(items.count == 2)
        let m = paper.frontMatter
        #expect(m.by.count == 3)
        #expect(m.date == CalendarDate(year: 2017, month: 10, day: 19))
        #expect(m.contact.first?.phone == "03000 417103")
        #expect(m.textList(.recommendation).count == 1)
    }

    @Test func kscb2012() throws {
        let paper = try load("kscb-2012-13")
        #expect(headings(paper).map(\.0) == ["Introduction", "The 2012/13 Annual Report", "Conclusions", "Recommendations"])
        #expect(headings(paper).map(\.1) == [24, 34, 60, 68])
        #expect(paragraphCount(paper) == 20)
        #expect(paper.frontMatter.by == [Person(name: "Maggie Blyth", role: "Independent Chair of Kent Safeguarding Children Board")])
        #expect(paper.frontMatter.date == CalendarDate(year: 2013, month: 10, day: 4))
    }
}
