@testable import QuireLayout
import QuireModel
import QuirePages
import Testing

/// Every `NumberingOptions` field, given by the layout (`numbering.*`) and overridden field by
/// field by a paper's `numbering:`.
@Suite("Numbering options")
struct NumberingOptionsTests {
    @Test("the layout's numbering keys, and the older paragraphs.numbering and heading.numbered")
    func layoutKeys() throws {
        let t = try theme("numbering:\n  sections: false\n  paragraphs: \"1.\"\n  count: document\n  items: [\"a)\", \"i.\"]\n  recommendations: \"1)\"\n")
        #expect(t.numbering.sections == false)
        #expect(t.numbering.paragraphs == .period)
        #expect(t.numbering.count == .document)
        #expect(t.numbering.items == [.letterParenthesis, .romanPeriod])
        #expect(t.numbering.recommendations == .numberParenthesis)
        let old = try theme("paragraphs:\n  numbering: \"1.1\"\nheading:\n  numbered: false\n")
        #expect(old.numbering.paragraphs == .decimal && old.numbering.sections == false)
        #expect(throws: QuireError.self) { try theme("numbering:\n  items: [\"(a)\", \"roman\"]\n") }
    }

    @Test("a paper's numbering: replaces only the options it gives")
    func paperOverrides() throws {
        let t = try theme("numbering:\n  paragraphs: \"1.1\"\n  items: [\"(a)\"]\n")
        let p = try paper("# A\n\nOne.\n\n1. first\n2. second\n", adding: "numbering:\n  items: [\"a.\"]\n")
        let lines = allLines(layout(p, t).document)
        #expect(lines.contains("1.1 One."))  // the layout's paragraphs
        #expect(lines.contains("a. first") && lines.contains("b. second"))  // the paper's items
    }

    @Test("paragraph styles (1), 1.1, 1. and 1), and none", arguments: [
        ("\"(1)\"", ["(1) One.", "(2) Two.", "(1) Three."]),
        ("\"1.1\"", ["1.1 One.", "1.2 Two.", "2.1 Three."]),
        ("\"1.\"", ["1. One.", "2. Two.", "1. Three."]),
        ("\"1)\"", ["1) One.", "2) Two.", "1) Three."]),
        ("none", ["One.", "Two.", "Three."]),
    ])
    func paragraphStyles(style: String, expected: [String]) throws {
        let lines = allLines(layout(try paper("# A\n\nOne.\n\nTwo.\n\n# B\n\nThree.\n"), try theme("numbering:\n  paragraphs: \(style)\n")).document)
        for line in expected { #expect(lines.contains(line), "\(style): \(lines)") }
    }

    @Test("count: document runs one count through the report, under unnumbered headings and before them")
    func documentCount() throws {
        let t = try theme("numbering:\n  sections: false\n  paragraphs: \"1.\"\n  count: document\n")
        let source = "Opening words.\n\n# Purpose of report\n\nOne.\n\n## Detail\n\nTwo.\n\n# Background\n\nThree.\n"
        let document = layout(try paper(source), t).document
        let lines = allLines(document)
        #expect(lines.contains("1. Opening words."))
        #expect(lines.contains("Purpose of report"))  // the heading carries no number
        #expect(lines.contains("2. One.") && lines.contains("3. Two.") && lines.contains("4. Three."))
        // Numbered paragraphs are still one list of items, label and body.
        let labels = elements(document).filter { $0.tag.role == .label }.map(\.text)
        #expect(labels.prefix(4) == ["1.", "2.", "3.", "4."])
    }

    @Test("item labels by depth: letters, roman, numbers, bullets, and the last two repeating", arguments: [
        ("[\"(a)\", \"(i)\"]", ["(a) x", "(i) y", "(a) z"]),
        ("[\"a)\", \"i)\"]", ["a) x", "i) y", "a) z"]),
        ("[\"a.\", \"i.\", \"1.\"]", ["a. x", "i. y", "1. z"]),
        ("[\"(1)\", \"1)\"]", ["(1) x", "1) y", "(1) z"]),
        ("[\"•\"]", ["• x", "• y", "• z"]),
    ])
    func itemsByDepth(items: String, expected: [String]) throws {
        let source = "# A\n\nLead.\n\n1. x\n   1. y\n      1. z\n"
        let lines = allLines(layout(try paper(source), try theme("numbering:\n  items: \(items)\n")).document)
        for line in expected { #expect(lines.contains(line), "\(items): \(lines)") }
    }

    @Test("1.1.1 items extend the paragraph's number, to a third level and on")
    func decimalItems() throws {
        let t = try theme("numbering:\n  paragraphs: \"1.1\"\n  items: [\"1.1.1\"]\n")
        let source = "# A\n\nOne.\n\nTwo:\n\n1. first\n2. second\n   1. deeper\n"
        let lines = allLines(layout(try paper(source), t).document)
        #expect(lines.contains("1.2 Two:"))
        #expect(lines.contains("1.2.1 first") && lines.contains("1.2.2 second"))
        #expect(lines.contains("1.2.2.1 deeper"))
        // Under "(1)" paragraphs the number is the paragraph's count.
        let parenthesized = try theme("numbering:\n  items: [\"1.1.1\"]\n")
        #expect(allLines(layout(try paper(source), parenthesized).document).contains("2.1 first"))
    }

    @Test("a list recommendation takes the layout's recommendation labels")
    func recommendations() throws {
        var t = try theme("numbering:\n  recommendations: \"1)\"\n")
        t.headerBlock.rows = [HeaderRow(field: .recommendation, label: "Recommendations:")]
        let p = try paper("# A\n\nText.\n", frontMatter: "subject: S\nrecommendation:\n  - NOTE it.\n  - AGREE it.\n")
        let lines = allLines(layout(p, t).document)
        #expect(lines.contains("Recommendations: 1) NOTE it."))
        #expect(lines.contains("2) AGREE it."))
    }

    @Test("sections: false leaves headings unnumbered while paragraphs still restart per section")
    func unnumberedSections() throws {
        let t = try theme("numbering:\n  sections: false\n")
        let lines = allLines(layout(try paper("# Intro\n\nOne.\n\n# Next\n\nTwo.\n"), t).document)
        #expect(lines.contains("Intro") && lines.contains("Next"))
        #expect(lines.contains("(1) One.") && lines.contains("(1) Two."))
    }
}
