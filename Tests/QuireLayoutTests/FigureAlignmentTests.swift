import Foundation
import QuireLayout
import QuireModel
import QuirePages
import QuireSource
import Testing

/// Figures lined up on the decimal point, brackets hanging past the digits, read off the page
/// tree made with the fixed-pitch shaper (11 pt table text: every character 5.5 pt wide).
@Suite("Decimal alignment")
struct FigureAlignmentTests {
    let advance = 5.5

    /// Each glyph run on the first page whose text is one of `texts`, with where it starts,
    /// where its decimal point (or, without one, its end) falls, and where it ends.
    func figures(_ markdown: String, theme: Theme = testTheme(lines: 40, width: 400)) throws -> [String: (start: Double, point: Double, end: Double)] {
        let resolved = try paper(markdown, figures: FigureData(style: theme.figures))
        let page = layout(resolved, theme).document.pages[0]
        var out: [String: (Double, Double, Double)] = [:]
        for item in page.frame.items {
            guard case .glyphs(let run) = item.item else { continue }
            let x = item.point.x
            let parts = FigureParts(run.text)
            let pointGlyph = parts.flatMap { parts in run.glyphs.first { Int($0.cluster) == parts.integerEnd } }
            out[run.text] = (x, x + Double(pointGlyph?.x ?? Float(run.width)), x + run.width)
        }
        return out
    }

    func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 0.001 }

    @Test("\"(230.8)\" over \"1,234.5 \": points in line, the bracket hanging past the digits")
    func bracketsHang() throws {
        let found = try figures("| Service | £m |\n|:--|--:|\n| Adults | 1,234.5 |\n| Savings | -230.8 |\n| Other | 12.0 |\n{: negative=brackets decimals=1}\n")
        let big = try #require(found["1,234.5"]), bracketed = try #require(found["(230.8)"]), small = try #require(found["12.0"])
        #expect(near(big.point, bracketed.point) && near(small.point, bracketed.point), "\(big) \(bracketed) \(small)")
        // The digits end together; the bracket sticks out one character past them.
        #expect(near(big.end, small.end))
        #expect(near(bracketed.end, big.end + advance))
        // And it is the bracket, not the digits, that reaches the cell's right padding.
        let header = try #require(found["£m"])
        #expect(near(header.end, big.end), "the header ends over the digits, not over the bracket")
    }

    @Test("a right-aligned column of mixed decimals lines up on the point, figure style or not")
    func mixedDecimals() throws {
        let found = try figures("| A | B |\n|--|--:|\n| x | 12.5 |\n| y | 1,234 |\n| z | (3.25) |\n| w | n/a |\n")
        let a = try #require(found["12.5"]), b = try #require(found["1,234"]), c = try #require(found["(3.25)"])
        #expect(near(a.point, b.point) && near(b.point, c.point), "\(a) \(b) \(c)")
        #expect(near(c.end - c.point, 4 * advance), "'(3.25)' reaches the edge: the widest tail")
        // Text in a plain right-aligned column stays right-aligned at the edge.
        let text = try #require(found["n/a"])
        #expect(near(text.end, c.end))
    }

    @Test("counts and percentages in one column line up among themselves, as before")
    func groupsBySuffix() throws {
        let found = try figures("| A | 2017 |\n|--|--:|\n| Plans | 1,185 |\n| Outcomes | 79.6% |\n| Reviews | 2 |\n")
        let count = try #require(found["1,185"]), percent = try #require(found["79.6%"]), reviews = try #require(found["2"])
        #expect(near(count.end, percent.end), "each group is right-aligned")
        #expect(near(count.end, reviews.end))
    }

    @Test("a column already in line is not moved: cells end where plain right alignment put them")
    func untouched() throws {
        let theme = testTheme(lines: 40, width: 400)
        let markdown = "| Year | Children |\n|---|---:|\n| 2016 | 1,049 |\n| 2017 | 1,185 |\n"
        let found = try figures(markdown, theme: theme)
        let a = try #require(found["1,049"]), b = try #require(found["1,185"])
        #expect(near(a.start, b.start) && near(a.end, b.end))
        // The page tree is the same as a table whose figures are not figures at all.
        let words = try figures(markdown.replacingOccurrences(of: "1,049", with: "aaaaa").replacingOccurrences(of: "1,185", with: "bbbbb"), theme: theme)
        #expect(words["aaaaa"]?.start == a.start)
    }

    @Test("room for the longest integer part and the longest tail, from different rows")
    func columnRoom() throws {
        let markdown = "| Item | Value |\n|:--|--:|\n| a | 1,234,567 |\n| b | (0.25) |\n| c | Total |\n"
        let resolved = try paper(markdown)
        let page = layout(resolved, testTheme(lines: 40, width: 150)).document.pages[0]
        var runs: [String: Double] = [:]
        for item in page.frame.items { if case .glyphs(let run) = item.item { runs[run.text] = item.point.x } }
        let wide = try #require(runs["1,234,567"]), left = try #require(runs["a"])
        // "1,234,567" moves left by the width of ".25)" and still starts inside its own cell,
        // right of the first column's text.
        #expect(wide > left + advance)
        #expect(near(try #require(runs["(0.25)"]) + 2 * advance, wide + 9 * advance), "decimal points in line")
    }

    @Test("a data table in the finance style: brackets hang in the period columns")
    func dataTable() throws {
        let yaml = """
            indicators:
              spend:
                label: Net spend
                unit: currency
                values: {"2017": 230800, "2018": -12040}
                figures: {negative: brackets, unit: "£m", scale: 1000}
              saved:
                label: Savings
                unit: currency
                values: {"2017": 1234500, "2018": 9800}
                figures: {negative: brackets, unit: "£m", scale: 1000}
            """
        var data = DataSet()
        for indicator in try parseDataFile(yaml, file: "f.yaml") { try data.add(indicator) }
        let source = try paper("```table\nindicators: [spend, saved]\n```\n", frontMatter: defaultFrontMatter + "\ndata: f.yaml", figures: FigureData(data: data))
        let page = layout(source, testTheme(lines: 40, width: 400)).document.pages[0]
        var ends: [String: Double] = [:]
        for item in page.frame.items { if case .glyphs(let run) = item.item { ends[run.text] = item.point.x + run.width } }
        let bracketed = try #require(ends["(12.0)"]), plain = try #require(ends["9.8"])
        #expect(near(bracketed, plain + advance), "(12.0) hangs its bracket past 9.8")
        #expect(near(try #require(ends["1,234.5"]), try #require(ends["230.8"])))
        #expect(ends["£m"] != nil, "the unit is printed in the header")
    }
}
