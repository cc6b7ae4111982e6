import Foundation
@testable import QuireLayout
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
        #expect(theme.headerBlock.rows.contains { $0.field == .subject })
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
        // Anything else in braces is kept as written, a language token too if it names none.
        #expect(formatDate(date, "{d} {month} {yyyy} {MMMM:} {MMMM:c1} {{d}}") == "19 {month} 2017 {MMMM:} {MMMM:c1} {19}")
    }

    @Test("placeholders are filled in one pass: unknown ones and stray braces kept, filled text not searched again")
    func placeholders() {
        let values = ["page": "3", "pages": "12", "subject": "Budget {page} {pages}"]
        func fill(_ template: String) -> String { fillPlaceholders(template) { values[String($0)] } }
        #expect(fill("Page {page} of {pages}") == "Page 3 of 12")
        #expect(fill("{subject}") == "Budget {page} {pages}")
        #expect(fill("{ page} {unknown} {page") == "{ page} {unknown} {page")
        #expect(fill("{{page}} } {") == "{3} } {")
        #expect(fill("no braces") == "no braces")
        #expect(fill("Tudalen {page} o {pages} – ŵ") == "Tudalen 3 o 12 – ŵ")
    }
}

/// A layout's `required` and `rows` name fields of the registry; a misspelt one is an error
/// at its line, and every bad key of the file is reported in one run.
@Suite struct ThemeFieldNamesTests {
    @Test func aMisspeltRequiredFieldIsAnErrorAtItsLine() throws {
        let yaml = "name: ours\nheader-block:\n  required:\n    - by\n    - subjet\n"
        #expect(throws: QuireError.self) { try parseTheme(yaml, file: "ours.yaml") }
        do {
            _ = try parseTheme(yaml, file: "ours.yaml")
        } catch {
            #expect(error.location == SourceLocation(file: "ours.yaml", line: 5))
            #expect(error.field == "header-block.required")
            #expect(error.hint?.contains("did you mean 'subject'?") == true, "\(error)")
        }
    }

    @Test func requiredAcceptsEveryFieldAndTheFromAlias() throws {
        let theme = try parseTheme("header-block:\n  required: [from, to, period, data]\n", file: "t.yaml")
        #expect(theme.headerBlock.required == [.by, .to, .period, .data])
    }

    @Test func everyBadKeyIsReportedInOneRun() throws {
        do {
            _ = try parseTheme("name: x\nbody:\n  sise: 12pt\nheading:\n  size: big\nfooter:\n  align: middle\n", file: "t.yaml")
            Issue.record("the layout parsed")
        } catch {
            #expect(error.all.map(\.location?.line) == [3, 5, 7], "\(error)")
            #expect(error.all.allSatisfy { $0.kind == .layout })
        }
    }

    @Test func defaultRowsAreTheRegistrysLabelledFields() {
        #expect(HeaderRow.defaults.map(\.field) == FrontMatterField.allCases.filter { $0.defaultLabel != nil })
        #expect(HeaderRow.defaults.first == HeaderRow(field: .by, label: "By:"))
    }

    @Test("a chart series paler than 3:1 on the white page is refused at its line, with a darker shade that passes")
    func seriesContrast() throws {
        #expect {
            _ = try parseTheme("chart:\n  colors:\n    - \"#1F3864\"\n    - \"#9DC3E6\"\n", file: "house.yaml")
        } throws: { error in
            guard let error = error as? QuireError, let hint = error.hint, let shade = hint.split(separator: " ").last.map(String.init) else { return false }
            // The suggestion must itself pass.
            let accepted = (try? parseTheme("chart:\n  colors: [\"\(shade)\"]\n", file: "house.yaml")) != nil
            return error.location?.line == 4 && error.field == "chart.colors" && error.message.contains("1.84:1") && accepted
        }
        // Every bundled layout passes (each is parsed as the test suite loads it elsewhere; here its series).
        let layouts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("layouts")
        for file in try FileManager.default.contentsOfDirectory(atPath: layouts.path) where file.hasSuffix(".yaml") {
            let text = try String(contentsOf: layouts.appendingPathComponent(file), encoding: .utf8)
            guard text.contains("colors:") else { continue }
            let chart = text.components(separatedBy: "\n").drop { !$0.hasPrefix("chart:") }.prefix { $0.hasPrefix("chart:") || $0.hasPrefix(" ") }
            #expect(throws: Never.self, "\(file)") { _ = try parseTheme(chart.joined(separator: "\n") + "\n", file: file) }
        }
    }
}
