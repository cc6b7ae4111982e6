import Foundation
@testable import QuireImport
@testable import QuireImportPDF
import QuireModel
import QuireTestSupport
import Testing

/// The import cases (Tests/Fixtures/import-cases, copies of the shared folder): small papers
/// reproducing each failure real papers showed, each giving what its README says.
@Suite struct ImportCaseTests {
    static let folder = repositoryRoot.appendingPathComponent("Tests/Fixtures/import-cases")

    func imported(_ name: String) throws -> ImportResult {
        let path = Self.folder.appendingPathComponent(name).path
        return try importPaper(try readImportDocument(try Data(contentsOf: URL(fileURLWithPath: path)), file: name))
    }

    @Test func r1BlankLineBetweenTwoPeopleUnderFrom() throws {
        let m = try imported("r1_blank_in_from.txt").paper.frontMatter
        #expect(m.by == [Person(name: "Alex Example", role: "Cabinet Member for Parks"), Person(name: "Sam Sample", role: "Director of Green Spaces")])
        #expect(m.byIsFrom)
        #expect(m.plain(.to) == "Cabinet")
        #expect(m.date?.iso == "2025-06-04")
        #expect(m.plain(.subject) == "Tree planting programme")
        #expect(m.plain(.classification) == "Unrestricted")
        #expect(m.plain(.summary) == "This report sets out the planting plan for the year.")
        #expect(m.plainList(.recommendation) == ["Cabinet is asked to approve the plan."])
    }

    @Test func r2LabelsOnTheirOwnLineWithALeadInAndItems() throws {
        let result = try imported("r2_label_own_line.txt")
        let m = result.paper.frontMatter
        #expect(m.plain(.summary) == "This report sets out the planting plan for the year.")
        // The lead-in kept (before the first item), the items a list in their style.
        #expect(m.plainList(.recommendation) == ["Cabinet is asked to: APPROVE the plan; and", "NOTE the costs."])
        #expect(m.numbering.recommendations == .letterParenthesis)
        #expect(!m.fields.contains { $0.label.contains("Cabinet") })
    }

    @Test func r3AnotherCouncilsHeaderAndItsNumbering() throws {
        let result = try imported("r3_other_council_header.txt")
        let m = result.paper.frontMatter
        #expect(m.plain(.to) == "PARKS COMMITTEE")
        #expect(m.plain(.subject) == "TREE PLANTING PROGRAMME")
        #expect(m.by == [Person(name: "DIRECTOR OF GREEN SPACES", role: nil)])
        #expect(m.plain(.summary) == "To set out the planting plan for the year.")
        #expect(m.plainList(.recommendation) == ["That the Committee: Approves the plan."])
        #expect(m.numbering.recommendations == .numberParenthesis)
        // "Background" a heading, unnumbered; "1." and "2." numbered paragraphs in that style.
        #expect(result.paper.body.map(\.kind) == ["#1 Background", "¶", "¶"])
        #expect(m.numbering.sections == false)
        #expect(m.numbering.paragraphs == .period)
        #expect(!result.warnings.contains { $0.message.contains("the output prints") })
    }

    @Test func r4ATableOfFiguresWithEmptyCells() throws {
        let result = try imported("r4_table.txt")
        // Table detection is the reader's (lattice and stream, the page helper's readers); the
        // interim line reader has none, so this is a known issue until they land.
        withKnownIssue("stream tables come from the page helper's text reader", isIntermittent: true) {
            guard case .table(let table)? = result.paper.body.first(where: { if case .table = $0 { true } else { false } }) else {
                Issue.record("no table")
                return
            }
            #expect(table.header.map(\.plainText) == ["", "Oaks", "Birches", "Rowans"])
            #expect(table.rows.map { $0.map(\.plainText) } == [["North", "120", "80", "40"], ["South", "", "65", "30"], ["East", "90", "", "25"]])
        }
        #expect(result.unplaced.isEmpty)
    }

    @Test func r5RoleThenNameAndTwoContactsSideBySide() throws {
        let m = try imported("r5_people.txt").paper.frontMatter
        #expect(m.by == [Person(name: "Alex Example", role: "Deputy Leader and Cabinet Member for Parks, Leisure and Open Spaces"),
                         Person(name: "Sam Sample", role: "Director of Green Spaces")])
        #expect(m.contact == [
            Contact(name: "Jo Bloggs", role: "Tree Officer", phone: "03000 111111", email: "jo.bloggs@example.gov.uk"),
            Contact(name: "Sam Sample", role: "Director of Green Spaces", phone: "03000 222222", email: "sam.sample@example.gov.uk"),
        ])
    }

    @Test func r7NumbersKeptGapsWarnedReferencesMoved() throws {
        let result = try imported("r7_numbering.txt")
        let m = result.paper.frontMatter
        #expect(m.plainList(.recommendation) == ["Cabinet is asked to: APPROVE the planting plan", "NOTE the costs in paragraph 2.2"])
        #expect(m.numbering.recommendations == .numberParenthesized)
        #expect(m.numbering.paragraphs == .decimal || result.numbering.paragraphs == .decimal)
        let warnings = result.warnings.map(\.description)
        #expect(warnings.contains("r7_numbering.txt:22: warning: paragraph numbered 1.3 follows 1.1; the output prints 1.2 (page 1)"))
        #expect(warnings.contains("r7_numbering.txt:28: warning: paragraph numbered 2.3 follows 2.1; the output prints 2.2 (page 1)"))
        #expect(result.unplaced.isEmpty)
    }

    @Test(arguments: ["r1_blank_in_from.txt", "r2_label_own_line.txt", "r3_other_council_header.txt", "r4_table.txt", "r5_people.txt", "r7_numbering.txt"])
    func importThenRenderSucceeds(name: String) throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let quire = try quireExecutable().path
        let source = Self.folder.appendingPathComponent(name).path
        let imported = try runProcess(quire, ["import", source, "-o", "paper.md"], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        let report = try String(contentsOf: folder.appendingPathComponent("paper.md.import-report.txt"), encoding: .utf8)
        let rendered = try runProcess(quire, ["render", "paper.md", "-o", "paper.pdf"], in: folder)
        if report.contains("source has none, so the paper renders without them): 0") {
            #expect(rendered.status == 0, "\(rendered.stderr)")
        } else {
            withKnownIssue("imported-from papers render without a required field only with the styles helper's render rule", isIntermittent: true) {
                #expect(rendered.status == 0, "\(rendered.stderr)")
            }
        }
    }

    @Test func theSplitSectionPDFHasNumbersApartAndNothingTwice() throws {
        let path = Self.folder.appendingPathComponent("split-section.pdf").path
        let result = try importPaper(try readImportDocument(try Data(contentsOf: URL(fileURLWithPath: path)), file: "split-section.pdf"))
        #expect(result.paper.body.map(\.kind).prefix(3) == ["#1 Introduction", "¶", "¶"])
        #expect(!result.source.contains("1.1The"))
        #expect(result.wordCheck.repeatedParagraphs.isEmpty && result.wordCheck.extraWords.isEmpty)
        #expect(result.unplaced.isEmpty)
    }
}
