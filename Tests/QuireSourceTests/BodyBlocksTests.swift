import QuireModel
import Testing

/// Markdown body → blocks: headings, paragraphs, lists, tables and inline markup.
@Suite struct BodyBlocksTests {
    @Test func headingsAndParagraphs() throws {
        let blocks = try body("""
            # Introduction

            First paragraph.

            ## Detail

            Second paragraph
            on two lines.
            """)
        #expect(blocks == [
            .heading(level: 1, [.text("Introduction")], line: 4),
            .paragraph([.text("First paragraph.")], line: 6),
            .heading(level: 2, [.text("Detail")], line: 8),
            .paragraph([.text("Second paragraph"), .softBreak, .text("on two lines.")], line: 10),
        ])
    }

    @Test func orderedListAfterParagraphAndBulletList() throws {
        let blocks = try body("""
            County Council is asked to:

            1. COMMENT on the report
            2. NOTE the report

            - bullet one
            - bullet two
            """)
        #expect(blocks == [
            .paragraph([.text("County Council is asked to:")], line: 4),
            .list(ordered: true, items: [
                [.paragraph([.text("COMMENT on the report")], line: 6)],
                [.paragraph([.text("NOTE the report")], line: 7)],
            ], line: 6),
            .list(ordered: false, items: [
                [.paragraph([.text("bullet one")], line: 9)],
                [.paragraph([.text("bullet two")], line: 10)],
            ], line: 9),
        ])
    }

    @Test func tableWithAlignments() throws {
        let blocks = try body("""
            | Item | Note | Cost | Plain |
            |:-----|:----:|-----:|-------|
            | Tea  | hot  | 1.50 | x     |
            | *Cake* | sweet | 2.00 | y |
            """)
        let table = Table(
            header: [[.text("Item")], [.text("Note")], [.text("Cost")], [.text("Plain")]],
            rows: [
                [[.text("Tea")], [.text("hot")], [.text("1.50")], [.text("x")]],
                [[.emphasis([.text("Cake")])], [.text("sweet")], [.text("2.00")], [.text("y")]],
            ],
            alignments: [.left, .center, .right, .left],
            line: 4, rowLines: [6, 7])
        #expect(blocks == [.table(table)])
    }

    @Test func emphasisStrongAndLinks() throws {
        let blocks = try body("Some *emphasis*, **strong** and a [link](https://example.org/a).")
        #expect(blocks == [.paragraph([
            .text("Some "), .emphasis([.text("emphasis")]), .text(", "), .strong([.text("strong")]),
            .text(" and a "), .link(url: "https://example.org/a", [.text("link")]), .text("."),
        ], line: 4)])
    }

    @Test func bareEmailBecomesMailtoLink() throws {
        let blocks = try body("Contact mark.janaway@kent.gov.uk for details.")
        #expect(blocks == [.paragraph([
            .text("Contact "),
            .link(url: "mailto:mark.janaway@kent.gov.uk", [.text("mark.janaway@kent.gov.uk")]),
            .text(" for details."),
        ], line: 4)])
    }
}
