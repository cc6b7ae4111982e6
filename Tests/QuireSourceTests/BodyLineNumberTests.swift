import QuireModel
import Testing

/// Body block lines are lines of the whole file, front matter included, so messages point
/// where the author's editor does.
@Suite struct BodyLineNumberTests {
    @Test func linesCountTheFrontMatter() throws {
        let paper = try parse("""
            ---
            subject: Lines
            to: Council
            summary: >-
              Two lines
              of summary.
            ---

            # First

            Paragraph on line 11.

            1. item on line 13
            """)
        #expect(paper.bodyLine == 8)
        guard case .heading(_, _, let headingLine) = paper.body[0] else { Issue.record("expected a heading"); return }
        #expect(headingLine == 9)
        guard case .paragraph(_, let paragraphLine) = paper.body[1] else { Issue.record("expected a paragraph"); return }
        #expect(paragraphLine == 11)
        guard case .list(_, let items, let listLine) = paper.body[2], case .paragraph(_, let itemLine)? = items.first?.first else {
            Issue.record("expected a list"); return
        }
        #expect(listLine == 13)
        #expect(itemLine == 13)
    }
}
