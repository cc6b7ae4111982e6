import Foundation
@testable import QuireImport
import QuireModel
import QuireSource
import Testing

/// The body rules on hand-built documents: headings, numbering styles kept, lists nested,
/// run-in headings, spans of bold and italic, renumbering and cross-references.
@Suite struct BodyRuleTests {
    let header: [ImportBlock] = [para("To: Cabinet", at: 1), para("Subject: Trees", at: 2), para("Summary: The plan.", at: 3)]

    func imported(_ blocks: [ImportBlock]) throws -> ImportResult { try importDocument(header + blocks) }

    @Test func headingsBySizeAndWeight() throws {
        let result = try imported([
            para("Purpose of the Plan", at: 5, size: 1.3, bold: true),
            para("The council plants trees.", at: 6),
            para("Funding", at: 7, bold: true),
            para("It is funded by grants.", at: 8),
            para("Appendix", at: 9, size: 1.3),
        ])
        #expect(result.paper.body.map(\.kind) == ["#1 Purpose of the Plan", "¶", "#2 Funding", "¶", "#1 Appendix"])
    }

    @Test func headingsByTheSourcesOwnLevel() throws {
        let result = try imported([
            para("Scope", at: 5, heading: 1), para("Text.", at: 6), para("Detail", at: 7, style: "Heading 2"), para("More.", at: 8),
        ])
        #expect(result.paper.body.map(\.kind) == ["#1 Scope", "¶", "#2 Detail", "¶"])
    }

    @Test func aCountThroughTheReportUnderUnnumberedHeadings() throws {
        let result = try imported([
            para("Background", at: 5, bold: true),
            para("The council plants trees each winter.", marker: "1.", at: 6),
            para("Volunteers plant them.", marker: "2.", at: 7),
            para("Costs", at: 8, bold: true),
            para("Costs fell this year.", marker: "3.", at: 9),
            para("See paragraph 2 for who plants.", marker: "4.", at: 10),
        ])
        #expect(result.paper.frontMatter.numbering == NumberingOptions(sections: false, paragraphs: .period, count: .document))
        #expect(result.source.contains("numbering:\n  sections: false\n  paragraphs: \"1.\"\n  count: document\n"))
        #expect(result.paper.body.map(\.kind) == ["#1 Background", "¶", "¶", "#1 Costs", "¶", "¶"])
        #expect(!result.warnings.contains { $0.message.contains("the output prints") })
    }

    @Test(arguments: [("1)", ParagraphNumbering.parenthesis), ("(1)", .parenthesized), ("1.", .period)])
    func paragraphStylesRestartingPerSection(first: String, style: ParagraphNumbering) throws {
        let second = first.replacingOccurrences(of: "1", with: "2")
        let result = try imported([
            para("Introduction", marker: "1.", at: 5, bold: true), para("One.", marker: first, at: 6), para("Two.", marker: second, at: 7),
            para("Costs", marker: "2.", at: 8, bold: true), para("One again.", marker: first, at: 9),
        ])
        #expect(result.paper.frontMatter.numbering.paragraphs == (style == .parenthesized ? nil : style))
        #expect(result.paper.frontMatter.numbering.count == nil)
        #expect(result.paper.body.map(\.kind) == ["#1 Introduction", "¶", "¶", "#1 Costs", "¶"])
    }

    @Test func letteredAndRomanItemsNestAndKeepTheirStyle() throws {
        let result = try imported([
            para("Recommendations", marker: "1.", at: 5, bold: true),
            para("Cabinet is asked to:", marker: "1.1", at: 6),
            para("APPROVE the plan;", marker: "a)", at: 7, indent: 36, markerIndent: 18),
            para("for the north", marker: "i.", at: 8, indent: 54, markerIndent: 36),
            para("for the south", marker: "ii.", at: 9, indent: 54, markerIndent: 36),
            para("NOTE the costs.", marker: "b)", at: 10, indent: 36, markerIndent: 18),
        ])
        #expect(result.paper.frontMatter.numbering.items == [.letterParenthesis, .romanPeriod])
        #expect(result.source.contains("Cabinet is asked to:\n\n1. APPROVE the plan;\n   1. for the north\n   2. for the south\n2. NOTE the costs.\n"))
    }

    @Test func aThirdLevelUnderItsParagraph() throws {
        let result = try imported([
            para("Costs", marker: "2.", at: 5, bold: true),
            para("The costs are:", marker: "2.1", at: 6),
            para("staff;", marker: "2.1.1", at: 7),
            para("trees.", marker: "2.1.2", at: 8),
        ])
        #expect(result.paper.frontMatter.numbering.items == [.decimal])
        #expect(result.paper.frontMatter.numbering.paragraphs == .decimal)
    }

    @Test func nestedBulletsByIndent() throws {
        let result = try imported([
            para("Priorities", marker: "1.", at: 5, bold: true),
            para("The priorities are:", marker: "1.1", at: 6),
            para("Partnership working", marker: "•", at: 7, indent: 36, markerIndent: 18),
            para("the voice of the child", marker: "o", at: 8, indent: 54, markerIndent: 36),
            para("Neglect", marker: "•", at: 9, indent: 36, markerIndent: 18),
            para("It goes on in the item.", at: 10, indent: 36),
            para("Back in the body.", marker: "1.2", at: 11),
        ])
        #expect(result.source.contains("The priorities are:\n\n- Partnership working\n  - the voice of the child\n- Neglect\n\n  It goes on in the item.\n\nBack in the body.\n"))
    }

    @Test func runInHeadingsAndSpansAreKept() throws {
        let result = try imported([
            para("Background", marker: "1.", at: 5, bold: true),
            para("Background: The council plants trees.", marker: "1.1", at: 6,
                 inlines: [.strong([.text("Background")]), .text(": The council plants "), .emphasis([.text("native")]), .text(" trees.")]),
        ])
        #expect(result.source.contains("\n**Background:** The council plants *native* trees.\n"))
    }

    @Test func aRenumberedParagraphTakesItsReferencesWithIt() throws {
        let result = try imported([
            para("Planting", marker: "1.", at: 5, bold: true),
            para("The council plants trees each winter.", marker: "1.1", at: 6),
            para("Volunteers do the planting (see paragraph 2.3).", marker: "1.3", at: 7),
            para("Costs", marker: "2.", at: 8, bold: true),
            para("Costs are lower, as paragraphs 1.3 and 2.3 say.", marker: "2.1", at: 9),
            para("The saving is explained here.", marker: "2.3", at: 10),
        ])
        let warnings = result.warnings.map(\.description)
        #expect(warnings.contains("paper.pdf:7: warning: paragraph numbered 1.3 follows 1.1; the output prints 1.2"))
        #expect(warnings.contains("paper.pdf:10: warning: paragraph numbered 2.3 follows 2.1; the output prints 2.2"))
        #expect(result.source.contains("Volunteers do the planting (see paragraph 2.2)."))
        #expect(result.source.contains("Costs are lower, as paragraphs 1.2 and 2.2 say."))
        #expect(result.wordCheck.extraWords.isEmpty && result.wordCheck.outOfOrderWords.isEmpty)
    }

    @Test func aReferenceToANumberGivenTwiceIsLeftAndWarned() throws {
        let result = try imported([
            para("Planting", marker: "1.", at: 5, bold: true),
            para("One.", marker: "(1)", at: 6), para("Two.", marker: "(2)", at: 7), para("Two again.", marker: "(2)", at: 8),
            para("As paragraph 1(2) says.", marker: "(3)", at: 9),
        ])
        #expect(result.warnings.contains { $0.line == 9 && $0.message.contains("cannot tell which paragraph 'paragraph 1(2)' means") })
        #expect(result.source.contains("As paragraph 1(2) says."))
    }

    @Test func aParagraphOverAPageBreakIsOne() throws {
        let result = try imported([
            para("Planting", marker: "1.", at: 5, bold: true),
            para("The council plants trees in every ward of the", marker: "1.1", at: 6, page: 1),
            para("district, using volunteers.", at: 7, page: 2),
        ])
        #expect(result.paper.body.count == 2)
        #expect(result.source.contains("The council plants trees in every ward of the district, using volunteers."))
    }
}

extension Block {
    /// "#2 Title" for a heading, "¶" for a paragraph, "list", "table": for comparing shapes.
    var kind: String {
        switch self {
        case .heading(let level, let inlines, _): "#\(level) \(inlines.plainText)"
        case .paragraph: "¶"
        case .list: "list"
        case .table: "table"
        default: "other"
        }
    }
}
