public import Foundation
public import QuireModel

/// Source text → `Paper`. Throws one `QuireError` naming file, line and field for the first
/// problem found, so the author can fix it and run again.
public func parsePaper(data: Data, file: String) throws(QuireError) -> Paper {
    let text = try decodeUTF8(data, file: file)
    let split = try splitFrontMatter(text, file: file)
    var frontMatter = try parseFrontMatter(String(split.yaml), file: file, firstLine: split.yamlLine)
    if frontMatter.lines.isEmpty { frontMatter.lines["---"] = 1 }
    guard split.body.contains(where: { !$0.isWhitespace }) else {
        throw QuireError(
            // The closing '---' when nothing follows it: the line after would not exist.
            .emptyBody, at: SourceLocation(file: file, line: min(split.bodyLine, max(1, text.split(separator: "\n", omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0)))),
            "the paper has no body text",
            hint: "write the report below the closing '---' of the front matter, starting with a '# Introduction' section")
    }
    let body = try parseBody(String(split.body), file: file, firstLine: split.bodyLine)
    return Paper(frontMatter: frontMatter, body: body, file: file, bodyLine: split.bodyLine)
}

/// Checks the bytes are UTF-8 and points at the first line that is not.
func decodeUTF8(_ data: Data, file: String) throws(QuireError) -> String {
    if let text = String(validating: data, as: UTF8.self) {
        // A UTF-8 byte-order mark is legal but would end up in the first field name.
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
    // Name the first line that does not decode, so the author can find the stray byte.
    let bytes = [UInt8](data)
    var line = 1
    var lineStart = 0
    for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
        if String(validating: bytes[lineStart..<index], as: UTF8.self) == nil { break }
        line += 1
        lineStart = index + 1
    }
    throw QuireError(
        .encoding, at: SourceLocation(file: file, line: line), "the file is not valid UTF-8 text",
        hint: "save the file as UTF-8 (in most editors: Save As → Encoding: UTF-8); Windows-1252 quotes and dashes are the usual cause")
}
