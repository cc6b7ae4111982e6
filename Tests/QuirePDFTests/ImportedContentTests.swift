import Foundation
import QuireTestSupport
import Testing

@testable import QuirePDF

/// What the finisher does to another file's page before drawing it in a pack page: its
/// resource names moved out of the way of the page's own, its marked-content ids past the
/// page's, and whatever it leaves open closed; read back through the source reader, which
/// follows cross-reference streams and object streams as well as classic tables.
@Suite("Imported pages")
struct ImportedContentTests {
    static let appendix = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/accessibility/tagged-appendix/capital-programme.pdf").path

    @Test("resource names are renamed by category, MCIDs moved up, strings and inline images left alone")
    func rewrite() {
        let content = Array("""
            /P <</MCID 0>> BDC BT /F1 11 Tf (/F1 Tf /MCID 3) Tj ET EMC
            /Span <</MCID 2 /ActualText (x)>> BDC /GS1 gs /Im1 Do /Cs1 cs 0.5 scn /P1 scn EMC
            BI /W 1 /H 1 /CS /Cs1 /BPC 8 ID \u{1}\u{2}\u{3} EI
            """.utf8)
        var renames = ResourceRenames()
        renames.names = ["Font": ["F1": "QiF1"], "ExtGState": ["GS1": "QiGS1"], "XObject": ["Im1": "QiIm1"], "ColorSpace": ["Cs1": "QiCs1"],
                         "Pattern": ["P1": "QiP1"]]
        let (rewritten, mcids) = rewriteImportedContent(content, renames: renames, mcidOffset: 10)
        let text = String(decoding: rewritten, as: UTF8.self)
        #expect(mcids == [10, 12])
        #expect(text.contains("/P <</MCID 10>> BDC BT /QiF1 11 Tf (/F1 Tf /MCID 3) Tj ET EMC"), "\(text)")
        #expect(text.contains("/Span <</MCID 12 /ActualText (x)>> BDC /QiGS1 gs /QiIm1 Do /QiCs1 cs 0.5 scn /QiP1 scn EMC"), "\(text)")
        #expect(text.contains("BI /W 1 /H 1 /CS /QiCs1 /BPC 8 ID \u{1}\u{2}\u{3} EI"), "\(text)")
    }

    @Test("what the page leaves open is closed at its end; a Q with no q is left out")
    func balance() {
        let (rewritten, _) = rewriteImportedContent(Array("Q q 1 0 0 1 5 5 cm q /P <</MCID 0>> BDC BT (a) Tj".utf8), renames: ResourceRenames(), mcidOffset: 0)
        let operators = String(decoding: rewritten, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        #expect(operators.first == "q")
        #expect(Array(operators.suffix(4)) == ["ET", "EMC", "Q", "Q"])
        #expect(operators.filter { $0 == "q" }.count == operators.filter { $0 == "Q" }.count)
    }

    @Test("the reader finds the same pages, content and structure through object streams as through a classic table")
    func objectStreams() throws {
        let packed = try scratchFile("packed.pdf")
        let qpdf = try run("qpdf", ["--object-streams=generate", Self.appendix, packed])
        try #require(qpdf.status == 0, "\(qpdf.err)")
        let classic = try ForeignPDF([UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.appendix))))
        let streams = try ForeignPDF([UInt8](try Data(contentsOf: URL(fileURLWithPath: packed))))
        let a = try classic.pages(), b = try streams.pages()
        #expect(a.count == 1 && b.count == 1)
        #expect(try classic.content(of: a[0]) == streams.content(of: b[0]))
        #expect(a[0].box == b[0].box)
        let root = try #require(try streams.dictionary(streams.trailer["Root"]))
        let tree = try #require(try streams.dictionary(root["StructTreeRoot"]))
        #expect(try streams.dictionary(tree["RoleMap"])?["Standard"]?.nameValue == "P")
        #expect(taggedPDFImportProblem(packed) == nil)
        #expect(taggedPDFImportProblem(Self.appendix) == nil)
    }
}

private func scratchFile(_ name: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent(name).path
}
