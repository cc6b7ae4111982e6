import Foundation
import QuireKit
import QuireTestSupport
import Testing

/// Structure attributes and word spaces as pikepdf reads them (Tests/Tools/structure_attributes.py):
/// each list says how it is numbered, each figure (and each table on one page) has a box on
/// its page, data tables head their rows, and headings read "1. Introduction".
@Suite("Structure attributes")
struct StructureAttributeTests {
    struct Reading: Decodable {
        struct Box: Decodable {
            var role: String
            var box: [Double]?
            var page: Int?
            var inside: Bool?
        }
        var lists: [String?]
        var boxes: [Box]
        var row_headers: Int
        var headings: [String]
    }

    static func read(_ pdf: String) throws -> Reading {
        let result = try run("python3", [repositoryRoot.appendingPathComponent("Tests/Tools/structure_attributes.py").path, pdf])
        guard result.status == 0 else { throw PDFReading.ReadingFailed(message: result.err) }
        return try JSONDecoder().decode(Reading.self, from: Data(result.out.utf8))
    }

    @Test("lists numbered, figures boxed on their page, rows headed, heading numbers apart from their titles", arguments: examples)
    func example(name: String) throws {
        let reading = try Self.read(try renderExample(name))
        for numbering in reading.lists {
            #expect(["Decimal", "LowerAlpha", "LowerRoman", "Disc", "None"].contains(numbering ?? ""), "\(name): a list numbered \(numbering ?? "nil")")
        }
        for figure in reading.boxes where figure.role == "Figure" {
            #expect(figure.box != nil && figure.inside == true, "\(name): \(figure)")
        }
        for table in reading.boxes where table.box != nil { #expect(table.inside == true, "\(name): \(table)") }
        for heading in reading.headings {
            // "1.Introduction" is what a reader heard before: the number and the title run together.
            #expect(heading.range(of: #"^[0-9.()]+[A-Za-z]"#, options: .regularExpression) == nil, "\(name): \(heading)")
        }
        if committeePapers.contains(name) {
            #expect(!reading.lists.isEmpty)
            #expect(reading.row_headers > 0, "\(name): the header block's labels head their rows")
            #expect(reading.boxes.contains { $0.role == "Table" && $0.box != nil }, "\(name): the header block is boxed")
        }
    }

    @Test("the Welsh paper's figures table heads each row with its indicator; its header-block people read apart")
    func welshFigures() throws {
        let path = try scratchDirectory().appendingPathComponent("welsh.pdf").path
        _ = try typesetter.renderPDF(file: CIDFontOutputTests.welshPaper, pdfa: true, to: path)
        let reading = try Self.read(path)
        // Header block rows (From, To, Date, Subject, Classification, Summary, Recommendation, …)
        // and the three indicators.
        #expect(reading.row_headers >= 3 + 5)
        #expect(reading.lists.contains("Decimal"))
    }
}
