package import Foundation
public import QuireModel

/// A text export (`pdftotext -layout`, form feeds between pages; or any plain text) as the
/// import document: its characters' columns as page geometry (`readTextExport`), read by the
/// same passes as a PDF's (`readPages`).
public func readTextDocument(_ text: String, file: String) -> ImportDocument {
    readPages(readTextExport(text), file: file)
}

/// The bytes of a text export as text: UTF-8 without NUL or other control bytes (a binary
/// file can happen to be valid UTF-8), a byte-order mark dropped, form feeds (page breaks)
/// kept. Names the first bad line; a Word document or other office file says what it is.
package func decodeTextExport(_ data: Data, file: String) throws(QuireError) -> String {
    let bytes = [UInt8](data)
    if let kind = officeFileKind(bytes) {
        throw QuireError(.encoding, at: SourceLocation(file: file, line: 1), "the file is \(kind), not a text export or a PDF",
                         hint: "save the paper as PDF (or export its text with `pdftotext -layout`) and import that")
    }
    // Tab, line feed, form feed and carriage return are text.
    let isControl: (UInt8) -> Bool = { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) || $0 == 0x7F }
    var line = 1
    var lineStart = 0
    for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
        let slice = bytes[lineStart..<index]
        if String(validating: slice, as: UTF8.self) == nil || slice.contains(where: isControl) {
            throw QuireError(.encoding, at: SourceLocation(file: file, line: line), "the file is neither UTF-8 text nor a PDF",
                             hint: "import a plain-text export saved as UTF-8, or the paper's PDF")
        }
        line += 1
        lineStart = index + 1
    }
    let text = String(decoding: data, as: UTF8.self)
    return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
}

/// What kind of office document a ZIP file is ("a Word document (.docx)"), or nil for any
/// other bytes. A ZIP's entry names are in the clear: in each entry's header and in the
/// directory at its end.
private func officeFileKind(_ bytes: [UInt8]) -> String? {
    guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return nil }
    let head = String(decoding: bytes.prefix(64 * 1024) + bytes.suffix(64 * 1024), as: UTF8.self)
    if head.contains("word/") { return "a Word document (.docx)" }
    if head.contains("application/vnd.oasis.opendocument.text") { return "an OpenDocument text (.odt)" }
    if head.contains("xl/") { return "an Excel workbook (.xlsx)" }
    if head.contains("ppt/") { return "a PowerPoint file (.pptx)" }
    return "a ZIP archive"
}
