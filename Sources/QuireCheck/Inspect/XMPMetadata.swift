import Foundation

/// The few XMP properties the checks read, found by pattern rather than a full RDF parse:
/// producers write simple properties either as attributes (`pdfaid:part="2"`) or as
/// elements (`<pdfaid:part>2</pdfaid:part>`), and dc:title as an rdf:Alt of rdf:li.
struct XMPMetadata {
    var pdfaPart: String?
    var pdfaConformance: String?
    var title: String?
    /// The PDF/UA identification, and whether a PDF/A extension schema describes it (which
    /// PDF/A asks of every property outside its predefined schemas).
    var pdfuaPart: String?
    var describesPDFUA = false

    /// The catalog's /Metadata stream, if it has one.
    init?(catalog: PDFObject) {
        guard let stream = catalog["Metadata"], stream.isStream, let bytes = stream.streamData else { return nil }
        // Packets are kilobytes; a hostile megabyte-scale one is cut rather than pattern-searched.
        self.init(String(decoding: bytes.prefix(1 << 20), as: UTF8.self))
    }

    init(_ xml: String) {
        pdfaPart = Self.simpleProperty("pdfaid:part", in: xml)
        pdfaConformance = Self.simpleProperty("pdfaid:conformance", in: xml)
        pdfuaPart = Self.simpleProperty("pdfuaid:part", in: xml)
        describesPDFUA = Self.capture(#"<pdfaSchema:namespaceURI>\s*(http://www\.aiim\.org/pdfua/ns/id/)\s*</pdfaSchema:namespaceURI>"#, in: xml) != nil
        if let titleElement = Self.capture(#"<dc:title\b[^>]*>(.*?)</dc:title>"#, in: xml) {
            let item = Self.capture(#"<rdf:li\b[^>]*>(.*?)</rdf:li>"#, in: titleElement) ?? titleElement
            let text = Self.decodingEntities(item).trimmingCharacters(in: .whitespacesAndNewlines)
            title = text.isEmpty ? nil : text
        }
    }

    private static func simpleProperty(_ name: String, in xml: String) -> String? {
        let value = capture(name + #"\s*=\s*"([^"]*)""#, in: xml)
            ?? capture(name + #"\s*=\s*'([^']*)'"#, in: xml)
            ?? capture("<" + name + #"\b[^>]*>([^<]*)</"# + name + ">", in: xml)
        return value.map { decodingEntities($0).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The first capture group of the first match (dot matches newlines).
    private static func capture(_ pattern: String, in text: String) -> String? {
        guard let regex = try? Regex("(?s)" + pattern), let match = try? regex.firstMatch(in: text),
              match.output.count > 1, let group = match.output[1].substring else { return nil }
        return String(group)
    }

    /// XML's five named entities and numeric character references.
    static func decodingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = rest[rest.index(after: amp)..<semicolon]
            if let replacement = entityText(entity) { out += replacement } else { out += rest[amp...semicolon] }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    private static func entityText(_ entity: Substring) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
            guard entity.hasPrefix("#"), let value = UInt32(entity.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10),
                  let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
    }
}
