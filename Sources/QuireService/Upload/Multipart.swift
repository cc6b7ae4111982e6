import Foundation

/// One part of a `multipart/form-data` body (RFC 7578).
struct FormPart {
    var name: String
    var filename: String?
    var body: Data
}

/// Splits a `multipart/form-data` body into its parts. Bounded: at most `maxParts` parts and
/// 16 KB of headers per part; anything malformed is a `Problem` (400) saying what is wrong.
func parseMultipart(_ body: Data, boundary: String, maxParts: Int = 2000) throws(Problem) -> [FormPart] {
    let bytes = [UInt8](body)
    let opening = Array("--\(boundary)".utf8)
    let delimiter = Array("\r\n--\(boundary)".utf8)
    guard let start = bytes.firstRange(of: opening) else {
        throw .badRequest("the multipart body has no part starting with its boundary '\(boundary)'",
                          hint: "send the form as multipart/form-data, e.g. curl -F paper=@paper.md")
    }
    var cursor = start.upperBound
    var parts: [FormPart] = []
    while true {
        // After a boundary: "--" ends the body, CRLF starts a part.
        if bytes[cursor...].starts(with: Array("--".utf8)) { return parts }
        guard bytes[cursor...].starts(with: [13, 10]) else { throw .badRequest("a multipart boundary is not followed by a line break") }
        cursor += 2
        guard parts.count < maxParts else { throw .badRequest("the form has more than \(maxParts) parts") }
        let window = bytes[cursor..<min(bytes.count, cursor + 16_384)]
        guard let headerEnd = window.firstRange(of: Array("\r\n\r\n".utf8)) else {
            throw .badRequest("a multipart part's headers do not end (or are over 16 KB)")
        }
        let headers = String(decoding: bytes[cursor..<headerEnd.lowerBound], as: UTF8.self)
        guard let next = bytes[headerEnd.upperBound...].firstRange(of: delimiter) else {
            throw .badRequest("the multipart body ends inside a part", hint: "the body may have been cut short; send it again")
        }
        parts.append(try formPart(headers: headers, body: Data(bytes[headerEnd.upperBound..<next.lowerBound])))
        cursor = next.upperBound
    }
}

/// The field name and file name from a part's Content-Disposition header.
private func formPart(headers: String, body: Data) throws(Problem) -> FormPart {
    for line in headers.split(separator: "\r\n") {
        let pieces = line.split(separator: ":", maxSplits: 1)
        guard pieces.count == 2, pieces[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
        let parameters = dispositionParameters(String(pieces[1]))
        guard let name = parameters["name"] else { break }
        return FormPart(name: name, filename: parameters["filename"], body: body)
    }
    throw .badRequest("a multipart part has no Content-Disposition with a name", hint: "every part needs a form-field name")
}

/// `form-data; name="paper"; filename="a.md"` → ["name": "paper", "filename": "a.md"].
private func dispositionParameters(_ value: String) -> [String: String] {
    var result: [String: String] = [:]
    var rest = Substring(value)
    while let semicolon = rest.firstIndex(of: ";") {
        rest = rest[rest.index(after: semicolon)...].drop { $0 == " " }
        guard let equals = rest.firstIndex(of: "=") else { break }
        let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
        rest = rest[rest.index(after: equals)...]
        var text = ""
        if rest.first == "\"" {
            var index = rest.index(after: rest.startIndex)
            while index < rest.endIndex, rest[index] != "\"" {
                if rest[index] == "\\", rest.index(after: index) < rest.endIndex { index = rest.index(after: index) }
                text.append(rest[index])
                index = rest.index(after: index)
            }
            rest = index < rest.endIndex ? rest[rest.index(after: index)...] : ""
        } else {
            let end = rest.firstIndex(of: ";") ?? rest.endIndex
            text = rest[..<end].trimmingCharacters(in: .whitespaces)
            rest = rest[end...]
        }
        result[key] = text
    }
    return result
}

/// The boundary parameter of a `multipart/form-data` content type.
func multipartBoundary(_ contentType: String) -> String? {
    guard let range = contentType.range(of: "boundary=", options: .caseInsensitive) else { return nil }
    var value = contentType[range.upperBound...].prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
    if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
    return value.isEmpty || value.count > 70 ? nil : value
}
