import Testing
@testable import QuireCheck
import QuirePDFSyntax
import QuireTestSupport

/// The /ToUnicode CMap parser and the string decoding around it.
@Suite struct CMapTests {
    static let twoByte = """
        /CIDInit /ProcSet findresource begin 12 dict begin begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange
        3 beginbfchar
        <0003> <0020>
        <0011> <00660069>
        <0012> <D835DC00>
        endbfchar
        3 beginbfrange
        <0024> <0026> <0041>
        <0044> <0046> [<0061> <0062> <0063>]
        <00FF> <0101> <00E0>
        endbfrange
        endcmap CMapName currentdict /CMap defineresource pop end end
        """

    @Test("bfchar: single characters, a ligature and a surrogate pair")
    func bfchar() {
        let cmap = CMap(Array(Self.twoByte.utf8))
        #expect(cmap.text(for: 0x0003) == " ")
        #expect(cmap.text(for: 0x0011) == "fi")
        #expect(cmap.text(for: 0x0012) == "\u{1D400}")
        #expect(cmap.codespace == [.init(low: [0, 0], high: [0xFF, 0xFF])])
    }

    @Test("bfrange with a start value: each code adds one; a range may cross a byte boundary")
    func bfrangeStart() {
        let cmap = CMap(Array(Self.twoByte.utf8))
        #expect([0x24, 0x25, 0x26].map { cmap.text(for: $0) } == ["A", "B", "C"])
        #expect(cmap.text(for: 0x27) == nil)
        #expect([0xFF, 0x100, 0x101].map { cmap.text(for: $0) } == ["à", "á", "â"])
    }

    @Test("bfrange with an array: one target per code")
    func bfrangeArray() {
        let cmap = CMap(Array(Self.twoByte.utf8))
        #expect([0x44, 0x45, 0x46].map { cmap.text(for: $0) } == ["a", "b", "c"])
    }

    @Test("codes are split per the code space: mixed one- and two-byte ranges")
    func mixedCodespace() {
        let cmap = CMap(Array("2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange".utf8))
        let bytes: [UInt8] = [0x41, 0x81, 0x40, 0x42]
        #expect(cmap.codeLength(at: 0, in: bytes) == 1)
        #expect(cmap.codeLength(at: 1, in: bytes) == 2)
        #expect(cmap.codeLength(at: 3, in: bytes) == 1)
    }

    @Test("targets with control codes: U+0000 and the like dropped, tab as a space")
    func controlTargets() {
        let cmap = CMap(Array("3 beginbfchar <05> <0000> <06> <0009> <07> <00410000> endbfchar".utf8))
        #expect(cmap.text(for: 5) == "")
        #expect(cmap.text(for: 6) == " ")
        #expect(cmap.text(for: 7) == "A")
    }

    @Test("a hostile range is cut short rather than filling memory")
    func hugeRange() {
        let cmap = CMap(Array("1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange".utf8))
        #expect(cmap.unicode.count == Int(CMap.maxRangeLength))
    }

    @Test("the fixtures' map: 1-byte codes, a ligature, and WinAnsi where it has no entry")
    func fixtureFont() {
        let cmap = CMap(Array(fixtureToUnicode.utf8))
        #expect(cmap.text(for: 0x02) == "b")
        #expect(cmap.text(for: 0x1F) == "fi")
        #expect(FontTextDecoder.winAnsi(0x93) == "\u{201C}")
    }

    @Test("literal strings: escapes, octal, line continuation; hex strings with an odd digit")
    func strings() {
        #expect(TokenValues.literalBytes(Array(#"(a\(b\)\\c\101\12\n)"#.utf8)[...]) == Array("a(b)\\cA\n\n".utf8))
        #expect(TokenValues.literalBytes(Array("(one\\\ntwo)".utf8)[...]) == Array("onetwo".utf8))
        #expect(TokenValues.literalBytes(Array("(x\\501)".utf8)[...]) == [UInt8(ascii: "x"), 0x41])
        #expect(TokenValues.hexBytes(Array("<48 65 6c6C 7>".utf8)[...]) == [0x48, 0x65, 0x6C, 0x6C, 0x70])
        #expect(TokenValues.textString([0xFE, 0xFF, 0x00, 0x48, 0x00, 0x69]) == "Hi")
    }

    @Test("XMP: pdfaid as attributes or elements, dc:title with entities")
    func xmp() {
        let attributes = XMPMetadata(#"<rdf:Description pdfaid:part='3' pdfaid:conformance="a"/>"#)
        #expect(attributes.pdfaPart == "3" && attributes.pdfaConformance == "a")
        let elements = XMPMetadata("""
            <pdfaid:part>1</pdfaid:part>
            <pdfaid:conformance>B</pdfaid:conformance>
            <dc:title>
              <rdf:Alt><rdf:li xml:lang="x-default">Fees &amp; charges &#8211; 2024</rdf:li></rdf:Alt>
            </dc:title>
            """)
        #expect(elements.pdfaPart == "1" && elements.pdfaConformance == "B")
        #expect(elements.title == "Fees & charges – 2024")
        #expect(XMPMetadata("<x:xmpmeta/>").pdfaPart == nil)
    }
}
