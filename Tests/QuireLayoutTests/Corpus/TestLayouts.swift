import QuireLayout
import QuireModel
import QuirePages

/// The layouts that corpus fixtures name in their front matter (`layout: lines-10`), by name.
/// Each is the small test theme, `testTheme(lines:)`: a column 300 pt wide holding exactly N
/// body lines (12 pt text on 14 pt leading), so a page breaks after a handful of lines of the
/// fixed-pitch shaper (0.5 em a character: 50 characters to a line, 44 beside a paragraph
/// number). Each adds only the keys its rules need.
let testLayouts: [String: Theme] = [
    "lines-10": testTheme(lines: 10),
    "lines-6": testTheme(lines: 6),
    // Room for a table with two header rows, its caption and its notes on one page.
    "lines-16": testTheme(lines: 16),
    "lines-10-decimal": with(testTheme(lines: 10)) { $0.numbering.paragraphs = .decimal },
    "lines-10-unnumbered": with(testTheme(lines: 10)) { $0.numbering.paragraphs = .none },
    // The committee paper's rows under its labels, in a label column 90 pt wide: the longer
    // labels ("Future Pathway of Paper:") wrap.
    "header-block": with(testTheme(lines: 24)) {
        $0.headerBlock.rows = HeaderRow.defaults
        $0.headerBlock.labelWidth = 90
        $0.headerBlock.rowSpace = 6
        $0.headerBlock.ruleBelow = true
        $0.headerBlock.spaceAfter = 14
    },
    // The annual report's front pages: a cover, a contents page laid out after the body, the
    // section in the running header; front pages numbered i, ii.
    "annual-report": with(testTheme(lines: 12)) {
        $0.cover.enabled = true
        $0.contents.enabled = true
        $0.numbering.paragraphs = .none
        $0.header.template = "{section}"
        $0.header.size = 9
        $0.header.alignment = .left
        $0.footer.template = "{page}"
        $0.footer.size = 9
    },
    // A page tall enough for a chart 100 pt high with its caption and legend.
    "chart": with(testTheme(lines: 16)) { $0.chart.height = 100 },
    // Every placeholder a running header or footer can show.
    "running-text": with(testTheme(lines: 10)) {
        $0.header.template = "{subject} | {section}"
        $0.header.alignment = .right
        $0.footer.template = "{classification}: page {page} of {pages}"
        $0.footer.alignment = .left
    },
]

/// A theme changed by `change`: test layouts read as the base plus what differs.
private func with(_ theme: Theme, _ change: (inout Theme) -> Void) -> Theme {
    var theme = theme
    change(&theme)
    return theme
}
