public import Foundation

/// Hand-written PDFs for the inspector tests: numbered objects in plain PDF syntax, streams
/// with their /Length, and an exact cross-reference table, so libqpdf reads them without
/// repair (the malformed-file tests break them on purpose).
public struct MiniPDF {
    private var objects: [Int: [UInt8]] = [:]
    public var trailer = "/Root 1 0 R"

    public init() {}

    public mutating func object(_ number: Int, _ body: String) {
        objects[number] = Array(body.utf8)
    }

    public mutating func stream(_ number: Int, _ dictionary: String = "", _ content: String) {
        let bytes = Array(content.utf8)
        objects[number] = Array("<< \(dictionary) /Length \(bytes.count) >>\nstream\n".utf8) + bytes + Array("\nendstream".utf8)
    }

    public var bytes: [UInt8] {
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

    /// Runs `body` with the path of the file (or of `bytes`) in a fresh temporary folder.
    public func withFile<T>(_ bytes: [UInt8]? = nil, _ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-pdf-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("test.pdf")
        try Data(bytes ?? self.bytes).write(to: url)
        return try body(url.path)
    }
}
