import Foundation
@testable import QuireImport
import QuireModel
import Testing

/// The two legacy papers the examples were re-keyed from by hand: the import must find the
/// same header fields, warn where the legacy numbering was wrong, and lose no word.
@Suite struct SeedImportTests {
    @Test func headerOf2016_17LandsInItsKeys() throws {
        let (path, text) = try seed("000_")
        let m = try importText(text, file: path).paper.frontMatter
        #expect(m.by == [
            Person(name: "Roger Gough", role: "Cabinet Member for Specialist Children’s Services"),
            Person(name: "Andrew Ireland", role: "Corporate Director, Families and Social Care"),
            Person(name: "Gill Rigg", role: "Independent Chair of Kent Safeguarding Children Board"),
        ])
        #expect(m.plain(.to) == "County Council")
        #expect(m.date?.iso == "2017-10-19")
        #expect(m.plain(.subject) == "Kent Safeguarding Children Board – 2016/17 Annual Report")
        #expect(m.plain(.classification) == "Unrestricted")
        #expect(m.plain(.summary) == "This attached annual report from Kent Safeguarding Children Board describes the progress made in improving the safeguarding services provided to Kent’s children and young people from April 2016 until March 2017, and outlines the challenges ahead over the next year.")
        #expect(m.plainList(.recommendation) == ["County Council is asked to COMMENT on the progress made and NOTE the 2016/17 Annual Report attached."])
        #expect(m.plainList(.backgroundDocuments) == ["None"])
        #expect(m.contact == [Contact(name: "Mark Janaway", role: "Programme and Performance Manager, Kent Safeguarding Children Board",
                                      phone: "03000 417103", email: "mark.janaway@kent.gov.uk")])
        #expect(m.fields.isEmpty)
    }

    @Test func headerOf2012_13LandsInItsKeys() throws {
        let (path, text) = try seed("002_")
        let result = try importText(text, file: path)
        let m = result.paper.frontMatter
        #expect(m.by == [Person(name: "Maggie Blyth", role: "Independent Chair of Kent Safeguarding Children Board")])
        #expect(m.plain(.to) == "Social Care and Public Health Cabinet Committee")
        #expect(m.date?.iso == "2013-10-04")
        #expect(m.plain(.subject) == "Kent Safeguarding Children Board – 2012/13 Annual Report")
        #expect(m.plain(.classification) == "Unrestricted")
        #expect(m.plain(.summary)?.hasPrefix("The attached annual report from the Independent Chair") == true)
        #expect(m.plainList(.recommendation) == ["Members are asked to NOTE the contents of the Annual Report."])
        #expect(m.plainList(.backgroundDocuments) == ["none"])
        #expect(m.contact.map(\.name) == ["Mark Janaway"])
        #expect(m.contact.first?.phone == "01622 694856")
        #expect(m.contact.first?.email == "mark.janaway@kent.gov.uk")
        // The Cyrillic "То" on line 4 is read as "To", and said so.
        #expect(result.warnings.contains { $0.line == 4 && $0.message.contains("look-alike") && $0.message.contains("U+0422") })
    }

    @Test func duplicateParagraphNumberIsWarnedWithItsLine() throws {
        let (path, text) = try seed("000_")
        let lines = text.components(separatedBy: "\n")
        let elevens = lines.indices.filter { lines[$0].hasPrefix("(11)") }.map { $0 + 1 }
        try #require(elevens.count == 2)
        let result = try importText(text, file: path)
        let expected = "\(path):\(elevens[1]): warning: paragraph numbered (11) follows (11); the output prints (12) (page 1)"
        #expect(result.warnings.map(\.description).contains(expected), "warnings: \(result.warnings.map(\.description))")
    }

    @Test(arguments: ["000_", "002_"])
    func seedsImportWithoutUnplacedLines(prefix: String) throws {
        let (path, text) = try seed(prefix)
        let result = try importText(text, file: path)
        #expect(result.unplaced.isEmpty, "unplaced: \(result.unplaced)")
        #expect(result.paper.body.first == .heading(level: 1, [.text("Introduction")], line: result.paper.body.first?.line ?? 0))
        #expect(!result.paper.body.contains { if case .heading(_, let title, _) = $0 { title.plainText.contains("Background") || title.plainText.contains("Contact") } else { false } })
        // Both seeds number "(1)" per section under numbered sections: the layout's own style.
        #expect(result.paper.frontMatter.numbering.isEmpty)
        #expect(result.layout.name == "committee-paper")
        #expect(result.wordCheck.extraWords.isEmpty && result.wordCheck.outOfOrderWords.isEmpty && result.wordCheck.repeatedParagraphs.isEmpty)
    }

    /// The import's body matches the body of the example re-keyed by hand from the same seed,
    /// paragraph for paragraph (only line breaks may differ).
    @Test(arguments: [("000_", "kscb-2016-17"), ("002_", "kscb-2012-13")])
    func bodyMatchesTheHandMadeExample(prefix: String, example: String) throws {
        let (path, text) = try seed(prefix)
        let source = try importText(text, file: path).source
        let handMade = try String(contentsOf: repositoryRoot.appendingPathComponent("examples/\(example)/paper.md"), encoding: .utf8)
        func body(_ source: String) -> [String] {
            source.components(separatedBy: "\n---\n").dropFirst().joined().components(separatedBy: "\n\n")
                .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { !$0.isEmpty }
        }
        let imported = body(source), expected = body(handMade)
        for (index, pair) in zip(imported, expected).enumerated() where pair.0 != pair.1 {
            Issue.record("block \(index) differs:\n  imported: \(pair.0)\n  example:  \(pair.1)")
        }
        #expect(imported.count == expected.count)
    }

    @Test(arguments: ["000_", "002_"])
    func everyLegacyWordIsInTheRenderedPDF(prefix: String) throws {
        let (path, text) = try seed(prefix)
        let rendered = try renderedText(try importText(text, file: path))
        let problems = missingWords(legacy: text, rendered: rendered)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
