import QuireLayout
import QuirePages

/// The layouts that corpus fixtures name in their front matter (`layout: lines-10`). Each is
/// the small test theme, `testTheme(lines:)`: a column 300 pt wide holding exactly N body
/// lines (12 pt text on 14 pt leading), so a page breaks after a handful of lines of the
/// fixed-pitch shaper (0.5 em a character: 50 characters to a line). Each adds only the keys
/// its rules need.
func testLayout(named name: String) -> Theme? {
    switch name {
    case "lines-10":
        return testTheme(lines: 10)
    case "lines-6":
        return testTheme(lines: 6)
    case "lines-10-decimal":
        var theme = testTheme(lines: 10)
        theme.paragraphs.numbering = .decimal
        return theme
    case "lines-10-unnumbered":
        var theme = testTheme(lines: 10)
        theme.paragraphs.numbering = .none
        return theme
    case "header-block":
        // The committee paper's rows under its labels, in a label column 90 pt wide: the
        // longer labels ("Future Pathway of Paper:") wrap.
        var theme = testTheme(lines: 24)
        theme.headerBlock.rows = HeaderRow.defaults
        theme.headerBlock.labelWidth = 90
        theme.headerBlock.rowSpace = 6
        theme.headerBlock.ruleBelow = true
        theme.headerBlock.spaceAfter = 14
        return theme
    case "annual-report":
        // The annual report's front pages: a cover, a contents page laid out after the body,
        // the section in the running header; front pages numbered i, ii.
        var theme = testTheme(lines: 12)
        theme.cover.enabled = true
        theme.contents.enabled = true
        theme.paragraphs.numbering = .none
        theme.header.template = "{section}"
        theme.header.size = 9
        theme.header.alignment = .left
        theme.footer.template = "{page}"
        theme.footer.size = 9
        theme.footer.alignment = .center
        return theme
    case "chart":
        // A page tall enough for a chart 100 pt high with its caption and legend.
        var theme = testTheme(lines: 16)
        theme.chart.height = 100
        return theme
    case "running-text":
        // Every placeholder a running header or footer can show.
        var theme = testTheme(lines: 10)
        theme.header.template = "{subject} | {section}"
        theme.header.size = 9
        theme.header.alignment = .right
        theme.footer.template = "{classification}: page {page} of {pages}"
        theme.footer.size = 10
        theme.footer.alignment = .left
        return theme
    default:
        return nil
    }
}

/// The names `testLayout(named:)` knows, for the message when a fixture names another.
let testLayoutNames = ["lines-10", "lines-6", "lines-10-decimal", "lines-10-unnumbered", "header-block", "annual-report", "chart", "running-text"]
