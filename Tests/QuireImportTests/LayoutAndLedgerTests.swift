import Foundation
@testable import QuireImport
import QuireModel
import Testing

/// The layout an import names, and the word ledger's check both ways.
@Suite struct LayoutAndLedgerTests {
    /// A combined authority's style: labels in capitals, "1." paragraphs through the report.
    static let combined = LayoutProfile(
        name: "combined-authority",
        labels: [.to: "REPORT TO:", .subject: "REPORT TITLE:", .by: "RESPONSIBLE OFFICER:", .date: "DATE:", .summary: "Purpose of Report"],
        numbering: NumberingOptions(sections: false, paragraphs: .period, count: .document, items: [.letterParenthesis], recommendations: .numberParenthesis),
        required: [.to, .subject, .date], isCoverReport: true)
    static let agenda = LayoutProfile(name: "agenda", labels: [:], numbering: NumberingOptions(), required: [], isCoverReport: false)

    @Test func theClosestHouseStyleIsPickedAndOnlyDifferencesWritten() throws {
        let result = try importDocument([
            para("REPORT TO: Cabinet", at: 1), para("DATE: 4 June 2025", at: 2), para("REPORT TITLE: Trees", at: 3),
            para("Background", at: 5, bold: true),
            para("The council plants trees.", marker: "1.", at: 6), para("Volunteers plant them.", marker: "2.", at: 7),
            para("Costs", at: 8, bold: true), para("Costs fell.", marker: "3.", at: 9),
        ], profiles: [.committeePaper, Self.agenda, Self.combined])
        #expect(result.layout.name == "combined-authority")
        #expect(result.layout.reason.contains("3 of 3 header labels"))
        // The layout numbers as the source did: nothing to override.
        #expect(result.paper.frontMatter.numbering.isEmpty)
        #expect(result.missing.isEmpty)
    }

    @Test func aGivenLayoutIsKeptAndWhatItLacksReported() throws {
        let result = try importDocument([para("To: Cabinet", at: 1), para("Subject: Trees", at: 2)] + body(at: 4), layout: "committee-paper")
        #expect(result.layout == ImportLayout(name: "committee-paper", reason: "given with --layout"))
        #expect(result.missing == [.by, .date, .classification, .summary, .recommendation])
        #expect(result.warnings.contains { $0.message == "the source has no 'Summary' (summary); the paper renders without it (imported-from)" })
        #expect(result.paper.frontMatter.name(.importedFrom) == "paper.pdf")
        #expect(!result.paper.frontMatter.has(.summary))
        let report = writeReport(result, output: "paper.md")
        #expect(report.contains("Missing (the layout shows them; the source has none, so the paper renders without them): 5\n  by\n  date\n"))
    }

    @Test func theLedgerFindsALostWordAWordTwiceAndWordsOutOfOrder() throws {
        let document = ImportDocument(file: "x.pdf", blocks: [
            para("First paragraph here.", at: 1), para("Second paragraph of the body.", at: 2), para("Third one.", at: 3),
        ])
        let written = Paper(frontMatter: FrontMatter(), body: [
            .paragraph([.text("Second paragraph of the body.")], line: 2),
            .paragraph([.text("First paragraph.")], line: 1),
            .paragraph([.text("Second paragraph of the body.")], line: 2),
            .paragraph([.text("Third one.")], line: 3),
        ], file: "x.md", bodyLine: 1)
        let findings = checkLedger(document, written: written, dropped: [], added: [])
        #expect(findings.missing.map(\.words) == [["here"]])
        #expect(findings.extra == ["second", "paragraph", "of", "the", "body"])
        #expect(!findings.outOfOrder.isEmpty)
        #expect(findings.repeated == ["Second paragraph of the body."])
    }

    @Test func labelsNumbersAndDatesTakenOutOnPurposeAreNotLost() throws {
        let result = try importDocument([para("To: Cabinet – 4 June 2025", at: 1), para("Subject: Trees", at: 2)] + body(at: 4))
        #expect(result.unplaced.isEmpty)
        #expect(result.wordCheck.extraWords.isEmpty)
        #expect(Set(result.dropped.map(\.reason)) == [.label, .number, .date])
    }

    @Test func furnitureIsListedNotLost() throws {
        let document = ImportDocument(file: "x.pdf", blocks: [para("To: Cabinet", at: 1), para("Subject: Trees", at: 2)] + body(at: 4),
                                      furniture: [SourceText(text: "Page 1 of 2", place: SourcePlace(line: 40, page: 1), reason: "page number")])
        let result = try importPaper(document)
        #expect(result.wordCheck.furnitureWords == 4)
        #expect(writeReport(result, output: "x.md").contains("Dropped as page furniture: 1\n  x.pdf:40 (page 1): Page 1 of 2\n    page number"))
        #expect(!result.source.contains("Page 1 of 2"))
    }
}
