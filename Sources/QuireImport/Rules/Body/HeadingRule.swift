import Foundation
import QuireModel

/// Whether the source shows type (sizes, weights, styles): a PDF or a Word document does, a
/// text export does not. With type, headings are found by size and weight; without, by
/// isolation and case.
struct TypeEvidence {
    var hasType: Bool

    init(_ document: ImportDocument) {
        hasType = document.allParagraphs.contains { p in
            p.headingLevel != nil || p.isBold || p.isItalic || abs(p.sizeRatio - 1) > 0.05 || p.styleName != nil
                || p.inlines.contains { if case .strong = $0 { true } else if case .emphasis = $0 { true } else { false } }
        }
    }

    init(hasType: Bool) { self.hasType = hasType }
}

extension ImportDocument {
    /// Every paragraph, those inside table cells too.
    var allParagraphs: [ImportParagraph] {
        blocks.flatMap { block -> [ImportParagraph] in
            switch block {
            case .paragraph(let p): [p]
            case .table(let t): t.rows.flatMap { $0.flatMap(\.paragraphs) }
            case .image: []
            }
        }
    }
}

/// A heading, as a rule reads one.
///
/// Shapes: a paragraph the source calls a heading (Word's "Heading 2", a tagged H2:
/// `headingLevel`); "1. Introduction" or "2 Background" (a section number, then a short
/// title that does not end a sentence); larger or bold type alone on its line ("Purpose of
/// Report" at 14 pt, or in bold); in a text export, a short capitalised line with blank lines
/// round it ("Background", "Financial Implications").
struct HeadingRead {
    /// The section number printed before it ("1." → [1]), when it had one.
    var number: [Int]?
    /// The source's own heading level, or a rank from size (0 the largest).
    var rank: Int
    /// The Markdown level it is written at (`resolveHeadingLevels`): 1 a section (`#`).
    var level = 1
}

/// Each heading's Markdown level: numbered headings are the sections (`#`) and unnumbered
/// ones under them subheadings (`##`, `###` by rank); without numbered headings, the
/// highest rank found is `#`, the next `##`, any lower `###`.
func resolveHeadingLevels(_ units: [BodyUnit]) -> [BodyUnit] {
    let headings = units.compactMap { if case .heading(_, let h) = $0 { h } else { nil } }
    let numbered = headings.contains { $0.number != nil }
    let ranks = Array(Set(headings.filter { !numbered || $0.number == nil }.map(\.rank))).sorted()
    return units.map { unit in
        guard case .heading(let p, var heading) = unit else { return unit }
        if numbered, heading.number != nil {
            heading.level = 1
        } else {
            let position = ranks.firstIndex(of: heading.rank) ?? 0
            heading.level = min(3, position + (numbered ? 2 : 1))
        }
        return .heading(p, heading)
    }
}

/// The title as a heading's: short, starting with a capital or figure, not ending a
/// sentence or a clause. `allowColon`: a bold "Background:" alone is a heading too.
func isHeadingText(_ text: String, allowColon: Bool = false) -> Bool {
    let trimmed = tidiedText(text)
    guard let first = trimmed.first(where: { !"‘'\"“(".contains($0) }), first.isUppercase || first.isNumber else { return false }
    let words = trimmed.split(separator: " ")
    guard (1...14).contains(words.count), trimmed.count <= 110, let last = trimmed.last else { return false }
    if ".,;".contains(last) { return false }
    if last == ":" && !allowColon { return false }
    // A lone word such as "None" or "N/A" is an answer, not a heading.
    if words.count == 1, ["none", "n/a", "nil", "yes", "no", "all", "tbc"].contains(trimmed.lowercased()) { return false }
    // Contact lines and figures are not titles.
    if trimmed.contains("@") || trimmed.range(of: #"\d{4,}\s*\d{3,}"#, options: .regularExpression) != nil { return false }
    return trimmed.contains(where: \.isLetter)
}

/// Reads a paragraph as a heading, or nil. `bodySize` and `evidence` decide which signs
/// count.
func readHeading(_ p: ImportParagraph, evidence: TypeEvidence) -> HeadingRead? {
    let text = p.text
    let marker = p.marker.flatMap(Marker.init)
    if let level = p.headingLevel ?? styleHeadingLevel(p.styleName) {
        return HeadingRead(number: sectionNumber(marker), rank: max(0, level - 1))
    }
    // "1. Introduction": a section number and a title.
    if let number = sectionNumber(marker), isHeadingText(text) {
        // In a text export a numbered title is a heading when it stands alone; with type,
        // when it is set apart in size or weight, or stands alone.
        if !evidence.hasType || p.isBold || p.sizeRatio > 1.05 || p.isolated || p.inlines.isAllStrong {
            return HeadingRead(number: number, rank: 0)
        }
    }
    guard marker == nil else { return nil }
    if evidence.hasType {
        let bold = p.isBold || p.inlines.isAllStrong
        if p.sizeRatio >= 1.15, isHeadingText(text, allowColon: true) { return HeadingRead(number: nil, rank: p.sizeRatio >= 1.4 ? 0 : 1) }
        if bold, isHeadingText(text, allowColon: true), text.split(separator: " ").count <= 12 { return HeadingRead(number: nil, rank: 2) }
        return nil
    }
    // A text export: a short line alone (blank lines round it, or a block of its own line,
    // as a reader splits a title from the text under it), in title case or capitals.
    guard p.isolated || p.lines.count == 1, p.lines.count <= 2, isHeadingText(text), text.split(separator: " ").count <= 10, readsAsTitle(text) else { return nil }
    return HeadingRead(number: nil, rank: 1)
}

/// "Heading 2" → 2, "Title" → 1.
private func styleHeadingLevel(_ style: String?) -> Int? {
    guard let style = style?.lowercased() else { return nil }
    if style == "title" { return 1 }
    if let g = matchGroups(#"^heading\s*(\d)$"#, style), let level = Int(g[0]) { return level }
    return nil
}

/// The section number a marker gives ("1." or "2" → [2]; "3.1" is a paragraph's).
func sectionNumber(_ marker: Marker?) -> [Int]? {
    switch marker?.form {
    case .number(let n, .period)?: [n]
    case .dotted(let parts)? where parts.count == 1: parts
    default: nil
    }
}

/// Title case ("Purpose of Report"), capitals ("BACKGROUND") or a short phrase in sentence
/// case ("Financial implications"): what a heading in a text export looks like, as against
/// the start of a sentence that happens to stand alone.
func readsAsTitle(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    if text == text.uppercased() { return true }
    let minor: Set<String> = ["of", "for", "the", "and", "to", "a", "an", "in", "on", "or", "by", "with", "from", "at", "&"]
    let significant = words.filter { !minor.contains($0.lowercased()) }
    if significant.allSatisfy({ $0.first?.isUppercase == true || $0.first?.isNumber == true }) { return true }
    return words.count <= 4
}
