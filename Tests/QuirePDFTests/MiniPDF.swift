import Foundation
import QuirePDF

/// Hand-written PDFs for the inspector tests: numbered objects in plain PDF syntax, streams
/// with their /Length, and an exact cross-reference table, so libqpdf reads them without
/// repair (the malformed-file tests break them on purpose).
struct MiniPDF {
    private var objects: [Int: [UInt8]] = [:]
    var trailer = "/Root 1 0 R"

    mutating func object(_ number: Int, _ body: String) {
        objects[number] = Array(body.utf8)
    }

    mutating func stream(_ number: Int, _ dictionary: String = "", _ content: String) {
        let bytes = Array(content.utf8)
        objects[number] = Array("<< \(dictionary) /Length \(bytes.count) >>\nstream\n".utf8) + bytes + Array("\nendstream".utf8)
    }

    var bytes: [UInt8] {
        var out = Array("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        let last = objects.keys.max() ?? 0
        var offsets = [Int](repeating: -1, count: last + 1)
        for number in objects.keys.sorted() {
            offsets[number] = out.count
            out += Array("\(number) 0 obj\n".utf8) + (objects[number] ?? []) + Array("\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 \(last + 1)\n0000000000 65535 f \n"
        for number in 1...max(1, last) {
            let offset = number < offsets.count ? offsets[number] : -1
            table += offset < 0 ? "0000000000 65535 f \n" : String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n"
        }
        table += "trailer\n<< /Size \(last + 1) \(trailer) >>\nstartxref\n\(xref)\n%%EOF\n"
        return out + Array(table.utf8)
    }

    /// Inspects the file (or `bytes` instead), written to a temporary file removed afterwards.
    func inspect(_ bytes: [UInt8]? = nil, requirePDFA: Bool = false) throws -> AccessibilityReport {
        try withFile(bytes) { try inspectPDF(at: $0, requirePDFA: requirePDFA) }
    }

    /// Runs `body` with the path of the file (or of `bytes`) in a fresh temporary folder.
    func withFile<T>(_ bytes: [UInt8]? = nil, _ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-pdf-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("test.pdf")
        try Data(bytes ?? self.bytes).write(to: url)
        return try body(url.path)
    }
}

/// Text as a hex string in the fixtures' font: lowercase letters are codes 01–1A (so only
/// the /ToUnicode map can read them), "fi" is the ligature code 1F, the rest is ASCII.
func fixtureHex(_ text: String) -> String {
    var codes: [UInt8] = []
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.first {
        if scalar == "f", scalars.dropFirst().first == "i" {
            codes.append(0x1F)
            scalars = scalars.dropFirst(2)
            continue
        }
        let value = UInt8(truncatingIfNeeded: scalar.value)
        codes.append(("a"..."z").contains(scalar) ? value - 0x60 : value)
        scalars = scalars.dropFirst()
    }
    return "<" + codes.map { String(format: "%02X", $0) }.joined() + ">"
}

/// The /ToUnicode map of the fixtures' font (see `fixtureHex`).
let fixtureToUnicode = """
    /CIDInit /ProcSet findresource begin
    12 dict begin
    begincmap
    /CMapName /Fixture-UCS def
    1 begincodespacerange <00> <FF> endcodespacerange
    2 beginbfchar
    <1F> <00660069>
    <20> <0020>
    endbfchar
    1 beginbfrange
    <01> <1A> <0061>
    endbfrange
    endcmap
    CMapName currentdict /CMap defineresource pop
    end end
    """
