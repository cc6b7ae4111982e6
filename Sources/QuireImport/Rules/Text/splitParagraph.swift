import Foundation
import QuireModel

/// A paragraph cut before each of the given lines, each part with its own lines, text and
/// place (the line numbers counted on from the paragraph's): how a rule separates header rows
/// a reader left in one block ("Portfolio: …" on the line after a value).
///
/// The cut in the text is found by the line's own words, searched for in order after the
/// previous cut; a line whose words cannot be found (rejoined across a hyphen) is not cut at.
func splitParagraph(_ p: ImportParagraph, atLines cuts: [Int]) -> [ImportParagraph] {
    let text = p.inlines.tidied
    let plain = text.plainText
    var offsets: [(line: Int, offset: Int)] = []
    var searchFrom = plain.startIndex
    for line in cuts.sorted() where line > 0 && line < p.lines.count {
        let wanted = tidiedText(p.lines[line])
        guard !wanted.isEmpty, let found = plain.range(of: wanted, range: searchFrom..<plain.endIndex) else { continue }
        offsets.append((line, plain.distance(from: plain.startIndex, to: found.lowerBound)))
        searchFrom = found.lowerBound
    }
    guard !offsets.isEmpty else { return [p] }
    var parts: [ImportParagraph] = []
    var startLine = 0, startOffset = 0
    for (index, cut) in offsets.enumerated() {
        var part = p
        part.inlines = text.slice(startOffset..<cut.offset).tidied
        part.lines = Array(p.lines[startLine..<cut.line])
        part.place.line = p.place.line + startLine
        if index > 0 { part.marker = nil; part.markerIndent = nil }
        part.isolated = false
        parts.append(part)
        (startLine, startOffset) = (cut.line, cut.offset)
    }
    var last = p
    last.inlines = text.dropping(first: startOffset).tidied
    last.lines = Array(p.lines[startLine...])
    last.place.line = p.place.line + startLine
    last.marker = nil
    last.markerIndent = nil
    last.isolated = false
    parts.append(last)
    return parts
}
