import Foundation
@testable import QuireImport
import QuireModel
import Testing

/// The header block, whatever form the legacy export gave it.
@Suite struct HeaderTests {
    @Test(arguments: [
        ("By:\tJane Smith", HeaderKey.known(.by, from: false), "Jane Smith"),
        ("Recommendation\t: Members are asked to NOTE it.", .known(.recommendation, from: false), "Members are asked to NOTE it."),
        ("Date\t4 October 2013", .known(.date, from: false), "4 October 2013"),
        ("Subject: Budget: the 2018/19 round", .known(.subject, from: false), "Budget: the 2018/19 round"),
        ("Decision No: 17/00123", .known(.decisionNumber, from: false), "17/00123"),
        ("Electoral Division(s): All", .known(.electoralDivisions, from: false), "All"),
        ("Past Pathway of Report: Cabinet, 7 November", .known(.pastPathway, from: false), "Cabinet, 7 November"),
        ("Future pathway of paper :\tCabinet Member decision", .known(.futurePathway, from: false), "Cabinet Member decision"),
        ("Cabinet portfolio: Specialist Children’s Services", .field("Cabinet portfolio"), "Specialist Children’s Services"),
    ])
    func labelsWithColonsOrTabs(line: String, key: HeaderKey, value: String) throws {
        let label = try #require(headerLabel(line))
        #expect(label.key == key)
        #expect(label.value == value)
    }

    @Test(arguments: ["describes the progress made: in full", "With regard to the question: ‘how safe’", "10:00 in the Council Chamber", "Andrew Ireland, Corporate Director"])
    func runningTextIsNoLabel(line: String) {
        #expect(headerLabel(line) == nil)
    }

    @Test func cyrillicToIsReadAsToAndWarned() throws {
        let result = try importText("By: Jane Smith, Director\n\u{0422}\u{043E}:\tCabinet Committee\n\n1. Introduction\n\nText.\n")
        #expect(result.frontMatter.plain(.to) == "Cabinet Committee")
        let warning = try #require(result.warnings.first { $0.line == 2 })
        #expect(warning.description == "old-paper.txt:2: warning: label '\u{0422}\u{043E}:' has look-alike letters (Cyrillic \u{0422} (U+0422), Cyrillic \u{043E} (U+043E)); read as 'To'")
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
        let m = try importText(text).frontMatter
        #expect(m.by == [Person(name: "Roger Gough", role: "Cabinet Member for Specialist Children’s Services"),
                         Person(name: "Andrew Ireland", role: "Corporate Director, Families and Social Care")])
        #expect(m.plain(.to) == "County Council")
        #expect(m.date?.iso == "2017-10-19")
        #expect(m.plain(.summary) == "This report describes the safeguarding of children and the challenges ahead.")
        #expect(m.plainList(.recommendation) == ["NOTE the report;", "AGREE the plan."])
        #expect(m.fields == [HeaderField(label: "Portfolio", value: [.text("Children’s Services")])])
    }

    @Test func aLongValueRunsOnOverAPageBreakButAShortOneDoesNot() throws {
        let text = "Subject: Kent Safeguarding\n\n\nChildren Board annual report\nClassification: Unrestricted\n\nThe body has no numbered sections.\n"
        let result = try importText(text)
        #expect(result.frontMatter.plain(.subject) == "Kent Safeguarding Children Board annual report")
        #expect(result.frontMatter.plain(.classification) == "Unrestricted")
        #expect(result.body == [.paragraph("The body has no numbered sections.")])
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
        #expect(result.frontMatter.date == nil)
        #expect(result.frontMatter.fields == [HeaderField(label: "Date", value: [.text("31st June 2017")])])
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
