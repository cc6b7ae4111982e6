import Foundation
@testable import QuireImport
import QuireModel
import Testing

/// The body: sections, paragraphs in their legacy numberings, lists, joined lines, closing
/// sections; and lines no rule places, which are kept and reported.
@Suite struct BodyTests {
    static let header = "By: Jane Smith, Director\nTo: Cabinet\nDate: 1 May 2018\nSubject: S\nClassification: Unrestricted\nSummary: S.\nRecommendation: NOTE it.\n\n"

    func body(_ text: String) throws -> ImportResult {
        try importText(Self.header + text)
    }

    @Test func legacyNumberingFormsBecomePlainParagraphs() throws {
        let result = try body("""
            1. Introduction

            - (1) First paragraph
            wrapped here.
            - (2) Second paragraph.

            2. Figures

            2.1 Dotted first.

            2.2 Dotted second.

            (1) Bracketed
            (2) Next in sequence, though the line before did not end a sentence.
            """)
        #expect(result.body == [
            .section("Introduction"), .paragraph("First paragraph wrapped here."), .paragraph("Second paragraph."),
            .section("Figures"), .paragraph("Dotted first."), .paragraph("Dotted second."),
            .paragraph("Bracketed"), .paragraph("Next in sequence, though the line before did not end a sentence."),
        ])
        #expect(writeSource(result).contains("\n\n# Introduction\n\nFirst paragraph wrapped here.\n\nSecond paragraph.\n\n# Figures\n"))
    }

    @Test func skippedAndRepeatedNumbersAreWarned() throws {
        let result = try body("1. Introduction\n\n(1) One.\n\n(1) One again.\n\n(3) Three.\n\nNo number.\n")
        let warnings = result.warnings.map(\.description)
        #expect(warnings.contains("old-paper.txt:13: warning: paragraph numbered (1) follows (1); Quire renumbers it (2)"))
        // "(3)" skips "(2)", but Quire prints (3) there anyway.
        #expect(!warnings.contains { $0.contains(":15:") })
        #expect(warnings.contains("old-paper.txt:17: warning: paragraph without a number in a numbered section; Quire numbers it (4)"))
    }

    @Test func letteredItemsBecomeAList() throws {
        let result = try body("1. Recommendations\n\n(1) The Committee is asked to:\n\n(a) NOTE the report\nin full\n\n(b) AGREE\n(i) the plan\n(ii) the budget.\n")
        #expect(result.body == [
            .section("Recommendations"), .paragraph("The Committee is asked to:"),
            .letteredList([ListItem(text: "NOTE the report in full"), ListItem(text: "AGREE", subItems: ["the plan", "the budget."])]),
        ])
        #expect(writeSource(result).hasSuffix("The Committee is asked to:\n\n1. NOTE the report in full\n2. AGREE\n    1. the plan\n    2. the budget.\n"))
    }

    @Test func aParagraphSplitByAPageBreakIsJoined() throws {
        let result = try body("1. Introduction\n\n(1) Around 24,000 CYP)\n\n\n\nwere supported.\n\n(2) Learning from Serious\n\n\n\nCase Reviews.\n")
        #expect(result.body == [.section("Introduction"), .paragraph("Around 24,000 CYP) were supported."), .paragraph("Learning from Serious Case Reviews.")])
    }

    @Test(arguments: [
        ("safe-", "guarding of children", "safeguarding of children"),
        ("a multi-", "agency audit", "a multi-agency audit"),
        ("the non-", "statutory bodies", "the non-statutory bodies"),
        ("for 2017-", "2020, includes", "for 2017-2020, includes"),
        ("Anglo-", "Saxon", "Anglo-Saxon"),
        ("services -", "and more", "services - and more"),
    ])
    func dehyphenationKeepsRealHyphens(end: String, next: String, joined: String) {
        #expect(joinWrappedLines([end, next]) == joined)
    }

    @Test func thePapersOwnSpellingDecides() {
        #expect(joinWrappedLines(["the on-", "going work"], vocabulary: ["on-going"]) == "the on-going work")
        #expect(joinWrappedLines(["a cross-", "roads"], vocabulary: ["crossroads"]) == "a crossroads")
    }

    @Test func closingSectionsGoToTheFrontMatter() throws {
        let result = try body("""
            1. Introduction

            Text.

            2. Background Documents

            • Annual Report 2016/17
            • Business Plan

            3. Contact officer

            Jane Smith
            Head of Safeguarding
            Tel: 03000 123456
            Email: jane.smith@kent.gov.uk
            """)
        #expect(result.frontMatter.plainList(.backgroundDocuments) == ["Annual Report 2016/17", "Business Plan"])
        #expect(result.frontMatter.contact == [Contact(name: "Jane Smith", role: "Head of Safeguarding", phone: "03000 123456", email: "jane.smith@kent.gov.uk")])
        #expect(result.body == [.section("Introduction"), .paragraph("Text.")])
        #expect(result.unplaced.isEmpty)
    }

    @Test func unplacedLinesAreKeptAndReported() throws {
        let result = try importText("KENT COUNTY COUNCIL\n" + Self.header + "A note before any section.\n\n1. Introduction\n\nText.\n\n2. Contact details\n\n03000 123456\n")
        #expect(result.unplaced.map(\.line) == [1, 10, 18])
        #expect(result.unplaced.map(\.text) == ["KENT COUNTY COUNCIL", "A note before any section.", "03000 123456"])
        #expect(result.body.contains(.paragraph("KENT COUNTY COUNCIL")))
        #expect(result.body.contains(.paragraph("A note before any section.")))
        #expect(result.body.contains(.paragraph("03000 123456")))
        let report = writeReport(result, output: "paper.md")
        #expect(report.contains("Lines not placed (kept in the body as paragraphs): 3"))
        #expect(report.contains("old-paper.txt:1: KENT COUNTY COUNCIL\n    before the header block"))
        #expect(result.warnings.contains { $0.line == 18 && $0.message.hasPrefix("not placed") })
    }

    @Test func markdownInLegacyTextIsEscaped() throws {
        let result = try body("1. Introduction\n\n(1) Costs *rose* by 5% [see below] <b>\n\n(2) 2015. A year.\n")
        let source = writeSource(result)
        #expect(source.contains("Costs \\*rose\\* by 5% \\[see below\\] \\<b\\>"))
        #expect(source.contains("\n2015\\. A year.\n"))
    }

    @Test func frontMatterValuesAreQuotedSafely() throws {
        var result = try body("1. Introduction\n\nText.\n")
        result.frontMatter.setText(.subject, [.text("Budget: “2018/19” – #1 round")])
        result.frontMatter.setText(.classification, [.text("No")])
        result.frontMatter.contact = [Contact(name: "Jane Smith", role: nil, phone: "03000 123456", email: nil)]
        let source = writeSource(result)
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let laidOut = try typesetter.layout(data: Data(source.utf8), file: "paper.md", directory: folder)
        #expect(laidOut.paper.frontMatter.text(.subject)?.plainText == "Budget: “2018/19” – #1 round")
        #expect(laidOut.paper.frontMatter.text(.classification)?.plainText == "No")
        #expect(laidOut.paper.frontMatter.contact.first?.phone == "03000 123456")
    }
}
