import Foundation
@testable import QuireImport
import QuireModel
import Testing

/// The header block rules on hand-built documents, one form councils print per test.
@Suite struct HeaderRuleTests {
    @Test func aLabelGridWithAValueRunningOverABlankRow() throws {
        let result = try importDocument([
            grid([
                ["From:", "Alex Example, Cabinet Member for Parks"],
                ["", ""],
                ["", "Sam Sample, Director of Green Spaces"],
                ["To:", "Cabinet – 30 January 2025"],
                ["REPORT TITLE:", "Tree planting programme"],
                ["Classification", "OFFICIAL"],
                ["Cabinet portfolio:", "Parks and Open Spaces"],
                ["Key decision", "Yes"],
            ], at: 1, ruled: false),
        ] + body(at: 10))
        let m = result.paper.frontMatter
        #expect(m.by == [Person(name: "Alex Example", role: "Cabinet Member for Parks"), Person(name: "Sam Sample", role: "Director of Green Spaces")])
        #expect(m.byIsFrom)
        #expect(m.plain(.to) == "Cabinet")
        #expect(m.date?.iso == "2025-01-30")
        #expect(m.plain(.subject) == "Tree planting programme")
        #expect(m.plain(.classification) == "OFFICIAL")
        #expect(m.plain(.keyDecision) == "Yes")
        #expect(m.fields == [HeaderField(label: "Cabinet portfolio", value: [.text("Parks and Open Spaces")])])
        #expect(result.warnings.contains { $0.line == 4 && $0.message.contains("the To row gives the date") })
    }

    @Test func aLabelWrappedOverTwoLinesInItsCell() throws {
        let labelCell = ImportCell(paragraphs: [paragraph("RESPONSIBLE OFFICER:", at: 3, lines: ["RESPONSIBLE", "OFFICER:"])])
        let valueCell = ImportCell(paragraphs: [paragraph("DIRECTOR OF GREEN SPACES", at: 3, lines: ["DIRECTOR OF GREEN", "SPACES"])])
        let toRow = [ImportCell(paragraphs: [paragraph("REPORT TO:", at: 1)]), ImportCell(paragraphs: [paragraph("PARKS COMMITTEE", at: 1)])]
        let table = ImportTable(rows: [toRow, [labelCell, valueCell]], ruled: false, place: SourcePlace(line: 1))
        let m = try importDocument([.table(table)] + body(at: 6)).paper.frontMatter
        #expect(m.plain(.to) == "PARKS COMMITTEE")
        #expect(m.by == [Person(name: "DIRECTOR OF GREEN SPACES", role: nil)])
    }

    @Test func labelsWrappedBesideTheirValuesInOneBlock() throws {
        let result = try importDocument([
            para("REPORT TO: PARKS COMMITTEE", at: 1, lines: ["REPORT TO:        PARKS COMMITTEE"]),
            para("REPORT TREE PLANTING TITLE: PROGRAMME", at: 3, lines: ["REPORT            TREE PLANTING", "TITLE:            PROGRAMME"]),
            para("RESPONSIBLE DIRECTOR OF GREEN OFFICER: SPACES", at: 6, lines: ["RESPONSIBLE       DIRECTOR OF GREEN", "OFFICER:          SPACES"]),
        ] + body(at: 9))
        let m = result.paper.frontMatter
        #expect(m.plain(.to) == "PARKS COMMITTEE")
        #expect(m.plain(.subject) == "TREE PLANTING PROGRAMME")
        #expect(m.by == [Person(name: "DIRECTOR OF GREEN SPACES", role: nil)])
        #expect(result.dropped.filter { $0.reason == .label }.map(\.text) == ["REPORT TO:", "REPORT TITLE:", "RESPONSIBLE OFFICER:"])
    }

    @Test func aLabelAloneWithItsValueBelowAndABoxedPanel() throws {
        let result = try importDocument([
            para("To: Cabinet", at: 1),
            para("Date: 4 June 2025", at: 2),
            para("Subject: Tree planting programme", at: 3),
            para("Summary", at: 5, bold: true, boxed: true),
            para("This report sets out the planting plan.", at: 6, boxed: true),
            para("It also sets out the costs.", at: 7, boxed: true),
            para("Recommendation(s):", at: 9, bold: true, boxed: true),
            para("Cabinet is asked to:", at: 10, boxed: true),
            para("APPROVE the plan; and", marker: "a)", at: 11, boxed: true),
            para("NOTE the costs.", marker: "b)", at: 12, boxed: true),
        ] + body(at: 14))
        let m = result.paper.frontMatter
        #expect(m.text(.summary) == [.text("This report sets out the planting plan."), .lineBreak, .text("It also sets out the costs.")])
        #expect(m.plainList(.recommendation) == ["Cabinet is asked to: APPROVE the plan; and", "NOTE the costs."])
        #expect(m.numbering.recommendations == .letterParenthesis)
        #expect(result.dropped.contains { $0.text == "a)" && $0.reason == .number })
    }

    @Test func aBoxedPanelAsAOneCellTable() throws {
        let panel = ImportTable(rows: [[ImportCell(paragraphs: [paragraph("Summary:", at: 4), paragraph("The plan for the year.", at: 5)])]],
                                ruled: true, place: SourcePlace(line: 4))
        let m = try importDocument([para("To: Cabinet", at: 1), para("Subject: Trees", at: 2), .table(panel)] + body(at: 8)).paper.frontMatter
        #expect(m.plain(.summary) == "The plan for the year.")
    }

    @Test func runInLabelsInCapitalsThroughTheSynonyms() throws {
        let result = try importDocument([
            para("COMMITTEE: Planning Committee", at: 1),
            para("DATE OF MEETING: 19/10/2017", at: 2),
            para("TITLE OF REPORT: Local Plan review", at: 3),
            para("REPORT OF: Head of Planning", at: 4),
            para("PURPOSE OF REPORT: To agree the timetable.", at: 5),
            para("WARD(S): All", at: 6),
            para("OFFICER RECOMMENDATIONS: That the timetable be agreed.", at: 7),
            para("DECISION NO: 17/00123", at: 8),
        ] + body(at: 10))
        let m = result.paper.frontMatter
        #expect(m.plain(.to) == "Planning Committee")
        #expect(m.date?.iso == "2017-10-19")
        #expect(m.plain(.subject) == "Local Plan review")
        #expect(m.by.map(\.name) == ["Head of Planning"])
        #expect(m.plain(.summary) == "To agree the timetable.")
        #expect(m.plain(.electoralDivisions) == "All")
        #expect(m.plainList(.recommendation) == ["That the timetable be agreed."])
        #expect(m.plain(.decisionNumber) == "17/00123")
        #expect(m.fields.isEmpty)
    }

    @Test func aBlankLineBetweenTwoPeopleUnderFrom() throws {
        let m = try importDocument([
            para("From: Alex Example, Cabinet Member for Parks", at: 1, lines: ["From:           Alex Example, Cabinet Member for Parks"]),
            para("Sam Sample, Director of Green Spaces", at: 3, lines: ["                Sam Sample, Director of Green Spaces"], indent: 96),
            para("To: Cabinet – 4 June 2025", at: 5),
            para("Subject: Tree planting programme", at: 7),
        ] + body(at: 9)).paper.frontMatter
        #expect(m.by.map(\.name) == ["Alex Example", "Sam Sample"])
        #expect(m.plain(.to) == "Cabinet")
        #expect(m.plain(.subject) == "Tree planting programme")
    }

    @Test func theProtectiveMarkingIsTheClassificationWhenTheHeaderHasNone() throws {
        var document = ImportDocument(file: "paper.pdf", blocks: [para("To: Cabinet", at: 1), para("Subject: Trees", at: 2)] + body(at: 4), marking: "OFFICIAL")
        document.furniture = [SourceText(text: "OFFICIAL", place: SourcePlace(line: 40, page: 1), reason: "running footer")]
        let result = try importPaper(document)
        #expect(result.paper.frontMatter.plain(.classification) == "OFFICIAL")
        let given = try importDocument([para("To: Cabinet", at: 1), para("Classification: Unrestricted", at: 2)] + body(at: 4), marking: "OFFICIAL")
        #expect(given.paper.frontMatter.plain(.classification) == "Unrestricted")
    }

    @Test func otherLabelsGoToFieldsInOrder() throws {
        let m = try importDocument([
            para("To: Cabinet", at: 1), para("Portfolio Holder: Cllr Jo Bloggs", at: 2), para("Budget Code: HW-2025-07", at: 3),
            para("Agenda item: 7", at: 4), para("Subject: Trees", at: 5),
        ] + body(at: 7)).paper.frontMatter
        #expect(m.fields.map(\.label) == ["Portfolio Holder", "Budget Code"])
        #expect(m.fields.map { $0.value.plainText } == ["Cllr Jo Bloggs", "HW-2025-07"])
        // "Agenda item" is the registry's agenda-item, not one of the other fields.
        #expect(m.plain(.agendaItem) == "7")
    }

    @Test func textBeforeTheFirstLabelIsThePreamble() throws {
        let result = try importDocument([para("CITY COUNCIL", at: 1, size: 1.6, bold: true), para("To: Cabinet", at: 3), para("Subject: Trees", at: 4)] + body(at: 6))
        // Kept at the body's start as a plain paragraph (never a numbered section).
        #expect(result.paper.body.first == .paragraph([.text("CITY COUNCIL")], line: 1))
        #expect(result.unplaced.map(\.text) == ["CITY COUNCIL"])
    }
}
