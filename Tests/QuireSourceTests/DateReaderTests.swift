import Foundation
import QuireModel
@testable import QuireSource
import Testing

/// The one date reader: what officers type (ISO, 19/10/2017, 19 October 2017, Welsh month
/// names) read as a date, anything ambiguous or impossible an error saying why.
@Suite struct DateReaderTests {
    @Test(arguments: [
        "2017-10-19", "19/10/2017", "19.10.2017", "19-10-2017", "19 October 2017", "19th October 2017", "19 Oct 2017",
        "19 Oct. 2017", "Thursday 19 October 2017", "Thursday, 19 October 2017", "October 19, 2017", "19 Hydref 2017",
        "19eg Hydref 2017", "Dydd Iau 19 Hydref 2017", "  19/10/2017 ",
    ])
    func readsWhatOfficersType(_ text: String) throws {
        #expect(try readDate(text).get() == CalendarDate(year: 2017, month: 10, day: 19), "\(text)")
    }

    @Test func welshMonthNamesAreEveryMonth() throws {
        let welsh = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"]
        for (index, month) in welsh.enumerated() {
            #expect(try readDate("1 \(month) 2025").get() == CalendarDate(year: 2025, month: index + 1, day: 1))
        }
        #expect(try readDate("5/1/2025").get() == CalendarDate(year: 2025, month: 1, day: 5))  // day first
    }

    @Test(arguments: [
        ("10/19/2017", "month first"), ("19/10/17", "two-digit year"), ("31/06/2017", "June 2017 has 30 days"),
        ("29 February 2017", "February 2017 has 28 days"), ("19 October", "has no year"), ("October 2017", "has no day"),
        ("2017/10/19", "not an ISO date"), ("next Thursday", "not a date Quire can read"), ("19/13/2017", "no month 13"),
        ("", "empty"),
    ])
    func refusesWhatItCannotReadForSure(_ text: String, _ why: String) {
        guard case .failure(let problem) = readDate(text) else {
            Issue.record("'\(text)' was read as a date")
            return
        }
        #expect(problem.message.contains(why), "\(text): \(problem.message)")
        #expect(problem.hint.contains("2017-10-19") || problem.hint.contains("19/10/2017") || problem.hint.contains("19 October 2017"))
    }

    @Test func theFrontMatterReadsThemAndNamesTheLineOfABadOne() throws {
        let good = try parsePaper(data: Data("---\nsubject: S\ndate: 19 Hydref 2017\n---\nBody.\n".utf8), file: "p.md")
        #expect(good.frontMatter.date == CalendarDate(year: 2017, month: 10, day: 19))
        #expect {
            _ = try parsePaper(data: Data("---\nsubject: S\ndate: 04/05/25\n---\nBody.\n".utf8), file: "p.md")
        } throws: { error in
            guard let error = error as? QuireError else { return false }
            return error.location?.line == 3 && error.field == "date" && error.message.contains("two-digit year")
                && error.hint?.contains("the layout decides how it is shown") == true
        }
    }

    @Test func findDateFindsADateInsideText() {
        #expect(findDate(in: "Cabinet – 19 Hydref 2017")?.date == CalendarDate(year: 2017, month: 10, day: 19))
        #expect(findDate(in: "County Council – 19th October 2017")?.date.iso == "2017-10-19")
        #expect(findDate(in: "Date: 31st June 2017") == nil)  // no such day
        let text = "Meeting of 4 th October 2013, Maidstone"
        let found = findDate(in: text)
        #expect(found.map { String(text[$0.range]) } == "4 th October 2013")
    }

    @Test func languageMustBeATag() throws {
        #expect(throws: QuireError.self) { try parsePaper(data: Data("---\nsubject: S\nlanguage: Welsh language\n---\nBody.\n".utf8), file: "p.md") }
        #expect(try parsePaper(data: Data("---\nsubject: S\nlanguage: cy\n---\nBody.\n".utf8), file: "p.md").frontMatter.name(.language) == "cy")
    }
}
