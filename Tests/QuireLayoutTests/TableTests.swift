import QuireLayout
import QuirePages
import Testing

@Suite("Tables")
struct TableTests {
    func table(rows: Int) -> String {
        "| Year | Children |\n|---|---:|\n" + (1...rows).map { "| 20\(10 + $0) | \($0 * 100) |" }.joined(separator: "\n") + "\n"
    }

    @Test("a table spanning pages repeats its header row; rows are never split or lost")
    func headerRepeats() throws {
        let result = layout(try paper("# Figures\n\n" + table(rows: 30)), testTheme(lines: 20))
        let pages = pageLines(result.document).filter { $0.contains { $0.hasPrefix("20") } }
        #expect(pages.count >= 2)
        for lines in pages {
            let header = try #require(lines.firstIndex(of: "Year Children"), "no header on \(lines)")
            let firstRow = try #require(lines.firstIndex { $0.hasPrefix("20") })
            #expect(header < firstRow)
        }
        let rows = pages.flatMap { $0 }.filter { $0.hasPrefix("20") }
        #expect(rows == (1...30).map { "20\(10 + $0) \($0 * 100)" })
    }

    @Test("numbers in a right-aligned column end at the same x")
    func rightAligned() throws {
        let page = layout(try paper(table(rows: 3)), testTheme(lines: 30)).document.pages[0]
        let ends = page.frame.items.compactMap { item -> Double? in
            guard case .glyphs(let run) = item.item, let value = Int(run.text), value < 2000 else { return nil }
            return item.point.x + run.width
        }
        #expect(ends.count == 3)
        #expect(Set(ends.map { ($0 * 100).rounded() }).count == 1)
    }

    @Test("neither a lone first row nor a lone last row is left on a page")
    func noWidowRow() throws {
        // Tables of growing length after text, so every split point gets tried.
        for rows in 3...12 {
            let result = layout(try paper(paragraph(lines: 5, tag: "p") + "\n\n" + table(rows: rows)), testTheme(lines: 10))
            let pages = pageLines(result.document).map { $0.filter { $0.hasPrefix("20") }.count }.filter { $0 > 0 }
            #expect(pages.last != 1 || pages.count == 1, "rows per page \(pages) for \(rows) rows")
            #expect(pages.first != 1 || pages.count == 1, "rows per page \(pages) for \(rows) rows")
        }
    }
}

@Suite("Short tables")
struct ShortTableTests {
    @Test("a table of three rows or fewer moves whole rather than split", arguments: [1, 2, 3])
    func keptTogether(rows: Int) throws {
        let table = "| Year | Children |\n|---|---:|\n" + (1...rows).map { "| 20\(10 + $0) | \($0 * 100) |" }.joined(separator: "\n") + "\n"
        for filler in 3...8 {
            let result = layout(try paper(paragraph(lines: filler, tag: "p") + "\n\n" + table), testTheme(lines: 10))
            let pagesWithRows = pageLines(result.document).filter { $0.contains { $0.hasPrefix("20") } }
            #expect(pagesWithRows.count == 1, "\(rows) rows after \(filler) lines split over pages")
        }
    }
}
