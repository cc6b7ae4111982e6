import Foundation
import QuireTestSupport
import Testing

@testable import QuirePDF

/// Every filter a reader would undo is measured before the PDF is opened, not Flate alone:
/// LZW, run-length and ASCII85 bombs, and a Flate bomb wrapped in ASCII85, are refused at
/// the stream bound; ordinary streams in those filters pass, measured to the byte that
/// qpdf (through pikepdf) decodes them to.
@Suite("Decode bounds for every filter")
struct DecodeBoundsTests {
    @Test("LZW, run-length and ASCII85 bombs, and Flate inside ASCII85, are refused at the 8 MiB stream bound")
    func bombs() throws {
        let lzw = lzwRepeating(0x20, count: 100_000_000)
        #expect(lzw.count < 120_000)
        var runs = Data()
        for _ in 0..<80_000 { runs += Data([129, 0x20]) }  // 128 spaces per two bytes: 10 MB
        let zeros = Data(repeating: UInt8(ascii: "z"), count: 2_500_000)  // 4 zero bytes a character
        let flate = deflatedRepeating(Array("0 0 1 1 re f\n".utf8), count: 100_000_000)
        let cases: [(String, Data)] = [
            ("/LZWDecode", lzw), ("/RunLengthDecode", runs), ("/ASCII85Decode", zeros + Data("~>".utf8)),
            ("[/ASCII85Decode /FlateDecode]", ascii85(flate)), ("[/AHx /Fl]", Data(flate.map { String(format: "%02x", $0) }.joined().utf8) + Data(">".utf8)),
        ]
        for (filters, data) in cases {
            let problem = checkDecodeBounds(filteredContentPDF(data, filters: filters))
            #expect(problem == .streamTooLarge(object: 4, limit: 8 << 20), "\(filters): \(String(describing: problem))")
        }
    }

    @Test("ordinary LZW and ASCII85 streams pass, measured to the byte qpdf decodes them to")
    func ordinaryStreamsMeasureExactly() throws {
        let lzw = lzwRepeating(0x20, count: 1_000_003)
        let pdf = filteredContentPDF(lzw, filters: "/LZWDecode")
        #expect(checkDecodeBounds(pdf) == nil)
        let measured = lzw.withUnsafeBytes { decodedSize($0.bindMemory(to: UInt8.self), filters: ["LZWDecode"], limit: 8 << 20, keep: false) { true } }
        #expect(measured?.size == 1_000_003)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("quire-lzw-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let qpdf = try run("python3", ["-c", "import pikepdf, sys; p = pikepdf.open(sys.argv[1]); print(len(p.pages[0].Contents.read_bytes()))", file.path])
        #expect(qpdf.out.trimmingCharacters(in: .whitespacesAndNewlines) == "1000003", "\(qpdf.err)")
        let text = Data("BT /F1 12 Tf (Hello) Tj ET".utf8)
        let a85 = ascii85(text)
        let size = a85.withUnsafeBytes { decodedSize($0.bindMemory(to: UInt8.self), filters: ["ASCII85Decode"], limit: 8 << 20, keep: true) { true } }
        #expect(size?.kept == Array(text))
    }

    @Test("the filters are read from a dictionary, names and arrays, abbreviations spelled out")
    func names() {
        #expect(filterNames(in: "<< /Length 5 /Filter /FlateDecode >>") == ["FlateDecode"])
        #expect(filterNames(in: "<</Filter[/A85/Fl]/Length 5>>") == ["ASCII85Decode", "FlateDecode"])
        #expect(filterNames(in: "<< /Length 5 >>").isEmpty)
    }
}

/// ASCII85 as PDF writes it, "~>" at the end.
private func ascii85(_ data: Data) -> Data {
    var out = Data()
    let bytes = [UInt8](data)
    var index = 0
    while index < bytes.count {
        let chunk = Array(bytes[index..<min(index + 4, bytes.count)])
        var value: UInt32 = 0
        for i in 0..<4 { value = value << 8 | UInt32(i < chunk.count ? chunk[i] : 0) }
        if value == 0, chunk.count == 4 {
            out.append(UInt8(ascii: "z"))
        } else {
            var digits = [UInt8](repeating: 0, count: 5)
            for i in (0..<5).reversed() { digits[i] = UInt8(value % 85) + 0x21; value /= 85 }
            out += digits.prefix(chunk.count + 1)
        }
        index += 4
    }
    return out + Data("~>".utf8)
}
