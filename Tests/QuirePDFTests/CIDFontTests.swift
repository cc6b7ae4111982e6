import Foundation
import QuireTestSupport
import Testing

@testable import QuirePDF

/// The CID fonts cairo writes, completed on a file as Quire wrote it before (cairo's own
/// font dictionaries, with no /CIDToGIDMap): the map and /CIDSet added only when the embedded
/// program agrees with /W, and a file where it does not is refused.
@Suite("CID fonts")
struct CIDFontTests {
    let before = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/accessibility/before/welsh-figures-pdfa.pdf").path

    func completed(_ bytes: [UInt8]) throws -> String {
        let pdf = try CairoPDF(bytes)
        let out = PDFRewrite(pdf)
        try completeCIDFonts(pdf: pdf, out: out)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cid-\(UUID().uuidString).pdf").path
        guard let root = pdf.trailer["Root"]?.reference, let info = pdf.trailer["Info"]?.reference else { throw PDFError("no root") }
        try out.write(to: .path(path), root: root, info: info)
        return path
    }

    @Test("each Type 2 CID font gets /CIDToGIDMap /Identity and a /CIDSet of every glyph of its program")
    func completes() throws {
        let path = try completed(Array(try #require(FileManager.default.contents(atPath: before))))
        defer { unlink(path) }
        #expect(try run("qpdf", ["--check", path]).status == 0)
        // Read back independently (pikepdf and fontTools): the map, the set, and each CID's
        // outline against the font it was subset from.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let fonts = ["LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"].map { root.appendingPathComponent("fonts/\($0)").path }
        let result = try run("python3", [root.appendingPathComponent("Tests/Tools/cid_fonts.py").path, path] + fonts)
        #expect(result.status == 0, "\(result.err)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
        #expect(report.count == 2, "\(report)")
        for font in report {
            #expect(font["cid_to_gid"] as? String == "/Identity", "\(font)")
            #expect(font["cid_set_complete"] as? Bool == true, "\(font)")
            #expect((font["failures"] as? [String])?.isEmpty == true, "\(font)")
        }
    }

    @Test("a /W width that is not the program's advance means CIDs are not glyph indices: refused")
    func refusesMismatch() throws {
        var bytes = Array(try #require(FileManager.default.contents(atPath: before)))
        let needle = Array("/W [0 [ 750 500 943".utf8), replacement = Array("/W [0 [ 750 600 943".utf8)
        let at = try #require((0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) })
        bytes.replaceSubrange(at..<(at + needle.count), with: replacement)
        #expect(throws: PDFError.self) { _ = try completed(bytes) }
    }
}
