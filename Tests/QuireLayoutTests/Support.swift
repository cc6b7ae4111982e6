import Foundation
import QuireLayout
import QuireModel
import QuirePages
import QuireSource

/// Builds a paper from source text, as the CLI would, minus file I/O.
func paper(_ body: String, frontMatter: String = defaultFrontMatter, figures: FigureData = FigureData()) throws -> Paper {
    try parsePaper(data: Data(("---\n" + frontMatter + "\n---\n" + body).utf8), file: "test.md", figures: figures)
}

let defaultFrontMatter = """
    by: [{name: Jane Smith, role: Corporate Director}]
    to: Cabinet
    date: 2024-03-05
    subject: Test paper
    classification: Unrestricted
    summary: A summary.
    recommendation: NOTE the report.
    """

/// A theme whose text column holds exactly `lines` body lines, so page breaks are easy to
/// predict with the fixed-pitch shaper (12 pt text, 14 pt leading, 0.5 em per character).
func testTheme(lines: Int, width: Double = 300) -> Theme {
    var theme = Theme()
    theme.page.marginTop = 20
    theme.page.marginBottom = 20
    theme.page.marginLeft = 20
    theme.page.marginRight = 20
    theme.page.size = Size(width: width + 40, height: Double(lines) * 14 + 40)
    theme.headerBlock.rows = []
    theme.headerBlock.ruleBelow = false
    theme.headerBlock.spaceAfter = 0
    theme.blockSpace = 14
    theme.heading.spaceBefore = 14
    theme.heading.spaceAfter = 0
    theme.closing.backgroundDocuments = "Background documents"
    return theme
}

func layout(_ paper: Paper, _ theme: Theme) -> LayoutResult {
    layoutPaper(paper, theme: theme, shaper: FixedPitchShaper())
}

/// The text of each page's lines in reading order (runs on one baseline joined by spaces).
func pageLines(_ document: PagedDocument) -> [[String]] {
    document.pages.map { page in
        var rows: [Double: [(Double, String)]] = [:]
        for item in page.frame.items {
            if case .glyphs(let run) = item.item {
                rows[(item.point.y * 100).rounded() / 100, default: []].append((item.point.x, run.text))
            }
        }
        // A run may end with the space that separates it from the next for readers (a
        // heading's number): one space between runs either way.
        return rows.keys.sorted().map { y in
            rows[y]!.sorted { $0.0 < $1.0 }.map { $0.1.hasSuffix(" ") && $0.1.count > 1 ? String($0.1.dropLast()) : $0.1 }.joined(separator: " ")
        }
    }
}

/// A paragraph of `n` lines for the fixed-pitch shaper at the test width: each word fills
/// most of a line, so every word is one line.
func paragraph(lines n: Int, tag: String) -> String {
    (1...n).map { "\(tag)\($0)" + String(repeating: "x", count: 36) }.joined(separator: " ")
}
