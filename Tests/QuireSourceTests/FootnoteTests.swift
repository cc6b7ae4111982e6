import Foundation
import QuireModel
@testable import QuireSource
import Testing

/// Markdown footnotes: `text[^1]` with `[^1]: note` anywhere in the body become a note at the
/// reference; the source writer writes them back as footnotes.
@Suite struct FootnoteTests {
    func failure(_ markdown: String) -> QuireError? { parseFailure("---\nsubject: Test\n---\n" + markdown) }

    @Test("a reference becomes a note holding its definition's text; definitions leave the body")
    func reference() throws {
        let blocks = try body("""
            Councils must set a balanced budget[^s31] each year[^2].

            [^s31]: Section 31 of the *Local Government Finance Act 1992*.
            [^2]: Before 11 March.
            """)
        #expect(blocks.count == 1)
        guard case .paragraph(let inlines, _) = blocks[0] else { Issue.record("\(blocks)"); return }
        #expect(inlines == [
            .text("Councils must set a balanced budget"),
            .note([.text("Section 31 of the "), .emphasis([.text("Local Government Finance Act 1992")]), .text(".")]),
            .text(" each year"), .note([.text("Before 11 March.")]), .text("."),
        ])
        #expect(inlines.plainText == "Councils must set a balanced budget each year.")
        #expect(inlines.notes.count == 2)
        #expect(inlines.textWithNotes.contains("Local Government Finance Act 1992"))
    }

    @Test("a note in a table cell, a heading and a list item; one note referred to twice")
    func everywhere() throws {
        let blocks = try body("""
            # Budget[^a]

            | Service | £m |
            |---|---:|
            | Waste[^b] | 12.5 |

            - an item[^a]

            [^a]: First note,
                over two paragraphs.

                The second paragraph.
            [^b]: Cell note.
            """)
        guard case .heading(_, let heading, _) = blocks[0], case .table(let table) = blocks[1], case .list(_, let items, _) = blocks[2],
              case .paragraph(let item, _) = items[0][0] else { Issue.record("\(blocks)"); return }
        let first: [Inline] = [.text("First note,"), .softBreak, .text("over two paragraphs."), .lineBreak, .text("The second paragraph.")]
        #expect(heading.notes == [first])
        #expect(item.notes == [first])
        #expect(table.rows[0][0] == [.text("Waste"), .note([.text("Cell note.")])])
    }

    @Test("a definition nobody refers to is an error at its line")
    func unreferenced() throws {
        let error = try #require(failure("Text[^1].\n\n[^1]: Used.\n\n[^old]: Left behind.\n"))
        #expect(error.location?.line == 8, "\(error)")
        #expect(error.field == "footnote" && error.message.contains("[^old] is defined here but never referred to"), "\(error)")
    }

    @Test("a reference with no definition is an error at its line; \\[^1] is the brackets themselves")
    func undefined() throws {
        let error = try #require(failure("First line.\n\nA claim[^9] here.\n"))
        #expect(error.location?.line == 6, "\(error)")
        #expect(error.message.contains("[^9] is referred to here but never defined"), "\(error)")
        let literal = try body("Not a note: \\[^9] and `[^9]`.\n")
        guard case .paragraph(let inlines, _) = literal[0] else { Issue.record("\(literal)"); return }
        #expect(inlines.plainText == "Not a note: [^9] and [^9].")
        #expect(inlines.notes.isEmpty)
    }

    @Test("a definition inside a code block is code, not a definition")
    func inCode() throws {
        let blocks = try body("Text.\n\n```\n[^1]: not a note\n```\n")
        #expect(blocks.count == 2)
    }

    @Test("a note referring to another note is an error")
    func nested() throws {
        let error = try #require(failure("Text[^1].\n\n[^1]: See also[^2].\n[^2]: Other.\n"))
        #expect(error.message.contains("refers to another footnote"), "\(error)")
    }

    @Test("notes are written as footnotes and read back the same; the writer's output is stable")
    func roundTrip() throws {
        let blocks: [Block] = [
            .heading(level: 1, [.text("Budget"), .note([.text("Heading note")])], line: 1),
            .paragraph([.text("Set yearly"), .note([.text("Section 31,"), .lineBreak, .text("# not a heading")]), .text(" by law"),
                        .note([.strong([.text("Bold")]), .text(" note")])], line: 2),
            .table(Table(header: [[.text("Service")], [.text("£m")]], rows: [[[.text("Waste"), .note([.text("Cell note")])], [.text("12.5")]]],
                         alignments: [.left, .right], line: 3, caption: [.text("Costs"), .note([.text("Caption note")])])),
            .paragraph([.text("Literal [^1] brackets")], line: 4),
        ]
        let written = writeBody(blocks)
        #expect(written.contains("[^1]: Heading note"), "\(written)")
        let reread = try body(written)
        #expect(reread.map(stripLines) == blocks.map(stripLines), "\(written)")
        #expect(writeBody(reread) == written)
    }

    @Test("a note in a front-matter value is written in brackets at its place")
    func inFrontMatter() {
        #expect(markdownInline([.text("Cabinet"), .note([.text("from May")])]) == "Cabinet (from May)")
    }

    /// Blocks compared without their source lines (the written source puts blocks elsewhere).
    private func stripLines(_ block: Block) -> Block {
        switch block {
        case .heading(let level, let inlines, _): return .heading(level: level, inlines, line: 0)
        case .paragraph(let inlines, _): return .paragraph(inlines, line: 0)
        case .table(var table):
            table.line = 0
            table.rowLines = []
            return .table(table)
        default: return block
        }
    }
}

/// Footnote checks on hostile input stay within bounds.
@Suite struct FootnoteLimitTests {
    @Test("quotes nested by the thousand, in the body or in a note, are refused with a message, not a crash")
    func deepNesting() throws {
        let deep = String(repeating: ">", count: 10_000) + " text\n"
        let body = try #require(parseFailure("---\nsubject: T\n---\n" + deep))
        #expect(body.kind == .limit, "\(body)")
        let note = try #require(parseFailure("---\nsubject: T\n---\nText[^1].\n\n[^1]: " + deep))
        #expect(note.kind == .limit, "\(note)")
    }
}
