import Foundation
@testable import QuireImport
import QuireKit
import QuireModel
import QuireSource
import Testing

/// The body from a text export: sections, paragraphs in their legacy numberings, lists,
/// joined lines, closing sections; lines before the header are kept and reported.
@Suite struct BodyTests {
    static let header = "By: Jane Smith, Director\nTo: Cabinet\nDate: 1 May 2018\nSubject: S\nClassification: Unrestricted\nSummary: S.\nRecommendation: NOTE it.\n\n"

    func body(_ text: String) throws -> ImportResult {
        try importText(Self.header + text)
    }

    /// The body's blocks as plain text, kinds marked: "# Title", "¶ text", "- item", "1. item".
    func outline(_ blocks: [Block], depth: Int = 0) -> [String] {
        let pad = String(repeating: "  ", count: depth)
        return blocks.flatMap { block -> [String] in
            switch block {
            case .heading(let level, let inlines, _): [pad + String(repeating: "#", count: level) + " " + inlines.plainText]
            case .paragraph(let inlines, _): [pad + "¶ " + inlines.plainText]
            case .list(let ordered, let items, _):
                items.flatMap { item in
                    let first = item.first.map { b -> String in if case .paragraph(let i, _) = b { i.plainText } else { "?" } } ?? ""
                    return [pad + (ordered ? "1. " : "- ") + first] + outline(Array(item.dropFirst()), depth: depth + 1)
                }
            case .table: [pad + "table"]
            default: [pad + "other"]
            }
        }
    }

    @Test func legacyNumberingFormsBecomePlainParagraphs() throws {
        let result = try body("""
            1. Introduction

            - (1) First paragraph
            wrapped here.
            - (2) Second paragraph.

            2. Figures

            (1) Bracketed
            (2) Next in sequence, though the line before did not end a sentence.
            """)
        #expect(outline(result.paper.body) == [
            "# Introduction", "¶ First paragraph wrapped here.", "¶ Second paragraph.",
            "# Figures", "¶ Bracketed", "¶ Next in sequence, though the line before did not end a sentence.",
        ])
        #expect(result.source.contains("\n\n# Introduction\n\nFirst paragraph wrapped here.\n\nSecond paragraph.\n\n# Figures\n"))
        #expect(result.paper.frontMatter.numbering.isEmpty)
    }

    @Test func decimalParagraphsKeepTheirStyle() throws {
        let result = try body("1. Introduction\n\n1.1 Dotted first.\n\n1.2 Dotted second.\n\n2. Costs\n\n2.1 Costs fell.\n")
        #expect(result.paper.frontMatter.numbering == NumberingOptions(paragraphs: .decimal))
        #expect(outline(result.paper.body) == ["# Introduction", "¶ Dotted first.", "¶ Dotted second.", "# Costs", "¶ Costs fell."])
        #expect(result.source.contains("numbering:\n  paragraphs: \"1.1\"\n"))
        #expect(!result.warnings.contains { $0.message.contains("the output prints") })
    }

    @Test func skippedAndRepeatedNumbersAreWarned() throws {
        let result = try body("1. Introduction\n\n(1) One.\n\n(1) One again.\n\n(3) Three.\n\nNo number.\n")
        let warnings = result.warnings.map(\.description)
        #expect(warnings.contains("old-paper.txt:13: warning: paragraph numbered (1) follows (1); the output prints (2) (page 1)"))
        // "(3)" skips "(2)", but the output prints (3) there anyway.
        #expect(!warnings.contains { $0.contains(":15:") })
        #expect(warnings.contains { $0.hasPrefix("old-paper.txt:17: warning: paragraph without a number among numbered ones; the output prints (4)") })
    }

    @Test func letteredItemsBecomeAList() throws {
        let result = try body("1. Recommendations\n\n(1) The Committee is asked to:\n\n(a) NOTE the report\nin full\n\n(b) AGREE\n(i) the plan\n(ii) the budget.\n")
        #expect(outline(result.paper.body) == [
            "# Recommendations", "¶ The Committee is asked to:", "1. NOTE the report in full", "1. AGREE", "  1. the plan", "  1. the budget.",
        ])
        #expect(result.source.hasSuffix("The Committee is asked to:\n\n1. NOTE the report in full\n2. AGREE\n   1. the plan\n   2. the budget.\n"))
    }

    @Test func aParagraphSplitByAPageBreakIsJoined() throws {
        let result = try body("1. Introduction\n\n(1) Around 24,000 CYP)\n\n\n\nwere supported.\n\n(2) Learning from Serious\nand more\n\n\n\nCase Reviews.\n")
        #expect(outline(result.paper.body) == ["# Introduction", "¶ Around 24,000 CYP) were supported.", "¶ Learning from Serious and more Case Reviews."])
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
        #expect(result.paper.frontMatter.plainList(.backgroundDocuments) == ["Annual Report 2016/17", "Business Plan"])
        #expect(result.paper.frontMatter.contact == [Contact(name: "Jane Smith", role: "Head of Safeguarding", phone: "03000 123456", email: "jane.smith@kent.gov.uk")])
        #expect(outline(result.paper.body) == ["# Introduction", "¶ Text."])
        #expect(result.unplaced.isEmpty)
    }

    @Test func linesBeforeTheHeaderAreKeptAndReported() throws {
        let result = try importText("KENT COUNTY COUNCIL\n\n" + Self.header + "1. Introduction\n\nText.\n")
        #expect(result.unplaced.map(\.place.line) == [1])
        #expect(result.unplaced.map(\.text) == ["KENT COUNTY COUNCIL"])
        #expect(outline(result.paper.body) == ["¶ KENT COUNTY COUNCIL", "# Introduction", "¶ Text."])
        let report = writeReport(result, output: "paper.md")
        #expect(report.contains("Lines not placed (kept in the body as paragraphs): 1"))
        #expect(report.contains("old-paper.txt:1 (page 1): KENT COUNTY COUNCIL\n    before the header block"))
    }

    @Test func markdownInLegacyTextIsEscaped() throws {
        let result = try body("1. Introduction\n\n(1) Costs *rose* by 5% [see below] <b>\n\n(2) 2015. A year.\n")
        #expect(result.source.contains("Costs \\*rose\\* by 5% \\[see below\\] \\<b\\>"))
        #expect(result.source.contains("\n2015\\. A year.\n"))
    }

    @Test func frontMatterValuesAreQuotedSafely() throws {
        var result = try body("1. Introduction\n\nText.\n")
        result.paper.frontMatter.setText(.subject, [.text("Budget: “2018/19” – #1 round")])
        result.paper.frontMatter.setText(.classification, [.text("No")])
        result.paper.frontMatter.contact = [Contact(name: "Jane Smith", role: nil, phone: "03000 123456", email: nil)]
        let source = writeSource(result.paper)
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let laidOut = try typesetter.layout(data: Data(source.utf8), file: "paper.md", directory: folder)
        #expect(laidOut.paper.frontMatter.text(.subject)?.plainText == "Budget: “2018/19” – #1 round")
        #expect(laidOut.paper.frontMatter.text(.classification)?.plainText == "No")
        #expect(laidOut.paper.frontMatter.contact.first?.phone == "03000 123456")
    }
}
