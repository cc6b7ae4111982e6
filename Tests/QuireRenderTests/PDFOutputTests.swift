import Foundation
import QuireKit
import QuireModel
import QuireTestSupport
import Testing

/// The examples' PDFs checked with real tools: qpdf, pdfinfo, pdffonts, pdftotext.
@Suite("PDF output")
struct PDFOutputTests {
    @Test("qpdf finds no error", arguments: examples)
    func qpdfCheck(name: String) throws {
        let result = try run("qpdf", ["--check", try renderExample(name)])
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(result.out.contains("No syntax or stream encoding errors"))
    }

    @Test("pdfinfo shows A4 pages, title, author, subject and the paper's date", arguments: seeds)
    func info(name: String) throws {
        let info = try pdfInfo(try renderExample(name))
        #expect(info["Pages"] == "4")
        #expect(info["Page size"]?.contains("(A4)") == true)
        #expect(info["Title"]?.contains("Annual Report") == true)
        #expect(info["Author"]?.contains("Kent Safeguarding") == false)  // names only, not roles
        #expect(!(info["Author"] ?? "").isEmpty)
        #expect(!(info["Subject"] ?? "").isEmpty)
        #expect(info["CreationDate"]?.contains(name == "kscb-2016-17" ? "Oct 19" : "Oct  4") == true)
    }

    /// Cairo leaves page content and /ToUnicode maps plain and the finisher compresses them
    /// (it decodes every page's content anyway): each is compressed once, never twice, and
    /// nothing but the XMP (which PDF/A readers scan for) is left plain.
    @Test("every stream is compressed, and only once", arguments: examples)
    func streamsCompressedOnce(name: String) throws {
        let script = """
            import pikepdf, sys, zlib
            pdf = pikepdf.open(sys.argv[1])
            for o in pdf.objects:
                if not isinstance(o, pikepdf.Stream): continue
                kind = str(o.get('/Type', o.get('/Subtype', '-')))
                if '/Filter' not in o:
                    if kind != '/Metadata': print('plain', o.objgen, kind)
                    continue
                data = o.read_bytes() if str(o.Filter) == '/FlateDecode' else b''
                try:
                    zlib.decompress(data); print('twice', o.objgen, kind)
                except zlib.error:
                    pass
            """
        let result = try run("python3", ["-c", script, try renderExample(name)])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.isEmpty, "\(result.out)")
    }

    @Test("every font is embedded and subset", arguments: examples)
    func fonts(name: String) throws {
        let rows = try run("pdffonts", [try renderExample(name)]).out.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty)
        for row in rows {
            let columns = row.split(separator: " ")
            // name type encoding emb sub uni object ID
            #expect(columns[columns.count - 5] == "yes" && columns[columns.count - 4] == "yes", "\(row)")
            #expect(columns[0].contains("+"), "subset fonts carry a tag prefix: \(row)")
        }
    }

    @Test("every word of the seed's body appears in the PDF, in order", arguments: seeds)
    func fidelity(name: String) throws {
        let seed = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/seeds/\(seedFile[name]!)"), encoding: .utf8)
        let expected = comparableWords(seedBody(seed))
        #expect(expected.count > 1000)
        try expectInOrder(expected, inPDFOf: name)
    }

    @Test("every word of the source's body reaches the PDF, in order", arguments: examples)
    func sourceFidelity(name: String) throws {
        let result = try typesetter.layout(file: examplePath(name))
        let words = try expectInOrder(comparableWords(bodyText(result.paper.body)), inPDFOf: name)
        var available = Dictionary(words.map { ($0, 1) }, uniquingKeysWith: +)
        for word in tableWords(result.paper.body) {
            #expect((available[word] ?? 0) > 0, "table word '\(word)' missing")
            available[word, default: 0] -= 1
        }
    }

    /// Renders the example and checks `expected` appears in order in `pdftotext -layout`;
    /// returns the PDF's words for further checks.
    @discardableResult
    private func expectInOrder(_ expected: [String], inPDFOf name: String) throws -> [String] {
        let words = comparableWords(try run("pdftotext", ["-layout", try renderExample(name), "-"]).out)
        let missing = missingInOrder(expected, in: words)
        #expect(missing.count == 0, "missing \(missing.count): \(missing.prefix(10).map { "#\($0.index) \($0.word)" })")
        return words
    }

    @Test("the header block's values all reach the PDF", arguments: committeePapers)
    func headerWords(name: String) throws {
        let result = try typesetter.layout(file: examplePath(name))
        let matter = result.paper.frontMatter
        let texts: [String] = [FrontMatterField.subject, .summary, .to, .classification].compactMap { matter.text($0)?.plainText }
        let values = texts + matter.textList(.recommendation).map(\.plainText) + matter.by.flatMap { [$0.name, $0.role ?? ""] }
        let text = Set(comparableWords(try run("pdftotext", [try renderExample(name), "-"]).out))
        for word in comparableWords(values.joined(separator: " ")) {
            #expect(text.contains(word), "\(word)")
        }
    }

    @Test("rendering twice gives identical bytes", arguments: examples)
    func reproducible(name: String) throws {
        let first = try Data(contentsOf: URL(fileURLWithPath: try renderExample(name)))
        let second = try Data(contentsOf: URL(fileURLWithPath: try renderExample(name)))
        #expect(first == second)
    }

    @Test("email addresses are mailto links and sections are bookmarks")
    func linksAndOutline() throws {
        let path = try renderExample("kscb-2016-17")
        let json = try run("qpdf", ["--json", "--json-key=outlines", path]).out
        for title in ["1. Introduction", "2. The 2016/17 Annual Report", "3. Conclusions", "4. Recommendations",
                      "5. Background Documents", "6. Contact details"] {
            #expect(json.contains("\"title\": \"\(title)\""), "\(title)")
        }
        let objects = try run("qpdf", ["--qdf", "--object-streams=disable", path, "-"]).out
        #expect(objects.contains("/URI (mailto:mark.janaway@kent.gov.uk)"))
    }
}

/// The streaming path (pages parked in a spool file) writes the very bytes the in-memory path does.
@Suite("Streaming render")
struct StreamingRenderTests {
    @Test("renderPDF equals layout + writePDF", arguments: examples)
    func sameBytes(name: String) throws {
        let folder = try scratchDirectory()
        let streamed = folder.appendingPathComponent("streamed.pdf").path
        let rendered = try typesetter.renderPDF(file: examplePath(name), to: streamed)
        let inMemory = try renderExample(name)
        #expect(try Data(contentsOf: URL(fileURLWithPath: streamed)) == Data(contentsOf: URL(fileURLWithPath: inMemory)))
        #expect(rendered.pages == Int(try pdfInfo(streamed)["Pages"] ?? ""))
    }
}
