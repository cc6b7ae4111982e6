import Foundation
@testable import QuireLayout
import QuireModel
import QuirePages

/// One structure element of a laid-out document: its depth, tag and the text drawn inside it.
struct Element {
    var depth: Int
    var tag: StructureTag
    var text: String
}

/// The document's structure elements in reading order, each with the text of the glyph runs
/// drawn inside it (nested elements' text included).
func elements(_ document: PagedDocument) -> [Element] {
    var out: [Element] = []
    var stack: [Int] = []
    for page in document.pages {
        for item in page.frame.items {
            switch item.item {
            case .beginTag(let tag):
                out.append(Element(depth: stack.count, tag: tag, text: ""))
                stack.append(out.count - 1)
            case .endTag: _ = stack.popLast()
            case .glyphs(let run):
                for index in stack { out[index].text += (out[index].text.isEmpty ? "" : " ") + run.text }
            default: break
            }
        }
    }
    return out
}

/// Each glyph run's text with the role of the element it is drawn in (nil: none open).
func textRoles(_ document: PagedDocument) -> [(text: String, role: StructureRole?)] {
    var out: [(String, StructureRole?)] = []
    var stack: [StructureRole] = []
    for page in document.pages {
        for item in page.frame.items {
            switch item.item {
            case .beginTag(let tag): stack.append(tag.role)
            case .endTag: _ = stack.popLast()
            case .glyphs(let run): out.append((run.text, stack.last))
            default: break
            }
        }
    }
    return out
}

/// Every glyph run of a page with where it was drawn (page coordinates).
func runs(_ page: Page) -> [(text: String, x: Double, y: Double, run: GlyphRun)] {
    page.frame.items.compactMap { item in
        if case .glyphs(let run) = item.item { return (run.text, item.point.x, item.point.y, run) }
        return nil
    }
}

/// Every page's lines joined, as one list.
func allLines(_ document: PagedDocument) -> [String] { pageLines(document).flatMap { $0 } }

/// A theme read from layout text, on the small test page (`testTheme(lines:)`'s page size
/// and margins; everything else as the layout says, or the defaults).
func theme(_ yaml: String, lines: Int = 60) throws -> Theme {
    var theme = try parseTheme(yaml, file: "house.yaml")
    theme.page = testTheme(lines: lines).page
    return theme
}

/// A paper with the test front matter and some more of its own.
func paper(_ body: String, adding extra: String) throws -> Paper {
    try paper(body, frontMatter: defaultFrontMatter + "\n" + extra)
}
