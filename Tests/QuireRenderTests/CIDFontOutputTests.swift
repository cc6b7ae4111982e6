import Foundation
import QuireKit
import QuireTestSupport
import Testing

/// The Welsh --pdfa paper (ŵ ŷ, U+2212 in every fall, no-break spaces, ≥, →) as Quire writes
/// it: cairo sets those glyphs in Type 2 CID fonts, and each must select, through the map the
/// finisher writes, the very glyph of the font it was subset from (Tests/Tools/cid_fonts.py
/// compares outlines with fontTools, independent of Quire's reader).
@Suite("CID fonts in output")
struct CIDFontOutputTests {
    struct Font: Decodable {
        var font: String
        var cid_to_gid: String?
        var glyphs: Int
        var cid_set_complete: Bool?
        var failures: [String]
    }

    static let welshPaper = repositoryRoot.appendingPathComponent("Tests/Fixtures/accessibility/welsh-figures/paper.md").path

    @Test("every CID font maps CIDs to the glyphs cairo subset, with a complete CIDSet; the text reads back")
    func welshFigures() throws {
        let path = try scratchDirectory().appendingPathComponent("welsh.pdf").path
        _ = try typesetter.renderPDF(file: Self.welshPaper, pdfa: true, to: path)
        #expect(try run("qpdf", ["--check", path]).status == 0)
        let fonts = repositoryRoot.appendingPathComponent("fonts").path
        let ttfs = try FileManager.default.contentsOfDirectory(atPath: fonts).filter { $0.hasSuffix(".ttf") }.map { "\(fonts)/\($0)" }
        let result = try run("python3", [repositoryRoot.appendingPathComponent("Tests/Tools/cid_fonts.py").path, path] + ttfs)
        #expect(result.status == 0, "\(result.err)")
        let report = try JSONDecoder().decode([Font].self, from: Data(result.out.utf8))
        #expect(!report.isEmpty, "the paper's characters outside WinAnsi should need a CID font")
        for font in report {
            #expect(font.cid_to_gid == "/Identity", "\(font.font)")
            #expect(font.cid_set_complete == true, "\(font.font)")
            #expect(font.failures.isEmpty, "\(font.font): \(font.failures)")
        }
        let text = try run("pdftotext", [path, "-"]).out
        for word in ["Llŷr", "Ŵyn", "\u{2212}", "≥ 95%", "2023 → 2024"] { #expect(text.contains(word), "\(word)") }
    }
}
