import Testing
@testable import QuirePDF
import QuirePages

/// The finisher's pieces that need no PDF file: artifact re-marking and page labels.
@Suite("Finishing")
struct FinishingTests {
    func rewrite(_ content: String) -> String {
        String(decoding: markArtifacts(Array(content.utf8)).content, as: UTF8.self)
    }

    @Test("placeholder marked content becomes an artifact; everything else is copied byte for byte")
    func artifacts() {
        let content = "/P <</MCID 0>> BDC BT (x) Tj ET EMC\n/Private << /MCID 1 >> BDC BT (Page 1) Tj ET EMC\n"
        #expect(rewrite(content) == "/P <</MCID 0>> BDC BT (x) Tj ET EMC\n/Artifact <</Type /Pagination>> BDC BT (Page 1) Tj ET EMC\n")
        #expect(markArtifacts(Array(content.utf8)).mcids == [1])
    }

    @Test("look-alikes inside strings, comments and inline images are left alone")
    func tokens() {
        let content = "BT (/Private <</MCID 1>> BDC) Tj ET % /Private <</MCID 1>> BDC\nBI /W 1 /H 1 ID /Private<</MCID 1>>BDC EI\n"
        #expect(rewrite(content) == content)
    }

    @Test("page labels: roman front pages, then decimal from 1; nothing when the labels are 1…N")
    func pageLabels() throws {
        #expect(pageLabelRanges([.decimal(1), .decimal(2), .decimal(3)]) == nil)
        let ranges = try #require(pageLabelRanges([.roman(1), .roman(2), .decimal(1), .decimal(2), .decimal(3)]))
        #expect(ranges.map(\.start) == [0, 2])
        #expect(ranges.map(\.style) == ["r", "D"])
        #expect(ranges.map(\.first) == [1, 1])
        // A pack's supplement, or a jump, starts a range of its own.
        let restart = try #require(pageLabelRanges([.decimal(1), .decimal(2), .decimal(5), .decimal(6)]))
        #expect(restart.map(\.start) == [0, 2])
        #expect(restart.map(\.first) == [1, 5])
        #expect(try #require(pageLabelRanges([.decimal(31), .decimal(32)])).map(\.first) == [31])
    }

    @Test("a label reads as its footer prints it")
    func labelText() {
        #expect(PageLabel.roman(4).description == "iv")
        #expect(PageLabel.decimal(12).description == "12")
        #expect(PageLabel.roman(1).next == .roman(2))
}
}
