import Foundation
import QuireKit
import QuireLayout
import QuireTestSupport
import Testing

/// The council money style in a real PDF (Pango, Cairo, Liberation Sans), read back with
/// poppler: each figure in its cell as a finance table prints it, the brackets hanging past
/// the digits by the width of ")" (3.663 pt at 11 pt: 0.333 em).
@Suite("Money tables in the PDF")
struct MoneyTableTests {
    let paper = repositoryRoot.appendingPathComponent("Tests/Fixtures/money/paper.md").path

    func render() throws -> String {
        let output = try scratchDirectory().appendingPathComponent("money.pdf").path
        let result = try typesetter.layout(file: paper)
        try typesetter.writePDF(result.layout.document, to: output)
        return output
    }

    /// Lines of `pdftotext -layout`, runs of spaces squeezed to one.
    func lines(_ pdf: String) throws -> [String] {
        try run("pdftotext", ["-layout", pdf, "-"]).out.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
    }

    /// Each word `pdftotext -bbox` finds, with its box, in reading order.
    func words(_ pdf: String) throws -> [(text: String, xMax: Double, y: Double)] {
        let html = try run("pdftotext", ["-bbox", pdf, "-"]).out
        let pattern = try NSRegularExpression(pattern: #"<word xMin="[0-9.]+" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            let group = { (i: Int) in String(html[Range(match.range(at: i), in: html)!]) }
            return (group(3), Double(group(2))!, Double(group(1))!)
        }
    }

    @Test("every figure lands in its row, in brackets where negative, the unit once in each header")
    func cells() throws {
        let text = try lines(try render())
        for row in ["Directorate Budget Forecast Variance", "£m £m £m", "Adult social care 1,234.5 1,465.3 230.8", "Children's services 412.3 181.5 (230.8)",
                    "Growth and communities 98.0 98.0 (0.1)", "Total 1,744.8 1,744.8 0.0",
                    "Net revenue spend 230.8 245.2 (12.0) (242.8)", "Savings delivered 15.5 9.8 1,234.5 1,219.1"] {
            #expect(text.contains(row), "no line '\(row)' in\n\(text.joined(separator: "\n"))")
        }
        #expect(text.contains { $0.contains("Net spend was £230.8m in 2016/17 and is forecast at −£12.0m, a reduction of") })
        #expect(!text.contains { $0.contains("-230.8") || $0.contains("−230.8") }, "no minus sign left in the bracketed column")
    }

    @Test("digits end together down each column; a bracket hangs past them by its own width")
    func hangingBrackets() throws {
        let all = try words(try render())
        func right(_ word: String, after: Int = 0) throws -> Double { try #require(all.dropFirst(after).first { $0.text == word }).xMax }
        // The Markdown table's Variance column, top to bottom: 230.8, (230.8), (0.1), 0.0.
        let variance = try #require(all.firstIndex { $0.text == "Variance" })
        let plain = try right("230.8", after: variance), bracketed = try right("(230.8)"), small = try right("(0.1)"), total = try right("0.0", after: variance)
        let bracket = 11 * 0.333
        #expect(abs(bracketed - plain - bracket) < 0.05, "(230.8) ends \(bracketed - plain) pt past 230.8")
        #expect(abs(small - bracketed) < 0.05)
        #expect(abs(total - plain) < 0.05, "the bold total's digits end with the others")
        // The header's unit ends over the digits, not over the bracket.
        let units = all.filter { $0.text == "£m" }.map(\.xMax)
        #expect(units.contains { abs($0 - plain) < 0.05 }, "\(units) vs \(plain)")
        // The data table's 2018/19 column: (12.0) over 1,234.5.
        let negative = try right("(12.0)"), positive = try right("1,234.5", after: try #require(all.firstIndex { $0.text == "(12.0)" }))
        #expect(abs(negative - positive - bracket) < 0.05, "(12.0) ends \(negative - positive) pt past 1,234.5")
    }
}
