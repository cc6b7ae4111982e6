import Foundation
import Testing
@testable import QuirePDF
import QuireSystem
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
        // A value replaced whole (as the parent tree's arrays are) is packed as an edited one is.
        let numbers = out.add(.array([.integer(7), .integer(8)]))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rewrite-\(UUID().uuidString).pdf").path
        defer { unlink(path) }
        try out.write(to: .path(path), root: 1, info: info)
        let written = try #require(FileManager.default.contents(atPath: path))
        // The objects that are not streams are packed (the sample is PDF 1.7): cairo's bytes
        // for them are in an object stream, the content stream stays where it was.
        let packed = try objectStreams(Array(written))
        #expect(packed.count == 1)
        let text = packed.joined(separator: "\n")
        #expect(text.contains("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.2756 841.8898] /Contents 4 0 R >>"))
        #expect(text.contains("% a comment"))
        #expect(!text.contains("not referenced") && !String(decoding: written, as: UTF8.self).contains("not referenced"))
        #expect(text.contains("(D:2017\\(1\\))"))
        #expect(text.contains("[7 8]") && !String(decoding: written, as: UTF8.self).contains("\(numbers) 0 obj"))
        #expect(String(decoding: written, as: UTF8.self).contains("4 0 obj\n<<  /Length 27 >>\nstream\nBT /F1 12 Tf (a \\) b) Tj ET"))
        // Read back by tools Quire did not write: qpdf finds no error, and pikepdf's trailer
        // (the cross-reference stream's dictionary) has the root, the /ID and the new /Lang.
        #expect(try run("qpdf", ["--check", path]).status == 0)
        let read = try run("python3", ["-c", """
            import pikepdf, sys
            pdf = pikepdf.open(sys.argv[1])
            print(pdf.Root.Lang, len(pdf.trailer.ID), pdf.trailer.Type, int(pdf.trailer.Size), len(pdf.pages))
            """, path])
        #expect(read.out == "en-GB 2 /XRef 10 1\n", "\(read.out) \(read.err)")
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

    @Test("an edited dictionary is spooled at once and read back for the next edit, also once it is in the temporary file")
    func editsAddUp() throws {
        let source = try CairoPDF(sample())
        let spilling = PDFRewrite(source, bodies: ByteSpool(chunkSize: 16, memoryChunks: 0))
        let inMemory = PDFRewrite(source)
        var written: [[UInt8]] = []
        for out in [spilling, inMemory] {
            try out.edit(3) { $0["Tabs"] = .name("S") }
            let info = out.add(.dictionary(PDFDictionary([("Title", .text("t"))])))
            try out.edit(1) { $0["Lang"] = .text("en-GB") }
            // Back to objects whose edited bodies are behind others now (in the file, for `spilling`).
            try out.edit(3) { $0["StructParents"] = .integer(0) }
            try out.edit(info) { $0["Author"] = .text("Democratic Services") }
            try out.edit(3) { $0["Tabs"] = nil }
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("edits-\(UUID().uuidString).pdf").path
            defer { unlink(path) }
            try out.write(to: .path(path), root: 1, info: info)
            written.append(Array(try #require(FileManager.default.contents(atPath: path))))
            let read = try run("python3", ["-c", """
                import pikepdf, sys
                pdf = pikepdf.open(sys.argv[1])
                page = pdf.pages[0].obj
                print(pdf.Root.Lang, pdf.docinfo.Title, pdf.docinfo.Author, int(page.StructParents), "/Tabs" in page, page.MediaBox[3])
                """, path])
            #expect(read.out == "en-GB t Democratic Services 0 False 841.8898\n", "\(read.out) \(read.err)")
        }
        #expect(written[0] == written[1], "spilling the edited bodies changed the file")
    }

    @Test("a page's parent-tree array is changed in place and written back; one holding anything but elements or null is an error")
    func parentTreeArrays() throws {
        func pdf(_ array: String) throws -> CairoPDF {
            var pdf = MiniPDF()
            pdf.object(1, "<< /Type /Catalog /Pages 2 0 R >>")
            pdf.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
            pdf.object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /StructParents 0 >>")
            pdf.object(4, "<< /Nums [0 5 0 R] >>")
            pdf.object(5, array)
            pdf.object(6, "<< /Type /StructElem /S /P >>")
            pdf.object(7, "<< /Type /StructElem /S /P >>")
            return try CairoPDF(pdf.bytes)
        }
        let good = try pdf("[6 0 R 7 0 R null]")
        let page = PageObject(number: 3, try good.dictionary(3))
        var tree = try ParentTreeArrays(good, 4, pages: [page])
        #expect(tree.count(page: 3) == 3)
        tree.set(try #require(StructureRewrite.ContentRef(page: 3, mcid: 1)), to: 6)
        tree.set(try #require(StructureRewrite.ContentRef(page: 3, mcid: 0)), to: nil)
        let out = PDFRewrite(good)
        try tree.write(to: out, tree: 4)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parent-\(UUID().uuidString).pdf").path
        defer { unlink(path) }
        try out.write(to: .path(path), root: 1, info: out.add(.dictionary(PDFDictionary([("Title", .text("t"))]))))
        let text = try objectStreams(Array(try #require(FileManager.default.contents(atPath: path)))).joined(separator: "\n")
        #expect(text.contains("[null 6 0 R null]"), "\(text)")
        #expect(throws: PDFError.self) { try ParentTreeArrays(try pdf("[6 0 R 12]"), 4, pages: [page]) }
    }

    @Test("a file older than PDF 1.5 keeps a classic cross-reference table and no object streams")
    func classicBeforePDF15() throws {
        var bytes = sample()
        bytes.replaceSubrange(0..<8, with: Array("%PDF-1.4".utf8))
        let out = PDFRewrite(try CairoPDF(bytes))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rewrite-\(UUID().uuidString).pdf").path
        defer { unlink(path) }
        try out.write(to: .path(path), root: 1, info: out.add(.dictionary(PDFDictionary([("Title", .text("t"))]))))
        let written = try #require(FileManager.default.contents(atPath: path))
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.contains("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.2756 841.8898] /Contents 4 0 R >>"))
        #expect(!text.contains("/ObjStm") && text.contains("\ntrailer\n"))
        let reread = try CairoPDF(Array(written))
        #expect(reread.trailer["ID"] != nil)
        #expect(try run("qpdf", ["--check", path]).status == 0)
    }

    @Test("only a plain object's value is packed: streams and other generations stay whole")
    func packableBodies() {
        func body(_ text: String) -> String? {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { buffer in packableBody(buffer).map { String(decoding: bytes[$0], as: UTF8.self) } }
        }
        #expect(body("12 0 obj\n<< /Type /Page >>\nendobj\n") == "<< /Type /Page >>")
        #expect(body("7 0 obj\n   1234\nendobj\n\n") == "1234")
        #expect(body("4 0 obj\n<< /Length 3 >>\nstream\nabc\nendstream\nendobj\n") == nil)
        #expect(body("9 1 obj\n<< >>\nendobj\n") == nil)
        #expect(body("9 0 obj\n<< >>\n") == nil)
        #expect(body("9 0 obj\nendobj\n") == nil)
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

/// The decompressed contents of every object stream in `bytes`, found by its dictionary.
private func objectStreams(_ bytes: [UInt8]) throws -> [String] {
    func find(_ word: String, from start: Int) -> Int? {
        let needle = Array(word.utf8)
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        return (start...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
    var found: [String] = []
    var from = 0
    while let type = find("/Type /ObjStm", from: from) {
        let head = try #require(find(">>\nstream\n", from: type)) + 10
        let end = try #require(find("\nendstream", from: head))
        let data = try #require(inflated(Array(bytes[head..<end])))
        found.append(String(decoding: data, as: UTF8.self))
        from = end
    }
    return found
}
