import Foundation
import QuireModel

/// Cross-references moved with their paragraphs: where the output prints a paragraph under
/// another number than the source did, a reference to it is rewritten to the printed one.
///
/// Shapes: "paragraph 2.3", "para 12", "paras. 4 and 5", "paragraphs 4 to 6", "paragraphs
/// 2.1–2.4", "paragraph 2(11)", "paragraph (11)" (a paragraph of the same section). A
/// reference to a number the source gave two paragraphs cannot be moved: it is left as
/// written, with a warning. A number no paragraph had (a paragraph of another document) is
/// left alone.
func rewriteReferences(_ inlines: [Inline], map: Renumbering, section: String?, place: SourcePlace, notes: inout Notes) -> [Inline] {
    guard map.changes || !map.ambiguous.isEmpty else { return inlines }
    return inlines.map { inline in
        switch inline {
        case .text(let text): .text(rewriteReferences(in: text, map: map, section: section, place: place, notes: &notes))
        case .emphasis(let inner): .emphasis(rewriteReferences(inner, map: map, section: section, place: place, notes: &notes))
        case .strong(let inner): .strong(rewriteReferences(inner, map: map, section: section, place: place, notes: &notes))
        case .link(let url, let inner): .link(url: url, rewriteReferences(inner, map: map, section: section, place: place, notes: &notes))
        default: inline
        }
    }
}

private let referencePattern = try! NSRegularExpression(
    pattern: #"\b(?:[Pp]aragraphs?|[Pp]aras?\.?)\s+((?:\d{1,3}(?:\.\d{1,3})*(?:\(\d{1,3}\))?|\(\d{1,3}\))(?:\s*(?:,|and|to|or|&|–|-)\s*(?:\d{1,3}(?:\.\d{1,3})*(?:\(\d{1,3}\))?|\(\d{1,3}\)))*)"#)
private let numberPattern = try! NSRegularExpression(pattern: #"\d{1,3}(?:\.\d{1,3})*(?:\(\d{1,3}\))?|\(\d{1,3}\)"#)

private func rewriteReferences(in text: String, map: Renumbering, section: String?, place: SourcePlace, notes: inout Notes) -> String {
    let whole = NSRange(text.startIndex..., in: text)
    var out = text
    // Right to left, so earlier ranges stay valid.
    for match in referencePattern.matches(in: text, range: whole).reversed() {
        let numbersRange = match.range(at: 1)
        for number in numberPattern.matches(in: text, range: numbersRange).reversed() {
            guard let range = Range(number.range, in: text) else { continue }
            let written = String(text[range])
            let key = written.hasPrefix("(") ? section.map { $0 + written } ?? written : written
            if map.ambiguous.contains(key) {
                notes.warn(place, "cannot tell which paragraph 'paragraph \(written)' means (the source gave two paragraphs that number); left as written")
                continue
            }
            guard let printed = map.printed[key], printed != key, let outRange = Range(number.range, in: out) else { continue }
            // "(11)" names its own section's paragraph: keep the form.
            var replacement = printed
            if written.hasPrefix("("), let open = printed.firstIndex(of: "(") { replacement = String(printed[open...]) }
            out.replaceSubrange(outRange, with: replacement)
            notes.replace(written, with: replacement, at: place, .reference)
            notes.warn(place, "the reference 'paragraph \(written)' now reads 'paragraph \(replacement)', the number the output prints for that paragraph")
        }
    }
    return out
}
