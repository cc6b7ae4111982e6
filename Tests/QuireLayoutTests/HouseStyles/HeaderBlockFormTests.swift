@testable import QuireLayout
import QuireModel
import QuirePages
import Foundation
import Testing

/// The header block's forms (grid, run-in, stacked), label case and colours, and boxed panels.
@Suite("Header block forms")
struct HeaderBlockFormTests {
    let rows = "header-block:\n  rows:\n    - {field: subject, label: \"Subject:\"}\n    - {field: summary, label: \"Purpose:\"}\n    - {field: recommendation, label: \"Recommendations:\"}\n"
    let front = "subject: Parks strategy\nsummary: Final decision report\nrecommendation:\n  - ADOPT the strategy.\n  - NOTE the plan.\n"

    @Test("run-in: capitalised label and coloured value on one line, the label the row's header cell")
    func runIn() throws {
        let t = try theme(rows + "  form: run-in\n  label-case: upper\n  label-color: \"#222222\"\n  value-color: \"#005A70\"\n")
        let document = layout(try paper("# A\n\nText.\n", frontMatter: front), t).document
        // (The label's run ends with its space; lines join runs with one more.)
        let lines = allLines(document).map { $0.replacingOccurrences(of: "  ", with: " ") }
        #expect(lines.contains("SUBJECT: Parks strategy"))
        #expect(lines.contains("PURPOSE: Final decision report"))
        let page = runs(document.pages[0])
        let label = try #require(page.first { $0.text.hasPrefix("SUBJECT:") })
        let value = try #require(page.first { $0.text == "Parks strategy" })
        #expect(label.run.color == Color(hex: "#222222") && label.run.font.bold)
        #expect(value.run.color == Color(hex: "#005A70") && abs(value.y - label.y) < 0.01 && value.x > label.x)
        // Still a table: TH holds the label, TD the value.
        let all = elements(document)
        #expect(all.first?.tag.role == .table)
        #expect(all.contains { $0.tag.role == .headerCell && $0.text.hasPrefix("SUBJECT:") && !$0.text.contains("Parks") })
        #expect(all.contains { $0.tag.role == .dataCell && $0.text == "Parks strategy" })
        // A list value: the label on its line, the items under it with the recommendation labels.
        #expect(lines.contains("RECOMMENDATIONS:") && lines.contains("(a) ADOPT the strategy."))
    }

    @Test("run-in: a long value wraps back to the margin, under the label")
    func runInWraps() throws {
        let t = try theme(rows + "  form: run-in\n", lines: 60)
        let long = "subject: " + String(repeating: "word ", count: 30) + "\nsummary: S\nrecommendation: R\n"
        let page = runs(layout(try paper("Body.\n", frontMatter: long), t).document.pages[0])
        let label = try #require(page.first { $0.text.hasPrefix("Subject:") })
        let second = page.filter { $0.text.hasPrefix("word") }.map(\.x)
        #expect(second.contains { abs($0 - label.x) < 0.01 })
    }

    @Test("stacked: each label on its own line over its value")
    func stacked() throws {
        let t = try theme(rows + "  form: stacked\n")
        let document = layout(try paper("Body.\n", frontMatter: front), t).document
        let page = runs(document.pages[0])
        let label = try #require(page.first { $0.text == "Subject:" })
        let value = try #require(page.first { $0.text == "Parks strategy" })
        #expect(value.y > label.y && abs(value.x - label.x) < 0.01)
        #expect(elements(document).contains { $0.tag.role == .headerCell && $0.text == "Subject:" })
    }

    @Test("grid labels in capitals, in the label colour; values in the value colour")
    func gridColours() throws {
        let t = try theme(rows + "  label-case: upper\n  label-color: \"#4B2E83\"\n  value-color: \"#333333\"\n")
        let page = runs(layout(try paper("Body.\n", frontMatter: front), t).document.pages[0])
        #expect(page.first { $0.text == "SUBJECT:" }?.run.color == Color(hex: "#4B2E83"))
        #expect(page.first { $0.text == "Parks strategy" }?.run.color == Color(hex: "#333333"))
    }

    @Test("boxed panels: the chosen rows in a shaded, ruled box, drawn as artifacts inside the header table")
    func panels() throws {
        let t = try theme(rows + "  panel:\n    fields: [summary, recommendation]\n    style: both\n    fill: \"#EEF3F9\"\n    rule-color: \"#1F3864\"\n")
        let document = layout(try paper("Body.\n", frontMatter: front), t).document
        let items = document.pages[0].frame.items
        let fills = items.filter { if case .rect(_, let fill) = $0.item { fill == Color(hex: "#EEF3F9") } else { false } }
        let rules = items.filter { if case .line(_, _, let color) = $0.item { color == Color(hex: "#1F3864") } else { false } }
        #expect(!fills.isEmpty && !rules.isEmpty)
        // Two boxes (one per row): two top and two bottom rules across the column.
        let across = rules.filter { if case .line(let to, _, _) = $0.item { to.y == 0 && to.x > 100 } else { false } }
        #expect(across.count == 4)
        // The subject row is outside: no fill at its height.
        let subjectY = try #require(runs(document.pages[0]).first { $0.text == "Subject:" }).y
        let purposeY = try #require(runs(document.pages[0]).first { $0.text == "Purpose:" }).y
        #expect(fills.allSatisfy { $0.point.y > subjectY })
        #expect(fills.contains { $0.point.y < purposeY })
        // Every box part is an artifact; the rows are still the table's.
        let walk = elements(document)
        #expect(walk.filter { $0.tag.role == .artifact }.count >= fills.count)
        #expect(walk.contains { $0.tag.role == .headerCell && $0.text == "Purpose:" })
        #expect(walk.first?.tag.role == .table)
        // One box around both with separate: false: one top and one bottom rule.
        let joined = try theme(rows + "  panel:\n    fields: [summary, recommendation]\n    separate: false\n")
        let joinedRules = layout(try paper("Body.\n", frontMatter: front), joined).document.pages[0].frame.items.filter {
            if case .line(let to, _, let color) = $0.item { to.y == 0 && to.x > 100 && color == PanelStyle().ruleColor } else { false }
        }
        #expect(joinedRules.count == 2)
    }

    @Test("a panel's text is inset by its padding inside the box")
    func panelPadding() throws {
        let t = try theme(rows + "  form: stacked\n  panel:\n    fields: [subject]\n    padding: 10pt\n")
        let page = runs(layout(try paper("Body.\n", frontMatter: front), t).document.pages[0])
        let boxed = try #require(page.first { $0.text == "Subject:" })
        let open = try #require(page.first { $0.text == "Purpose:" })
        #expect(abs(boxed.x - open.x - 10) < 0.01)
    }
}
