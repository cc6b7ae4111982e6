import Foundation
@testable import QuireImport
import QuireModel
import Testing

/// The header block from a text export, whatever form the export gave it.
@Suite struct HeaderTests {
    @Test(arguments: [
        ("By:\tJane Smith", FrontMatterField.by as FrontMatterField?, "Jane Smith"),
        ("Recommendation\t: Members are asked to NOTE it.", .recommendation, "Members are asked to NOTE it."),
        ("Date\t4 October 2013", .date, "4 October 2013"),
        ("Subject: Budget: the 2018/19 round", .subject, "Budget: the 2018/19 round"),
        ("Decision No: 17/00123", .decisionNumber, "17/00123"),
        ("Electoral Division(s): All", .electoralDivisions, "All"),
        ("Past Pathway of Report: Cabinet, 7 November", .pastPathway, "Cabinet, 7 November"),
        ("Future pathway of paper :\tCabinet Member decision", .futurePathway, "Cabinet Member decision"),
        ("REPORT TO: PARKS COMMITTEE", .to, "PARKS COMMITTEE"),
        ("RESPONSIBLE OFFICER: Director of Green Spaces", .by, "Director of Green Spaces"),
        ("Status: Unrestricted", .classification, "Unrestricted"),
        ("Officer presenting: Jo Bloggs", .by, "Jo Bloggs"),
        ("Ward(s): All wards", .electoralDivisions, "All wards"),
        ("Cabinet portfolio: Specialist Children’s Services", nil, "Specialist Children’s Services"),
    ])
    func labelsWithColonsOrTabs(line: String, field: FrontMatterField?, value: String) throws {
        let found = try #require(runInLabel(line))
        #expect(found.label.field == field)
        #expect(String(line.dropFirst(found.valueOffset)) == value)
    }

    @Test(arguments: ["describes the progress made: in full", "With regard to the question: ‘how safe’", "10:00 in the Council Chamber",
                      "Andrew Ireland, Corporate Director", "Cabinet is asked to: approve", "see https://example.gov.uk"])
    func runningTextIsNoLabel(line: String) {
        #expect(runInLabel(line) == nil)
    }

    @Test func cyrillicToIsReadAsToAndWarned() throws {
        let result = try importText("By: Jane Smith, Director\n\u{0422}\u{043E}:\tCabinet Committee\n\n1. Introduction\n\nText.\n")
        #expect(result.paper.frontMatter.plain(.to) == "Cabinet Committee")
        let warning = try #require(result.warnings.first { $0.line == 2 })
        #expect(warning.description == "old-paper.txt:2: warning: label '\u{0422}\u{043E}:' has look-alike letters (Cyrillic \u{0422} (U+0422), Cyrillic \u{043E} (U+043E)); read as 'To' (page 1)")
    }

    @Test func valuesRunOverSeveralLines() throws {
        let text = """
            By: Roger Gough, Cabinet Member for Specialist Children’s Services
            Andrew Ireland, Corporate Director, Families
            and Social Care
            To: County Council – 19th October 2017
            Summary: This report describes the safe-
            guarding of children
            and the challenges ahead.
            Recommendation:
            (a) NOTE the report;
            (b) AGREE the plan.
            Portfolio: Children’s Services

            1. Introduction

            Text.
            """
        let result = try importText(text)
        let m = result.paper.frontMatter
        #expect(m.by == [Person(name: "Roger Gough", role: "Cabinet Member for Specialist Children’s Services"),
                         Person(name: "Andrew Ireland", role: "Corporate Director, Families and Social Care")])
        #expect(m.plain(.to) == "County Council")
        #expect(m.date?.iso == "2017-10-19")
        #expect(m.plain(.summary) == "This report describes the safeguarding of children and the challenges ahead.")
        #expect(m.plainList(.recommendation) == ["NOTE the report;", "AGREE the plan."])
        #expect(m.numbering.recommendations == .letterParenthesized || m.numbering.recommendations == nil)
        #expect(m.fields == [HeaderField(label: "Portfolio", value: [.text("Children’s Services")])])
    }

    @Test func aLongValueRunsOnOverAPageBreakButAShortOneDoesNot() throws {
        let text = "Subject: Kent Safeguarding\n\n\nChildren Board annual report\nClassification: Unrestricted\n\nThe body has no numbered sections.\n"
        let result = try importText(text)
        #expect(result.paper.frontMatter.plain(.subject) == "Kent Safeguarding Children Board annual report")
        #expect(result.paper.frontMatter.plain(.classification) == "Unrestricted")
        #expect(result.paper.body == [.paragraph([.text("The body has no numbered sections.")], line: 7)])
    }

    @Test(arguments: [
        ("4 th October 2013", "2013-10-04"), ("19th October 2017", "2017-10-19"), ("County Council – 19th October 2017", "2017-10-19"),
        ("21 Nov 2017", "2017-11-21"), ("October 19, 2017", "2017-10-19"), ("19/10/2017", "2017-10-19"), ("2017-10-19", "2017-10-19"),
    ])
    func datesBecomeISO(text: String, iso: String) {
        #expect(parseLegacyDate(text)?.iso == iso)
    }

    @Test func impossibleDateIsKeptAsAFieldAndWarned() throws {
        let result = try importText("By: Jane Smith\nDate: 31st June 2017\n\n1. Introduction\n\nText.\n")
        #expect(result.paper.frontMatter.date == nil)
        #expect(result.paper.frontMatter.fields == [HeaderField(label: "Date", value: [.text("31st June 2017")])])
        #expect(result.warnings.contains { $0.line == 2 && $0.message.contains("cannot read '31st June 2017' as a date") })
    }

    @Test func noHeaderIsAnError() {
        #expect {
            _ = try importText("\n\n1. Introduction\n\nJust a body.\n", file: "bare.txt")
        } throws: { error in
            "\(error)".hasPrefix("bare.txt:3: error: no header block found")
        }
    }
}
