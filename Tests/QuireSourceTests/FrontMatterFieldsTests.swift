import QuireModel
import Testing

/// Every front-matter key, with the shapes it accepts.
@Suite struct FrontMatterFieldsTests {
    static let everyKey = """
        ---
        from:
          - name: Jane Smith
            role: Corporate Director
          - name: John Doe
        to: Cabinet Committee
        date: 2017-10-19
        subject: A *new* plan
        classification: Unrestricted
        summary: Please **NOTE** this.
        recommendation:
          - APPROVE the plan
          - NOTE the [report](https://example.org/r)
        decision-number: 17/00123
        key-decision: "Yes"
        electoral-divisions: All
        past-pathway: Cabinet Committee, 1 October 2017
        future-pathway: Cabinet Member decision
        background-documents:
          - Annual report 2016
          - Business plan 2017
        contact:
          - name: Mark Janaway
            role: Programme Manager
            phone: "03000 417103"
            email: mark.janaway@kent.gov.uk
          - name: Ann Other
        layout: cabinet-decision
        fields:
          Zeta row: first
          Alpha row: second
          Middle row: '**third**'
        ---
        Body text.
        """

    @Test func everyKeyParses() throws {
        let m = try parse(Self.everyKey).frontMatter
        #expect(m.by == [Person(name: "Jane Smith", role: "Corporate Director"), Person(name: "John Doe", role: nil)])
        #expect(m.byIsFrom)
        #expect(m.text(.to) == [.text("Cabinet Committee")])
        #expect(m.date == CalendarDate(year: 2017, month: 10, day: 19))
        #expect(m.text(.subject) == [.text("A "), .emphasis([.text("new")]), .text(" plan")])
        #expect(m.text(.classification) == [.text("Unrestricted")])
        #expect(m.text(.summary) == [.text("Please "), .strong([.text("NOTE")]), .text(" this.")])
        #expect(m.textList(.recommendation) == [
            [.text("APPROVE the plan")],
            [.text("NOTE the "), .link(url: "https://example.org/r", [.text("report")])],
        ])
        #expect(m.text(.decisionNumber)?.plainText == "17/00123")
        #expect(m.text(.keyDecision) == [.text("Yes")])
        #expect(m.text(.electoralDivisions) == [.text("All")])
        #expect(m.text(.pastPathway)?.plainText == "Cabinet Committee, 1 October 2017")
        #expect(m.text(.futurePathway)?.plainText == "Cabinet Member decision")
        #expect(m.textList(.backgroundDocuments) == [[.text("Annual report 2016")], [.text("Business plan 2017")]])
        #expect(m.contact == [
            Contact(name: "Mark Janaway", role: "Programme Manager", phone: "03000 417103", email: "mark.janaway@kent.gov.uk"),
            Contact(name: "Ann Other", role: nil, phone: nil, email: nil),
        ])
        #expect(m.layout == "cabinet-decision")
    }

    @Test func fieldsKeepTheAuthorsOrder() throws {
        let m = try parse(Self.everyKey).frontMatter
        #expect(m.fields.map(\.label) == ["Zeta row", "Alpha row", "Middle row"])
        #expect(m.fields.map(\.value) == [[.text("first")], [.text("second")], [.strong([.text("third")])]])
    }

    @Test func keyLinesAreFileLines() throws {
        let m = try parse(Self.everyKey).frontMatter
        #expect(m.line(of: .by) == 2)
        #expect(m.lines["to"] == 6)
        #expect(m.lines["date"] == 7)
        #expect(m.lines["layout"] == 28)
        #expect(m.lines["fields"] == 29)
    }

    @Test func byListsSeveralPeopleAndIsNotFrom() throws {
        let m = try parse("""
            ---
            by:
              - name: Roger Gough
                role: Cabinet Member
              - name: Andrew Ireland
                role: Corporate Director
              - name: Gill Rigg
            ---
            Body.
            """).frontMatter
        #expect(m.by.map(\.name) == ["Roger Gough", "Andrew Ireland", "Gill Rigg"])
        #expect(m.by.map(\.role) == ["Cabinet Member", "Corporate Director", nil])
        #expect(!m.byIsFrom)
    }

    @Test func singleTextRecommendationAndBackgroundDocuments() throws {
        let m = try parse("""
            ---
            recommendation: >-
              County Council is asked to COMMENT
              and **NOTE** the report.
            background-documents: None
            ---
            Body.
            """).frontMatter
        #expect(m.textList(.recommendation) == [[.text("County Council is asked to COMMENT and "), .strong([.text("NOTE")]), .text(" the report.")]])
        #expect(m.textList(.backgroundDocuments) == [[.text("None")]])
    }
}
