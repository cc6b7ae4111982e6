import Foundation
import QuireImport
import QuireImportPDF
import QuireModel
import QuireSource
import QuireTestSupport
import Testing

/// The Word reader on `Tests/Fixtures/word/features.docx` (python-docx, by its generator
/// beside it): the shapes the corpus does not hold, each read as Word shows it, through the
/// same rules and writer as every route, with nothing lost or written twice.
@Suite struct WordFeatureTests {
    static let fixture = repositoryRoot.appendingPathComponent("Tests/Fixtures/word/features.docx")

    static let result: Result<ImportResult, QuireError> = {
        do throws(QuireError) {
            guard let data = FileManager.default.contents(atPath: fixture.path) else {
                throw QuireError(.io, at: nil, "cannot read \(fixture.path)")
            }
            return .success(try importPaper(try readImportDocument(data, file: "features.docx")))
        } catch {
            return .failure(error)
        }
    }()

    func imported() throws -> ImportResult { try Self.result.get() }

    @Test func nothingIsLostOrWrittenTwice() throws {
        let result = try imported()
        // Only the title above the header block is kept where it stood, and said so.
        #expect(result.unplaced.map(\.text) == ["Library opening hours"], "\(result.unplaced)")
        #expect(result.wordCheck.extraWords.isEmpty && result.wordCheck.repeatedParagraphs.isEmpty && result.wordCheck.outOfOrderWords.isEmpty,
                "\(result.wordCheck)")
        // Every paragraph of the lists once, in order, the restarted list included.
        let source = result.source
        let items = ["first item of the first list;", "second item of the first list;", "a legal number under an item.",
                     "The first list starts again here:", "restarted item;", "second restarted item.", "First option", "roman under it",
                     "capital roman under that", "Second option", "A bullet drawn from the Symbol font."]
        let places = items.map { source.range(of: $0)?.lowerBound }
        #expect(!places.contains(nil), "missing: \(zip(items, places).filter { $0.1 == nil }.map(\.0))")
        #expect(places.compactMap { $0 } == places.compactMap { $0 }.sorted(), "the list items are out of order")
        for item in items { #expect(source.components(separatedBy: item).count == 2, "'\(item)' is written more than once") }
    }

    @Test func theRestartedListIsAListOfItsOwn() throws {
        let paper = try parsePaper(data: Data(try imported().source.utf8), file: "features.md")
        let lists = paper.body.compactMap { block -> [String]? in
            guard case .list(_, let items, _) = block else { return nil }
            return items.compactMap { item in if case .paragraph(let inlines, _)? = item.first { inlines.plainText } else { nil } }
        }
        #expect(lists.contains(["restarted item;", "second restarted item."]), "\(lists)")
        #expect(lists.contains(["First option", "Second option"]), "\(lists)")
    }

    @Test func aFootnoteStandsAtItsReference() throws {
        let paper = try parsePaper(data: Data(try imported().source.utf8), file: "features.md")
        let notes = paper.body.flatMap { block -> [[Inline]] in
            guard case .paragraph(let inlines, _) = block else { return [] }
            return inlines.compactMap { if case .note(let note) = $0 { note } else { nil } }
        }
        #expect(notes.map(\.plainText) == ["Library visits survey, 2024."])
        #expect(try imported().source.contains("visits have fallen since.[^1]"))
    }

    @Test func linksTextBoxesAndContentControlsAreRead() throws {
        let source = try imported().source
        #expect(source.contains("[consultation report](<https://example.gov.uk/libraries>)"))
        #expect(source.contains("Words in a text box."))
        #expect(source.contains("Text inside a content control."))
        // The header table's rows went to their keys.
        let matter = try parsePaper(data: Data(source.utf8), file: "features.md").frontMatter
        #expect(matter.plain(.to) == "Cabinet")
        #expect(matter.date == CalendarDate(year: 2025, month: 3, day: 4))
    }

    @Test func whatWordDoesNotPrintIsSetAsideAndSaid() throws {
        let result = try imported()
        let source = result.source
        #expect(!source.contains("Hidden drafting note"))
        #expect(!source.contains("Check these figures"))  // a comment
        #expect(!source.contains("Introduction\t1") && !source.contains("Proposals 2"))  // the TOC field's result
        let set = (result.furniture.map(\.text) + result.dropped.map(\.text)).joined(separator: "\n")
        #expect(set.contains("Hidden drafting note.") && set.contains("Check these figures."))
        let warnings = result.warnings.map(\.message)
        #expect(warnings.contains { $0.hasPrefix("a tracked deletion, dropped") })
        #expect(warnings.contains { $0.hasPrefix("a tracked insertion, kept") })
        #expect(warnings.contains { $0.contains("chart1.emf") && $0.contains("save it as PNG or JPEG") })
        // The protective marking in the footer becomes the classification.
        #expect(try parsePaper(data: Data(source.utf8), file: "features.md").frontMatter.plain(.classification) == "OFFICIAL-SENSITIVE")
    }

    @Test func aTableKeepsItsSpansAndItsPicture() throws {
        let result = try imported()
        let paper = try parsePaper(data: Data(result.source.utf8), file: "features.md")
        let tables = paper.body.compactMap { if case .table(let table) = $0 { table } else { nil } }
        let first = try #require(tables.first)
        // "Hours" spans two columns; "Northgate" is merged down over two rows.
        #expect(first.spans.contains { $0.row == 0 && $0.columns == 2 }, "\(first.spans)")
        #expect(first.spans.contains { $0.rows == 2 }, "\(first.spans)")
        #expect(result.images.contains { $0.name.hasSuffix(".png") })
    }
}

/// A file that is not a readable .docx is a located error saying what the file is and how
/// to save it; nothing is read past the limits.
@Suite struct WordBadInputTests {
    /// A zip made by Python's zipfile, as any tool would make one: `entries` are (name, text).
    /// `smallParts` more entries of a few bytes each are added by Python itself.
    static func zip(_ entries: [(String, String)], bigPart: Int = 0, smallParts: Int = 0) throws -> Data {
        let folder = try scratchDirectory()
        let path = folder.appendingPathComponent("made.zip").path
        let script = """
            import sys, zipfile, json
            entries = json.loads(sys.argv[2])
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
                for name, text in entries:
                    z.writestr(name, text)
                for index in range(int(sys.argv[4])):
                    z.writestr(f"word/media/part{index}.xml", "<x/>")
                big = int(sys.argv[3])
                if big:
                    with z.open("word/media/big.bin", "w", force_zip64=True) as part:
                        block = bytes(1 << 20)
                        for _ in range(big): part.write(block)
            """
        let json = String(decoding: try JSONSerialization.data(withJSONObject: entries.map { [$0.0, $0.1] }), as: UTF8.self)
        let made = try run("python3", ["-c", script, path, json, String(bigPart), String(smallParts)])
        try #require(made.status == 0, "\(made.err)")
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """
    static let rels = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """

    func message(_ data: Data, file: String = "report.docx") -> String {
        do throws(QuireError) {
            _ = try readImportDocument(data, file: file)
            return "read without an error"
        } catch {
            return error.description
        }
    }

    @Test func textNamedDocxIsNotAZip() {
        let said = message(Data("Committee report\n".utf8))
        #expect(said.contains("a Word document (.docx) is a zip file"), "\(said)")
    }

    @Test func aWord97FileIsNamedAsOne() {
        // An OLE compound file (the header every .doc starts with) holding a WordDocument stream.
        var ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 504)
        ole += Data("WordDocument".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let said = message(ole, file: "report.doc")
        #expect(said.contains("Word 97–2003 document (.doc)"), "\(said)")
        #expect(said.contains(".docx"))
    }

    @Test func anEncryptedDocumentIsNamedAsOne() {
        // Word saves a password-protected .docx as an OLE file with these two streams.
        var ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 504)
        for name in ["EncryptionInfo", "EncryptedPackage"] { ole += Data(name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) }
        let said = message(ole)
        #expect(said.contains("password-protected"), "\(said)")
    }

    @Test func aZipWithoutADocumentBody() throws {
        let said = message(try Self.zip([("[Content_Types].xml", "<Types/>"), ("readme.txt", "hello")]))
        #expect(said.contains("not a Word document"), "\(said)")
    }

    @Test func aMacroEnabledDocumentIsRefused() throws {
        let types = Self.contentTypes.replacingOccurrences(of: "wordprocessingml.document.main+xml", with: "ms-word.document.macroEnabled.main+xml")
            .replacingOccurrences(of: "officedocument.ms-word", with: "ms-word")
        let body = #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hi</w:t></w:r></w:p></w:body></w:document>"#
        let said = message(try Self.zip([("[Content_Types].xml", types), ("_rels/.rels", Self.rels), ("word/document.xml", body),
                                         ("word/vbaProject.bin", "Attribute VB_Name")]), file: "report.docm")
        #expect(said.contains("macro-enabled Word document (.docm)") && said.contains("Word Document (*.docx)"), "\(said)")
        // A .docx that carries a macro project all the same is refused alike.
        let hidden = message(try Self.zip([("[Content_Types].xml", Self.contentTypes), ("_rels/.rels", Self.rels), ("word/document.xml", body),
                                           ("word/vbaProject.bin", "Attribute VB_Name")]))
        #expect(hidden.contains("macro-enabled"), "\(hidden)")
    }

    @Test func aZipOfMoreFilesThanADocumentHoldsIsRefused() throws {
        let body = #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>"#
        let said = message(try Self.zip([("[Content_Types].xml", Self.contentTypes), ("_rels/.rels", Self.rels), ("word/document.xml", body)], smallParts: 5_000))
        #expect(said.contains("holds more than 5000 files"), "\(said)")
    }

    @Test func aDTDIsRefusedBeforeParsing() throws {
        let bomb = """
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>
            """
        let said = message(try Self.zip([("[Content_Types].xml", Self.contentTypes), ("_rels/.rels", Self.rels), ("word/document.xml", bomb)]))
        #expect(said.contains("declares a DTD"), "\(said)")
    }

    @Test func aPartInflatingPastTheLimitIsRefused() throws {
        // 129 MiB of zeros, deflated to a few hundred KiB: past the 128 MiB a part may hold.
        let body = #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hi</w:t></w:r></w:p></w:body></w:document>"#
        let data = try Self.zip([("[Content_Types].xml", Self.contentTypes), ("_rels/.rels", Self.rels), ("word/document.xml", body)], bigPart: 129)
        #expect(data.count < 4 << 20)
        let said = message(data)
        #expect(said.contains("unpacks to more than"), "\(said)")
    }
}
