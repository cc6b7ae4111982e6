import Foundation
@testable import QuireImport
import QuireModel
import Testing

/// People and contacts: which part is the name, roles wrapped over lines, two contacts side
/// by side.
@Suite struct PeopleTests {
    @Test func nameThenRoleWithCommasInTheRole() {
        #expect(readPeople(["Roger Gough, Cabinet Member for Specialist Children’s Services", "Andrew Ireland, Corporate Director, Families", "and Social Care"]) == [
            Person(name: "Roger Gough", role: "Cabinet Member for Specialist Children’s Services"),
            Person(name: "Andrew Ireland", role: "Corporate Director, Families and Social Care"),
        ])
    }

    @Test func roleThenNameWithTheRoleWrapped() {
        #expect(readPeople(["Deputy Leader and Cabinet Member for Parks, Leisure and", "Open Spaces, Alex Example", "Director of Green Spaces, Sam Sample"]) == [
            Person(name: "Alex Example", role: "Deputy Leader and Cabinet Member for Parks, Leisure and Open Spaces"),
            Person(name: "Sam Sample", role: "Director of Green Spaces"),
        ])
    }

    @Test func severalPeopleOnOneLineAndTitles() {
        #expect(readPeople(["Cllr Jo Bloggs, Leader of the Council; Mr M J Angell, Chairman"]) == [
            Person(name: "Cllr Jo Bloggs", role: "Leader of the Council"), Person(name: "Mr M J Angell", role: "Chairman"),
        ])
    }

    @Test func aPostWithoutANameIsKeptWhole() {
        #expect(readPeople(["DIRECTOR OF GREEN", "SPACES"]) == [Person(name: "DIRECTOR OF GREEN SPACES", role: nil)])
        #expect(readPeople(["Head of Planning"]) == [Person(name: "Head of Planning", role: nil)])
    }

    @Test(arguments: [("Alex Example", true), ("Sam Sample", true), ("Cllr Smith", true), ("Mr M J Angell", true), ("Gill Rigg", true),
                      ("Open Spaces", false), ("Director of Green Spaces", false), ("Cabinet Member for Parks", false),
                      ("Families and Social Care", false), ("Kent County Council", false), ("Tree Officer", false)])
    func whatReadsAsAName(text: String, isName: Bool) {
        #expect(readsAsPersonName(text) == isName)
    }

    @Test func twoContactsSideBySideInOneBlock() throws {
        let lines = [
            "Report Author:                      Relevant Director:",
            "Jo Bloggs                           Sam Sample",
            "Tree Officer                        Director of Green Spaces",
            "03000 111111                        03000 222222",
            "jo.bloggs@example.gov.uk            sam.sample@example.gov.uk",
        ]
        let result = try importDocument([para("To: Cabinet", at: 1), para("Subject: Trees", at: 2)] + body(at: 4) + [
            para("Contact details", marker: "2.", at: 8, bold: true),
            para(lines.map(tidiedText).joined(separator: " "), at: 10, lines: lines, isolated: true),
        ])
        #expect(result.paper.frontMatter.contact == [
            Contact(name: "Jo Bloggs", role: "Tree Officer", phone: "03000 111111", email: "jo.bloggs@example.gov.uk"),
            Contact(name: "Sam Sample", role: "Director of Green Spaces", phone: "03000 222222", email: "sam.sample@example.gov.uk"),
        ])
        #expect(result.dropped.filter { $0.reason == .label }.map(\.text).contains("Report Author:"))
        #expect(result.wordCheck.extraWords.isEmpty)
    }

    @Test func twoContactsAsATable() throws {
        let result = try importDocument([para("To: Cabinet", at: 1), para("Subject: Trees", at: 2)] + body(at: 4) + [
            para("Contact Officers", at: 8, bold: true),
            grid([["Jo Bloggs", "Sam Sample"], ["Tree Officer", "Director of Green Spaces"], ["jo.bloggs@example.gov.uk", "sam.sample@example.gov.uk"]], at: 10),
        ])
        #expect(result.paper.frontMatter.contact.map(\.name) == ["Jo Bloggs", "Sam Sample"])
        #expect(result.paper.frontMatter.contact.map(\.role) == ["Tree Officer", "Director of Green Spaces"])
    }

    @Test func aContactRunIntoItsRole() throws {
        var notes = Notes(file: "x")
        let read = readContacts([["Mark Janaway Programme and Performance Manager Kent Safeguarding Children Board 01622 694856 mark.janaway@kent.gov.uk"]],
                                notes: &notes, place: SourcePlace(line: 1))
        #expect(read.contacts == [Contact(name: "Mark Janaway", role: "Programme and Performance Manager Kent Safeguarding Children Board",
                                          phone: "01622 694856", email: "mark.janaway@kent.gov.uk")])
    }
}
