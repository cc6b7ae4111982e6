public import Foundation
public import QuireModel

/// A source file's bytes as text, the same whichever editor saved them: checked to be UTF-8
/// (the first line that is not is named), a byte-order mark dropped, and Windows (CRLF) and
/// old Mac (CR) line endings made LF. Every reader of a source, manifest, data or layout file
/// starts here, so a file saved on Windows reads as it would on Linux, with the same line
/// numbers (one CRLF is one line).
public func decodeUTF8(_ data: Data, file: String) throws(QuireError) -> String {
    if let text = String(validating: data, as: UTF8.self) {
        // A UTF-8 byte-order mark is legal but would end up in the first field name.
        return normalizingLineEndings(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
    }
    // Name the first line that does not decode, so the author can find the stray byte.
    // Line ends as `normalizingLineEndings` counts them: LF, CR, or CRLF (one line).
    let bytes = [UInt8](data)
    var line = 1
    var lineStart = 0
    for index in 0...bytes.count {
        let isEnd = index == bytes.count || bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A))
        guard isEnd else { continue }
        let content = bytes[lineStart..<index].last == 0x0D ? bytes[lineStart..<(index - 1)] : bytes[lineStart..<index]
        if String(validating: content, as: UTF8.self) == nil { break }
        line += 1
        lineStart = index + 1
    }
    throw QuireError(
        .encoding, at: SourceLocation(file: file, line: line), "the file is not valid UTF-8 text",
        hint: "save the file as UTF-8 (in most editors: Save As → Encoding: UTF-8); Windows-1252 quotes and dashes are the usual cause")
}

/// CRLF and lone CR → LF. Swift treats "\r\n" as one Character, so code looking for "\n"
/// never finds it in a CRLF file; YAML, CommonMark and CSV all count either as a line end.
func normalizingLineEndings(_ text: String) -> String {
    guard text.utf8.contains(0x0D) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var previousWasCR = false
    for byte in text.utf8 {
        if byte == 0x0A, previousWasCR {
            previousWasCR = false
            continue  // the LF of a CRLF, already written as the CR's LF
        }
        previousWasCR = byte == 0x0D
        out.append(previousWasCR ? 0x0A : byte)
    }
    return String(decoding: out, as: UTF8.self)
}
