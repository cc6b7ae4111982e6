import Foundation
import QuireTestSupport
import QuirePages
import QuirePangoCairo
import Testing

/// Existing PDFs placed as appendices: drawn as vectors through poppler, text kept as text.
@Suite("PDF appendices")
struct PDFAppendixTests {
    /// A real four-page PDF to use as the appendix.
    private let appendix: String

    init() throws { appendix = try renderExample("kscb-2012-13") }

    /// One A4 page per entry of `indexes`, each showing that page of `path` shrunk into the
    /// margins, as the pack layout would place it.
    private func pack(_ path: String, indexes: [Int]) -> PagedDocument {
        let pages = indexes.enumerated().map { number, index in
            var frame = Frame(size: .a4)
            frame.open(StructureTag(.article))
            frame.push(.pdfPage(path: path, index: index, Size(width: Size.a4.width * 0.9, height: Size.a4.height * 0.9)),
                       at: Point(x: Size.a4.width * 0.05, y: Size.a4.height * 0.05))
            frame.close()
            return Page(frame: frame, number: number + 1, label: .decimal(number + 1))
        }
        return PagedDocument(pages: pages, outline: [], metadata: DocumentMetadata(title: "Appendix test"))
    }

    /// The longest line of a page's text, whitespace collapsed: a sentence found on no other page.
    private func sentence(of path: String, page: Int) throws -> String {
        let text = try run("pdftotext", ["-f", String(page), "-l", String(page), path, "-"]).out
        let longest = text.split(separator: "\n").map { collapsed(String($0)) }.max { $0.count < $1.count } ?? ""
        #expect(longest.count > 40, "page \(page) has a sentence to look for")
        return longest
    }

    private func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("appendix pages are drawn as vectors: text stays text, fonts embedded, no images")
    func vectors() throws {
        let output = try scratchDirectory().appendingPathComponent("pack.pdf").path
        let error = PangoCairoRenderer().writePDF(pack(appendix, indexes: [0, 1]), to: output)
        #expect(error == nil, "\(error ?? "")")

        let check = try run("qpdf", ["--check", output])
        #expect(check.status == 0, "\(check.out)\(check.err)")
        #expect(try pdfInfo(output)["Pages"] == "2")

        for page in [1, 2] {
            let expected = try sentence(of: appendix, page: page)
            let drawn = collapsed(try run("pdftotext", ["-f", String(page), "-l", String(page), output, "-"]).out)
            #expect(drawn.contains(expected), "page \(page): '\(expected)' missing")
        }

        let fonts = try run("pdffonts", [output]).out.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for row in fonts {
            let columns = row.split(separator: " ")
            #expect(columns[columns.count - 5] == "yes", "embedded: \(row)")
        }
        let images = try run("pdfimages", ["-list", output]).out.split(separator: "\n").dropFirst(2)
        #expect(images.isEmpty, "no raster images: \(images)")
    }

    @Test("appendix pages are drawn on PNG pages too")
    func png() throws {
        let folder = try scratchDirectory()
        let error = PangoCairoRenderer().writePNGs(pack(appendix, indexes: [0]), dpi: 36) { folder.appendingPathComponent("page-\($0).png").path }
        #expect(error == nil, "\(error ?? "")")
        let bitmap = try #require(Bitmap(png: folder.appendingPathComponent("page-1.png").path))
        #expect(bitmap.pixels.contains { $0 != 0xFF_FFFF }, "something was drawn")
    }

    @Test("page sizes are read in points")
    func sizes() throws {
        let sizes = try readPDFAppendix(appendix).get()
        #expect(sizes.count == 4)
        for size in sizes {
            #expect(abs(size.width - 595.28) < 0.01 && abs(size.height - 841.89) < 0.01, "\(size)")
        }
    }

    @Test("an encrypted PDF is refused, whether it needs a password or only restricts use")
    func encrypted() throws {
        let folder = try scratchDirectory()
        let locked = folder.appendingPathComponent("locked.pdf").path
        let restricted = folder.appendingPathComponent("restricted.pdf").path
        #expect(try run("qpdf", ["--encrypt", "user", "owner", "256", "--", appendix, locked]).status == 0)
        #expect(try run("qpdf", ["--encrypt", "", "owner", "256", "--extract=n", "--modify=none", "--", appendix, restricted]).status == 0)
        #expect(readPDFAppendix(locked) == .failure(.encrypted))
        #expect(readPDFAppendix(restricted) == .failure(.encrypted))
        // Encrypted with an empty password and no restrictions: poppler-glib cannot tell this
        // from a plain PDF (it has no "is encrypted" call), and nothing is locked, so it is used.
        let open = folder.appendingPathComponent("open.pdf").path
        #expect(try run("qpdf", ["--encrypt", "", "owner", "256", "--", appendix, open]).status == 0)
        #expect(try readPDFAppendix(open).get().count == 4)
        #expect(PDFAppendixProblem.encrypted.description.contains("without a password"))
    }

    @Test("a text file, a truncated PDF and a missing file are unreadable")
    func unreadable() throws {
        let folder = try scratchDirectory()
        let text = folder.appendingPathComponent("notes.pdf")
        try "Minutes of the last meeting.\n".write(to: text, atomically: true, encoding: .utf8)
        let truncated = folder.appendingPathComponent("truncated.pdf")
        try Data(try Data(contentsOf: URL(fileURLWithPath: appendix)).prefix(2000)).write(to: truncated)
        for path in [text.path, truncated.path, folder.appendingPathComponent("missing.pdf").path] {
            let result = readPDFAppendix(path)
            guard case .failure(.unreadable(let message)) = result else {
                Issue.record("\(path): \(result)")
                continue
            }
            #expect(!message.isEmpty)
        }
    }

    @Test("a missing appendix or page fails the render with a message naming the file")
    func missing() throws {
        let folder = try scratchDirectory()
        let missing = folder.appendingPathComponent("no-such-appendix.pdf").path
        let error = PangoCairoRenderer().writePDF(pack(missing, indexes: [0]), to: folder.appendingPathComponent("a.pdf").path)
        #expect(error?.contains(missing) == true, "\(error ?? "nil")")
        let beyond = PangoCairoRenderer().writePDF(pack(appendix, indexes: [4]), to: folder.appendingPathComponent("b.pdf").path)
        #expect(beyond?.contains(appendix) == true && beyond?.contains("page 5") == true, "\(beyond ?? "nil")")
    }

    /// A one-page PDF whose text is set in Helvetica, not embedded (as many word processors
    /// and scripts write), so poppler must substitute a font.
    private func helveticaPDF(_ text: String, in folder: URL) throws -> String {
        let content = "BT /F1 12 Tf 72 760 Td (\(text)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
        ]
        var pdf = "%PDF-1.4\n", offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        let path = folder.appendingPathComponent("helvetica.pdf").path
        try pdf.write(toFile: path, atomically: true, encoding: .ascii)
        return path
    }

    @Test("text in a font the appendix does not embed keeps its word spacing")
    func substitutedFont() throws {
        let folder = try scratchDirectory()
        let sentence = "MINUTES of a meeting of the Kent County Council held in the Council Chamber"
        let source = try helveticaPDF(sentence, in: folder)
        #expect(collapsed(try run("pdftotext", [source, "-"]).out) == sentence)
        let output = folder.appendingPathComponent("out.pdf").path
        #expect(PangoCairoRenderer().writePDF(pack(source, indexes: [0]), to: output) == nil)
        // Poppler substitutes through the process's fontconfig, which is Quire's private one:
        // its Helvetica → Liberation Sans alias keeps the metrics (without it Liberation Mono
        // was chosen and the words ran together: "M IN U TES ofa m eeting").
        let drawn = collapsed(try run("pdftotext", [output, "-"]).out)
        #expect(drawn.contains(sentence), "\(drawn)")
    }
}
