import Foundation
import Testing
@testable import QuirePDF
import QuireTestSupport

/// The finishing writer's reader and writer on a hand-written file.
@Suite("PDF rewriting")
struct RewriteTests {
    func sample() -> [UInt8] {
        var pdf = MiniPDF()
        pdf.object(1, "<< /Type /Catalog /Pages 2 0 R >>")
        pdf.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 % a comment, as cairo writes them\n>>")
        pdf.object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.2756 841.8898] /Contents 4 0 R >>")
        pdf.stream(4, "", "BT /F1 12 Tf (a \\) b) Tj ET")
        pdf.object(5, "(not referenced)")
        return pdf.bytes
    }

    @Test("values parse as written: references, nested arrays and dictionaries, strings kept raw")
    func parse() throws {
        let pdf = try CairoPDF(sample())
        let page = try pdf.dictionary(3)
        #expect(page["Parent"] == .reference(2))
        #expect(page["MediaBox"] == .array([.number("0"), .number("0"), .number("595.2756"), .number("841.8898")]))
        let (value, range) = try pdf.object(4)
        #expect(value.dictionaryValue?["Length"]?.int == 27)
        #expect(String(decoding: try pdf.bytes(range!), as: UTF8.self) == "BT /F1 12 Tf (a \\) b) Tj ET")
        #expect(try pdf.object(5).value == .string(Array("(not referenced)".utf8)))
    }

    @Test("unchanged objects are copied byte for byte; changed ones rewritten; the file reads back")
    func rewrite() throws {
        let source = try CairoPDF(sample())
        let out = PDFRewrite(source)
        try out.edit(1) { $0["Lang"] = .text("en-GB") }
        out.drop(5)
        let info = out.add(.dictionary(PDFDictionary([("Title", .text("Tést")), ("CreationDate", .ascii("D:2017(1)"))])))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rewrite-\(UUID().uuidString).pdf").path
        defer { unlink(path) }
        try out.write(to: .path(path), root: 1, info: info)
        let written = try #require(FileManager.default.contents(atPath: path))
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.contains("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.2756 841.8898] /Contents 4 0 R >>"))
        #expect(text.contains("% a comment"))
        #expect(!text.contains("not referenced"))
        #expect(text.contains("(D:2017\\(1\\))"))
        let reread = try CairoPDF(Array(written))
        #expect(try reread.dictionary(1)["Lang"] == .text("en-GB"))
        #expect(reread.trailer["ID"] != nil)
        #expect(try run("qpdf", ["--check", path]).status == 0)
        // The same input gives the same bytes.
        try out.write(to: .path(path + ".2"), root: 1, info: info)
        defer { unlink(path + ".2") }
        #expect(FileManager.default.contents(atPath: path + ".2") == written)
        // Through a descriptor the caller opened (an exclusively created temporary file): the
        // same bytes, and the descriptor is left open for the caller to close.
        let descriptor = open(path + ".3", O_WRONLY | O_CREAT | O_EXCL, 0o644)
        defer { unlink(path + ".3") }
        try out.write(to: .descriptor(descriptor), root: 1, info: info)
        #expect(fcntl(descriptor, F_GETFD) != -1)
        close(descriptor)
        #expect(FileManager.default.contents(atPath: path + ".3") == written)
    }

    @Test("what is not cairo's kind of file is an error, not a guess")
    func refuses() {
        #expect(throws: PDFError.self) { try CairoPDF(Array("%PDF-1.5\nno xref here\n".utf8)) }
        #expect(throws: PDFError.self) { try CairoPDF(Array(sample().prefix(200))) }
    }

    @Test("zlib round trip")
    func flate() throws {
        let data = Array(String(repeating: "BT (Page 1) Tj ET\n", count: 500).utf8)
        #expect(inflated(try #require(deflated(data))) == data)
        #expect(inflated(Array("not zlib".utf8)) == nil)
    }
}
