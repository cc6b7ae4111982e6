import Foundation
import QuireModel
import QuireSource
import Testing

/// Paragraph numbers typed by habit that Markdown reads as an ordered list print as lettered
/// sub-items "(a) …": each gets a warning on its line saying what it prints.
@Suite struct TypedListNumberTests {
    func warnings(_ markdown: String) throws -> [Diagnostic] {
        try parse("---\nsubject: Test\n---\n" + markdown).warnings  // the body starts on line 4
    }

    @Test func aListStartingAtTwoIsAParagraphNumberTypedByHabit() throws {
        let found = try warnings("# Pressures\n\nThe first paragraph.\n\n2. The largest pressure is on placements for older children.\n")
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: "paper.md", line: 8))
        #expect(found.first?.message.contains("starts at 2") == true)
        #expect(found.first?.message.contains("prints as lettered sub-items '(a) The largest pressure is on placements fo…'") == true, "\(found)")
        #expect(found.first?.description.hasPrefix("paper.md:8: warning: ") == true)
    }

    @Test func aSectionTypedAsANumberedListUnderItsHeadingIsNamed() throws {
        let found = try warnings("# Introduction\n\n1. This report presents the annual report.\n\n2. The Board met four times.\n\n3. It reviewed two cases.\n")
        #expect(found.count == 1)
        #expect(found.first?.location?.line == 6)
        #expect(found.first?.message.contains("'(a) This report presents the annual report.', '(b) The Board met four times.', …") == true)
    }

    @Test func subItemsAfterTheirParagraphAndListsBeforeTheFirstSectionAreLeftAlone() throws {
        #expect(try warnings("# Recommendations\n\nThe Committee is asked to:\n\n1. NOTE the figures;\n2. ENDORSE the plan.\n").isEmpty)
        #expect(try warnings("3. Before any section nothing is numbered.\n\n# Introduction\n\nText.\n").isEmpty)
        #expect(try warnings("# Introduction\n\n- a bullet list under a heading\n- is fine\n").isEmpty)
    }

    @Test func theExamplesHaveNoTypedNumbers() throws {
        for name in ["kscb-2016-17", "kscb-2012-13", "cabinet-decision-2017", "kscb-annual-report"] {
            #expect(try parseExample(name).warnings.isEmpty, "\(name)")
        }
    }
}
