import Foundation
import QuireLayout
import QuireModel
import Testing

@Suite("Layout files")
struct ThemeTests {
    let layouts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("layouts")

    @Test("the shipped layouts parse", arguments: ["committee-paper", "cabinet-decision"])
    func shipped(name: String) throws {
        let text = try String(contentsOf: layouts.appendingPathComponent(name + ".yaml"), encoding: .utf8)
        let theme = try parseTheme(text, file: name + ".yaml")
        #expect(theme.name == name)
        #expect(!theme.description.isEmpty)
        #expect(theme.headerBlock.rows.contains { $0.field == "subject" })
    }

    @Test("lengths take units")
    func lengths() throws {
        let theme = try parseTheme("page:\n  margin-top: 25mm\n  margin-left: 2.5cm\n  margin-right: 72\n  margin-bottom: 1in\n", file: "t.yaml")
        #expect(abs(theme.page.marginTop - 70.866) < 0.01)
        #expect(abs(theme.page.marginLeft - 70.866) < 0.01)
        #expect(theme.page.marginRight == 72)
        #expect(theme.page.marginBottom == 72)
    }

    @Test("an unknown key names its line and suggests the nearest")
    func unknownKey() {
        #expect {
            _ = try parseTheme("body:\n  size: 12\n  leding: 14\n", file: "house.yaml")
        } throws: { error in
            guard let error = error as? QuireError else { return false }
            return error.location?.line == 3 && error.field == "body.leding" && error.hint?.contains("body.leading") == true
        }
    }

    @Test("a bad value says what is expected")
    func badValue() {
        #expect {
            _ = try parseTheme("paragraphs:\n  numbering: roman\n", file: "house.yaml")
        } throws: { error in
            (error as? QuireError)?.message.contains("\"1.1\"") == true && (error as? QuireError)?.location?.line == 2
        }
    }

    @Test("dates follow the layout's pattern")
    func dates() {
        let date = CalendarDate(year: 2017, month: 10, day: 19)
        #expect(formatDate(date, "{d} {MMMM} {yyyy}") == "19 October 2017")
        #expect(formatDate(date, "{do} {MMMM} {yyyy}") == "19th October 2017")
        #expect(formatDate(CalendarDate(year: 2013, month: 10, day: 1), "{do} {MMMM}") == "1st October")
        #expect(formatDate(CalendarDate(year: 2013, month: 10, day: 12), "{do}") == "12th")
        #expect(formatDate(CalendarDate(year: 2013, month: 10, day: 22), "{do}") == "22nd")
        #expect(formatDate(date, "{dd}/{MM}/{yyyy}") == "19/10/2017")
    }
}
