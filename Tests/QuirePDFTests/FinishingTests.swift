import Testing
@testable import QuirePDF

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
        #expect(pageLabelRanges(["1", "2", "3"]) == nil)
        let ranges = try #require(pageLabelRanges(["i", "ii", "1", "2", "3"]))
        #expect(ranges.map(\.start) == [0, 2])
        #expect(ranges.map(\.style) == ["r", "D"])
        #expect(ranges.map(\.first) == [1, 1])
        let restart = try #require(pageLabelRanges(["1", "2", "5", "A-1"]))
        #expect(restart.map(\.start) == [0, 2, 3])
        #expect(restart.map(\.first) == [1, 5, 1])
        #expect(restart.last?.prefix == "A-1")
    }

    @Test("roman numerals are read only in their canonical form")
    func roman() {
        #expect(romanValue("iv") == 4)
        #expect(romanValue("xlii") == 42)
        #expect(romanValue("iiii") == nil)
        #expect(romanValue("vix") == nil)
        #expect(romanValue("intro") == nil)
    }
}
