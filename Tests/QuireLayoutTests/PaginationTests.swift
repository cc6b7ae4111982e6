import Foundation
import QuireLayout
import QuireModel
import QuirePages
import Testing

/// Each pagination rule checked on the page tree, with the fixed-pitch shaper.
@Suite("Pagination")
struct PaginationTests {
    /// A page of `capacity` lines: `filler` lines, a blank line, then a paragraph of `lines`.
    /// Expected: how many of the paragraph's lines land on page 1 and on page 2.
    @Test("orphans and widows", arguments: [
        // (filler, paragraph lines, lines of it on page 1)
        (6, 6, 3),  // fits 3 on page 1: 3 left, 3 carried
        (8, 6, 0),  // only 1 would fit: an orphan, so the whole paragraph moves
        (7, 6, 2),  // 2 fit: the minimum, allowed
        (7, 3, 0),  // 2 of 3 would fit, leaving a widow; 1+2 would leave an orphan: move all
        (5, 6, 4),  // 4 of 6 fit, 2 carried: allowed
        (4, 6, 4),  // 5 would fit, leaving a widow: break after 4
    ])
    func orphansAndWidows(filler: Int, lines: Int, onFirstPage: Int) throws {
        let capacity = 10
        let body = "Filler " + paragraph(lines: filler, tag: "f") + "\n\n" + paragraph(lines: lines, tag: "p")
        let result = layout(try paper(body, frontMatter: defaultFrontMatter), testTheme(lines: capacity))
        let pages = pageLines(result.document)
        let first = pages[0].filter { $0.hasPrefix("p") }.count
        #expect(first == onFirstPage, "page 1: \(pages[0])")
        #expect(pages.flatMap { $0 }.filter { $0.hasPrefix("p") }.count == lines)
        #expect(result.diagnostics.isEmpty)
    }

    @Test("a heading is never the last thing on a page")
    func headingKeepsWithNext() throws {
        // 9 lines of filler fill all but one line: the heading would fit, its text would not.
        let body = "Filler " + paragraph(lines: 8, tag: "f") + "\n\n# Next section\n\n" + paragraph(lines: 3, tag: "p")
        let pages = pageLines(layout(try paper(body), testTheme(lines: 10)).document)
        #expect(!pages[0].contains { $0.contains("Next section") }, "page 1: \(pages[0])")
        #expect(pages[1].first?.contains("Next section") == true, "page 2: \(pages[1])")
        #expect(pages[1].count >= 3)
    }

    @Test("the header block stays together on one page")
    func headerBlockTogether() throws {
        var theme = testTheme(lines: 12)
        theme.headerBlock.rows = [HeaderRow(field: .subject, label: "Subject:"), HeaderRow(field: .summary, label: "Summary:")]
        theme.headerBlock.labelWidth = 60
        let summary = (1...8).map { "word\($0)" + String(repeating: "y", count: 30) }.joined(separator: " ")
        let matter = defaultFrontMatter.replacingOccurrences(of: "summary: A summary.", with: "summary: \(summary)")
        let result = layout(try paper("Some text.", frontMatter: matter), theme)
        let pages = pageLines(result.document)
        #expect(pages[0].contains { $0.hasPrefix("Subject:") })
        #expect(pages[0].filter { $0.contains("word") }.count == 8)
    }

    @Test("a block taller than a page is split with a diagnostic, never lost")
    func oversizeGivesUp() throws {
        var theme = testTheme(lines: 6)
        theme.headerBlock.rows = [HeaderRow(field: .summary, label: "Summary:")]
        theme.headerBlock.labelWidth = 60
        let summary = (1...10).map { "w\($0)" + String(repeating: "y", count: 30) }.joined(separator: " ")
        let matter = defaultFrontMatter.replacingOccurrences(of: "summary: A summary.", with: "summary: \(summary)")
        let result = layout(try paper("Text.", frontMatter: matter), theme)
        #expect(!result.diagnostics.isEmpty)
        let all = pageLines(result.document).flatMap { $0 }
        #expect((1...10).allSatisfy { n in all.contains { $0.contains("w\(n)y") } })
    }

    @Test("every page gets 'Page N of M' once the total is known")
    func footers() throws {
        let body = (1...6).map { paragraph(lines: 5, tag: "p\($0)-") }.joined(separator: "\n\n")
        let pages = pageLines(layout(try paper(body), testTheme(lines: 10)).document)
        #expect(pages.count > 2)
        for (index, lines) in pages.enumerated() {
            #expect(lines.last == "Page \(index + 1) of \(pages.count)")
        }
    }

    @Test("bookmarks point at the page where each section lands")
    func outline() throws {
        let body = "# One\n\n" + paragraph(lines: 8, tag: "a") + "\n\n# Two\n\n" + paragraph(lines: 4, tag: "b")
        let document = layout(try paper(body), testTheme(lines: 10)).document
        let titles = document.outline.map(\.title)
        #expect(titles == ["1. One", "2. Two", "3. Background documents"])
        let two = try #require(document.outline.first { $0.title == "2. Two" })
        #expect(pageLines(document)[two.pageIndex].contains("2. Two"))
    }
}
