import Foundation
import QuireModel
import QuireSource
import Testing

/// `pack.yaml`: a full manifest's values, then each mistake with its line, field and hint.
@Suite struct PackManifestTests {
    static let complete = """
        meeting:
          committee: Kent County Council
          date: 2017-10-19
          time: "10:00"
          venue: Council Chamber, Sessions House, County Hall, Maidstone
          chair: Mr M J Angell
          membership: [Mr M J Angell (Chairman), Mrs A D Allen, Mr M Baldock]
          contact: {name: Andrew Tait, role: Democratic Services Officer, phone: 03000 416749, email: andrew.tait@kent.gov.uk}
          alternative-formats: Please contact Democratic Services for this pack in large print.
        layout: agenda
        first-page: 41
        items:
          - number: "1"
            title: Apologies for absence
          - number: 2
            title: Minutes of the meeting held on 20 July 2017
            pdf: minutes-2017-07-20.pdf
          - number: 5
            title: Kent Safeguarding Children Board Annual Report 2016/17
            paper: ../kscb-2016-17/paper.md
            appendices:
              - title: Appendix A – Summary of the Annual Report
                pdf: appendix-a.pdf
              - title: Appendix B – Case review summary
                paper: appendix-b.md
                exempt: 2
          - number: 9
            title: Disposal of land at Example Farm
            paper: exempt-paper.md
            exempt: 3
            supplement: true
        """

    @Test func completeManifestParses() throws {
        let pack = try manifest(Self.complete)
        #expect(pack.file == "pack.yaml")
        let meeting = pack.meeting
        #expect(meeting.committee == "Kent County Council")
        #expect(meeting.date == CalendarDate(year: 2017, month: 10, day: 19))
        #expect(meeting.time == "10:00")
        #expect(meeting.venue == "Council Chamber, Sessions House, County Hall, Maidstone")
        #expect(meeting.chair == "Mr M J Angell")
        #expect(meeting.membership == ["Mr M J Angell (Chairman)", "Mrs A D Allen", "Mr M Baldock"])
        #expect(meeting.contact == Contact(name: "Andrew Tait", role: "Democratic Services Officer", phone: "03000 416749", email: "andrew.tait@kent.gov.uk"))
        #expect(meeting.alternativeFormats == "Please contact Democratic Services for this pack in large print.")
        #expect(pack.layout == "agenda")
        #expect(pack.firstPage == 41)
        #expect(pack.items == [
            AgendaItem(number: "1", title: "Apologies for absence", line: 13),
            AgendaItem(number: "2", title: "Minutes of the meeting held on 20 July 2017", paper: .pdf("minutes-2017-07-20.pdf"), line: 15),
            AgendaItem(number: "5", title: "Kent Safeguarding Children Board Annual Report 2016/17", paper: .source("../kscb-2016-17/paper.md"), appendices: [
                Appendix(title: "Appendix A – Summary of the Annual Report", document: .pdf("appendix-a.pdf"), line: 22),
                Appendix(title: "Appendix B – Case review summary", document: .source("appendix-b.md"), exempt: ExemptParagraph(2), line: 24),
            ], line: 18),
            AgendaItem(number: "9", title: "Disposal of land at Example Farm", paper: .source("exempt-paper.md"), exempt: ExemptParagraph(3), supplement: true, line: 27),
        ])
        #expect(pack.lines["meeting"] == 1)
        #expect(pack.lines["meeting.date"] == 3)
        #expect(pack.lines["layout"] == 10)
        #expect(pack.lines["first-page"] == 11)
        #expect(pack.lines["items"] == 12)
        #expect(pack.lines["items[2].paper"] == 20)
        #expect(pack.lines["items[2].appendices[1].paper"] == 25)
    }

    @Test func minimalManifestLeavesOptionsEmpty() throws {
        let pack = try manifest("meeting: {committee: Cabinet, date: 2017-10-02}\nitems:\n  - {number: 1, title: Apologies}\n")
        #expect(pack.meeting == Meeting(committee: "Cabinet", date: CalendarDate(year: 2017, month: 10, day: 2)))
        #expect(pack.layout == nil && pack.firstPage == nil)
        #expect(pack.items == [AgendaItem(number: "1", title: "Apologies", line: 3)])
    }

    @Test func unknownKeysSuggestTheNearestKnownKey() throws {
        try expectFailure(Self.complete.replacingOccurrences(of: "    appendices:", with: "    apendices:"),
                          .unknownField, line: 21, field: "items[2].apendices", hint: "did you mean 'appendices'?")
        try expectFailure(Self.complete.replacingOccurrences(of: "  venue:", with: "  venu:"), .unknownField, line: 5, field: "meeting.venu", hint: "'venue'")
        try expectFailure(Self.complete.replacingOccurrences(of: "first-page:", with: "firstpage:"), .unknownField, line: 11, field: "firstpage", hint: "'first-page'")
        try expectFailure(Self.complete.replacingOccurrences(of: ", phone:", with: ", phon:"), .unknownField, line: 8, field: "meeting.contact.phon", hint: "'phone'")
    }

    @Test func classificationPointsToExempt() throws {
        let error = try expectFailure(Self.complete.replacingOccurrences(of: "    exempt: 3", with: "    classification: exempt"),
                                      .unknownField, line: 30, field: "items[3].classification", hint: "exempt: 3")
        #expect(error.message.contains("'exempt:'"))
    }

    @Test(arguments: ["true", "yes", "\"paragraph 3\"", "0", "8", "-1", "[3]"])
    func exemptMustNameAParagraph(_ value: String) throws {
        let error = try expectFailure(Self.complete.replacingOccurrences(of: "exempt: 3", with: "exempt: \(value)"),
                                      .invalidValue, line: 30, field: "items[3].exempt", hint: "Schedule 12A to the Local Government Act 1972")
        #expect(error.hint?.contains("1 to 7, e.g. exempt: 3") == true)
    }

    @Test func exemptAppendixIsCheckedToo() throws {
        try expectFailure(Self.complete.replacingOccurrences(of: "exempt: 2", with: "exempt: true"),
                          .invalidValue, line: 26, field: "items[2].appendices[1].exempt", hint: "1 to 7")
    }

    @Test func paperAndPDFTogetherAreRefused() throws {
        try expectFailure(Self.complete.replacingOccurrences(of: "paper: exempt-paper.md", with: "paper: exempt-paper.md\n    pdf: exempt.pdf"),
                          .invalidValue, line: 30, field: "items[3].pdf", hint: "'paper:' for a Quire source")
        try expectFailure(Self.complete.replacingOccurrences(of: "pdf: appendix-a.pdf", with: "pdf: appendix-a.pdf\n        paper: a.md"),
                          .invalidValue, line: 24, field: "items[2].appendices[0].paper", hint: "'pdf:'")
    }

    @Test func appendixNeedsADocumentAndATitle() throws {
        try expectFailure(Self.complete.replacingOccurrences(of: "        pdf: appendix-a.pdf\n", with: ""),
                          .missingField, line: 22, field: "items[2].appendices[0].pdf", hint: "'paper:'")
        try expectFailure(Self.complete.replacingOccurrences(of: "- title: Appendix A – Summary of the Annual Report\n        pdf:", with: "- pdf:"),
                          .missingField, line: 22, field: "items[2].appendices[0].title", hint: "title:")
    }

    @Test func duplicateNumberNamesTheFirst() throws {
        let error = try expectFailure(Self.complete.replacingOccurrences(of: "number: 9", with: "number: \"5\""),
                                      .invalidValue, line: 27, field: "items[3].number", hint: "its own number")
        #expect(error.message.contains("first on line 18"))
    }

    @Test(arguments: ["0", "-3", "forty-one", "4.5"])
    func firstPageMustBePositive(_ value: String) throws {
        try expectFailure(Self.complete.replacingOccurrences(of: "first-page: 41", with: "first-page: \(value)"),
                          .invalidValue, line: 11, field: "first-page", hint: "first-page: 41")
    }

    @Test(arguments: ["/srv/papers/minutes.pdf", "~/minutes.pdf", "https://example.org/minutes.pdf", "C:\\\\minutes.pdf"])
    func pathsMustBeRelative(_ path: String) throws {
        try expectFailure(Self.complete.replacingOccurrences(of: "pdf: minutes-2017-07-20.pdf", with: "pdf: \"\(path)\""),
                          .invalidValue, line: 17, field: "items[1].pdf", hint: "folder holding pack.yaml")
    }

    @Test func badDateAndMissingFields() throws {
        try expectFailure(Self.complete.replacingOccurrences(of: "date: 2017-10-19", with: "date: 31 June 2017"),
                          .invalidValue, line: 3, field: "meeting.date", hint: "2017-10-19")
        try expectFailure(Self.complete.replacingOccurrences(of: "  committee: Kent County Council\n", with: ""),
                          .missingField, line: 2, field: "meeting.committee", hint: "committee:")
        try expectFailure(Self.complete.replacingOccurrences(of: "    title: Apologies for absence\n", with: ""),
                          .missingField, line: 13, field: "items[0].title", hint: "title:")
        try expectFailure(Self.complete.replacingOccurrences(of: "supplement: true", with: "supplement: late"),
                          .invalidValue, line: 31, field: "items[3].supplement", hint: "supplement: true")
    }

    @Test func emptyItemsAndMissingMeeting() throws {
        try expectFailure("meeting: {committee: Cabinet, date: 2017-10-02}\nitems: []\n", .invalidValue, line: 2, field: "items", hint: "number: and title:")
        try expectFailure("meeting: {committee: Cabinet, date: 2017-10-02}\nitems:\n", .invalidValue, line: 2, field: "items", hint: "number: and title:")
        try expectFailure("# A pack\nitems:\n  - {number: 1, title: Apologies}\n", .missingField, line: 2, field: "meeting", hint: "committee:")
        try expectFailure("", .missingField, line: 1, field: nil, hint: "meeting:")
        try expectFailure("- just\n- a list\n", .invalidValue, line: 1, field: nil, hint: "meeting:")
    }

    @Test func nonUTF8NamesTheLine() throws {
        var data = Data("meeting:\n  committee: Kent County Council\n  venue: Caf".utf8)
        data.append(0xE9)  // Windows-1252 "é"
        data.append(contentsOf: Data("\n".utf8))
        let error = try #require(failure(data))
        #expect(error.kind == .encoding)
        #expect(error.location?.line == 3)
        #expect(error.hint?.contains("UTF-8") == true)
    }

    @Test func hostileYAMLIsRefusedCleanly() throws {
        var yaml = "a: &a [" + Array(repeating: "\"lol\"", count: 10).joined(separator: ", ") + "]\n"
        let names = Array("abcdefghi").map(String.init)
        for (previous, name) in zip(names, names.dropFirst()) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let laughs = try #require(failure(Data(yaml.utf8)))
        #expect(laughs.kind == .limit)
        #expect(laughs.message.contains("pack manifest"))
        #expect(laughs.hint?.contains("aliases") == true)

        let deep = "meeting: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let nested = try #require(failure(Data(deep.utf8)))
        #expect(nested.kind == .limit)
        #expect(nested.location?.line == 1)
        #expect(nested.hint?.contains("four levels") == true)
    }

    // MARK: - Helpers

    private func manifest(_ yaml: String) throws(QuireError) -> PackManifest {
        try parsePackManifest(data: Data(yaml.utf8), file: "pack.yaml")
    }

    private func failure(_ data: Data) -> QuireError? {
        do {
            _ = try parsePackManifest(data: data, file: "pack.yaml")
            return nil
        } catch {
            return error
        }
    }

    /// Parses `yaml`, expecting an error of `kind` at `line` naming `field`, whose hint contains `hint`.
    @discardableResult
    private func expectFailure(_ yaml: String, _ kind: QuireError.Kind, line: Int, field: String?, hint: String,
                               sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> QuireError {
        let error = try #require(failure(Data(yaml.utf8)), sourceLocation: sourceLocation)
        #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
        #expect(error.location?.file == "pack.yaml", sourceLocation: sourceLocation)
        #expect(error.location?.line == line, "\(error)", sourceLocation: sourceLocation)
        #expect(error.field == field, "\(error)", sourceLocation: sourceLocation)
        #expect(error.hint?.contains(hint) == true, "\(error)", sourceLocation: sourceLocation)
        return error
    }
}
