import QuireLayout
import QuirePages
import Testing

/// The page tree's structure tags, read without drawing: what tagged PDF output is made of.
@Suite("Structure tags")
struct StructureTests {
    /// Elements in reading order with their depth, and every drawn item's innermost element.
    struct Walk {
        var elements: [(depth: Int, tag: StructureTag, text: String)] = []
        var contentRoles: [StructureRole?] = []
        var openAtEnd = 0
    }

    func walk(_ document: PagedDocument) -> Walk {
        var walk = Walk()
        var stack: [Int] = []  // indexes into elements
        for page in document.pages {
            for item in page.frame.items {
                switch item.item {
                case .beginTag(let tag):
                    walk.elements.append((stack.count, tag, ""))
                    stack.append(walk.elements.count - 1)
                case .endTag:
                    _ = stack.popLast()
                case .link, .pageLink:
                    break
                case .glyphs(let run):
                    walk.contentRoles.append(stack.last.map { walk.elements[$0].tag.role })
                    for index in stack { walk.elements[index].text += (walk.elements[index].text.isEmpty ? "" : " ") + run.text }
                default:
                    walk.contentRoles.append(stack.last.map { walk.elements[$0].tag.role })
                }
            }
        }
        walk.openAtEnd = stack.count
        return walk
    }

    let source = """
        # Introduction

        The first paragraph.

        The second paragraph, with sub-items:

        1. an item
        2. another item

        | Year | Children |
        |---|---:|
        | 2016 | 1,049 |
        | 2017 | 1,185 |

        # Conclusions

        ## Looking ahead

        The last paragraph.
        """

    @Test("tags are balanced and every drawn item sits in an element that holds content")
    func balanced() throws {
        let result = layout(try paper(source), testTheme(lines: 12))
        let walk = walk(result.document)
        #expect(result.document.pages.count > 1)
        #expect(walk.openAtEnd == 0)
        #expect(!walk.contentRoles.isEmpty)
        #expect(walk.contentRoles.allSatisfy { $0?.holdsContent == true }, "\(walk.contentRoles)")
    }

    @Test("the header block is a table: each label a row header, each value a cell")
    func headerBlock() throws {
        var theme = testTheme(lines: 60)
        theme.headerBlock.rows = Theme().headerBlock.rows
        let walk = walk(layout(try paper("Body."), theme).document)
        let rows = walk.elements.prefix { $0.tag.role != .paragraph }
        #expect(rows.first?.tag.role == .table)
        let headers = rows.filter { $0.tag.role == .headerCell }
        #expect(headers.count >= 5 && headers.allSatisfy { $0.tag.scope == .row })
        #expect(headers.map(\.text).contains("To:"))
        #expect(rows.contains { $0.tag.role == .dataCell && $0.text == "Cabinet" })
    }

    @Test("headings, numbered paragraphs as a list, sub-items nested in their paragraph, a table with header cells")
    func readingOrder() throws {
        let walk = walk(layout(try paper(source), testTheme(lines: 60)).document)
        let outline = walk.elements.filter { $0.tag.role != .artifact }.map { String(repeating: " ", count: $0.depth) + $0.tag.role.rawValue }
        #expect(outline == [
            "H1",
            "L", " LI", "  Lbl", "  LBody", "   P",
            " LI", "  Lbl", "  LBody", "   P",
            "   L", "    LI", "     Lbl", "     LBody", "      P", "    LI", "     Lbl", "     LBody", "      P",
            "   Table", "    TR", "     TH", "     TH", "    TR", "     TH", "     TD", "    TR", "     TH", "     TD",
            "H1", "H2", "L", " LI", "  Lbl", "  LBody", "   P",
            "H1", "P",  // background documents, from front matter
        ], "\(outline)")
        let texts = walk.elements.map { ($0.tag.role, $0.text) }
        #expect(texts.contains { $0 == (.heading1, "1.  Introduction") })  // the number's run ends with the space readers need
        #expect(texts.contains { $0 == (.label, "(2)") })
        #expect(texts.contains { $0 == (.label, "(a)") && true })
        #expect(walk.elements.filter { $0.tag.role == .headerCell }.map(\.tag.scope) == [.column, .column, .row, .row])
        #expect(walk.elements.filter { $0.tag.role == .list }.map(\.tag.listNumbering) == [.decimal, .lowerAlpha, .decimal])
    }

    @Test("running header and footer, rules and a repeated table header are artifacts")
    func furniture() throws {
        let table = "| Year | Children |\n|---|---:|\n" + (1...30).map { "| 20\(10 + $0) | \($0) |" }.joined(separator: "\n")
        let result = layout(try paper("# Figures\n\n" + table), testTheme(lines: 20))
        let walk = walk(result.document)
        let artifacts = walk.elements.filter { $0.tag.role == .artifact }.map(\.text)
        // Every page's footer, and the header row again on each page after the first.
        #expect(artifacts.filter { $0.hasPrefix("Page ") }.count == result.document.pages.count)
        #expect(artifacts.filter { $0 == "Year Children" }.count == result.document.pages.count - 1)
        // The header cells proper appear once.
        #expect(walk.elements.filter { $0.tag.role == .headerCell && $0.tag.scope == .column }.count == 2)
    }
}
