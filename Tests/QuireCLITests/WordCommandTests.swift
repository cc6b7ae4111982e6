import Foundation
import QuireTestSupport
import Testing

/// Word documents as users hand them to Quire: `quire render report.docx`, `quire import
/// report.docx`, and a .docx paper in a committee pack. Each reads the document through the
/// same import as `quire import` and renders what it wrote.
@Suite struct WordCommandTests {
    static let corpusPaper = repositoryRoot.appendingPathComponent("Tests/Fixtures/corpus/county-budget-2025/paper.docx")
    static let features = repositoryRoot.appendingPathComponent("Tests/Fixtures/word/features.docx")

    func words(_ pdf: URL) throws -> String {
        try run("pdftotext", ["-enc", "UTF-8", pdf.path, "-"]).out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func renderingADocxWritesItsPDFBesideItAndNothingElse() throws {
        let scratch = try Scratch()
        try scratch.write("report.docx", try Data(contentsOf: Self.features))
        let result = try scratch.quire(["render", "report.docx"])
        #expect(result.status == 0, "\(result.stderr)")
        // The import's warnings come with the render's.
        #expect(result.stderr.contains("a tracked deletion, dropped"), "\(result.stderr)")
        #expect(try scratch.listing() == ["report.docx", "report.pdf"])  // its pictures were never written beside it
        let text = try words(scratch.work.appendingPathComponent("report.pdf"))
        for phrase in ["Words in a text box.", "Text inside a content control.", "restarted item;", "Library visits survey, 2024."] {
            #expect(text.contains(phrase), "'\(phrase)' is not in the PDF")
        }
        #expect(!text.contains("Hidden drafting note"))
    }

    static let corpus: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Tests/Fixtures/corpus").path)) ?? [])
        .filter { FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent("Tests/Fixtures/corpus/\($0)/paper.docx").path) }.sorted()

    @Test func theCorpusIsThere() { #expect(Self.corpus.count >= 12) }

    @Test(arguments: corpus)
    func everyCorpusDocumentRendersPassesTheCheckAndMatchesItsImport(_ paper: String) throws {
        let scratch = try Scratch()
        try scratch.write("budget.docx", try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/corpus/\(paper)/paper.docx")))
        let rendered = try scratch.quire(["render", "budget.docx", "-o", "budget.pdf"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let checked = try scratch.quire(["check", "budget.pdf"])
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        // The same bytes as importing and rendering the written source: one import, two ways in.
        #expect(try scratch.quire(["import", "budget.docx", "-o", "budget.md"]).status == 0)
        #expect(try scratch.quire(["render", "budget.md", "-o", "via-source.pdf"]).status == 0)
        #expect(try words(scratch.work.appendingPathComponent("budget.pdf")) == words(scratch.work.appendingPathComponent("via-source.pdf")))
    }

    @Test func aDocxPaperInAPack() throws {
        let scratch = try Scratch()
        try scratch.write("budget.docx", try Data(contentsOf: Self.corpusPaper))
        try scratch.write("pack.yaml", """
            meeting:
              committee: Cabinet
              date: 2025-02-10
              venue: County Hall
            items:
              - number: 1
                title: Revenue budget 2025-26
                paper: budget.docx
            """)
        let packed = try scratch.quire(["pack", "pack.yaml", "-o", "pack.pdf"])
        #expect(packed.status == 0, "\(packed.stderr)")
        let text = try words(scratch.work.appendingPathComponent("pack.pdf"))
        #expect(text.contains("Revenue budget 2025-26"))
        #expect(text.contains("Adult Social Care"), "the paper's table is not in the pack")
    }

    @Test func aDoc97FileIsRefusedWithHowToSaveIt() throws {
        let scratch = try Scratch()
        var ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 504)
        ole += Data("WordDocument".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try scratch.write("old.doc", ole)
        let result = try scratch.quire(["render", "old.doc", "-o", "old.pdf"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Word 97–2003 document (.doc)") && result.stderr.contains("hint:"), "\(result.stderr)")
        #expect(try scratch.listing() == ["old.doc"])
    }

    /// A corpus document saved as Word saves a macro-enabled one: its main part typed as such
    /// and a macro project beside it. Neither import nor render takes it, and nothing is written.
    @Test func aMacroEnabledDocumentIsRefusedAndNothingIsWritten() throws {
        let scratch = try Scratch()
        let docx = repositoryRoot.appendingPathComponent("Tests/Fixtures/corpus/county-budget-2025/paper.docx")
        let made = try runProcess("/usr/bin/env", ["python3", "-c", """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as source, zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as out:
                for item in source.infolist():
                    data = source.read(item.filename)
                    if item.filename == "[Content_Types].xml":
                        data = data.replace(b"officedocument.wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
                    out.writestr(item, data)
                out.writestr("word/vbaProject.bin", b"Attribute VB_Name = 'ThisDocument'")
            """, docx.path, scratch.work.appendingPathComponent("report.docm").path])
        try #require(made.status == 0, "\(made.stderr)")
        for command in [["import", "report.docm", "-o", "paper.md"], ["render", "report.docm", "-o", "report.pdf"]] {
            let result = try scratch.quire(command)
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("macro-enabled Word document (.docm)") && result.stderr.contains("hint:"), "\(result.stderr)")
            #expect(try scratch.listing() == ["report.docm"])
        }
    }
}
