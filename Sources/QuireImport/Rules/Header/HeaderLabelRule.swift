import Foundation
import QuireModel

/// A header label, read: the field its row goes to (through the registry's synonyms,
/// `FrontMatterField.forLabel`, and nowhere else), or `fields:` under the label as written.
///
/// Shapes: "Subject:", "REPORT TO:", "Ward(s):", "Recommendation\t:", "Purpose of Report"
/// (a registry label needs no colon), "Cabinet portfolio:" (any other label needs one and
/// must look like a label: a capital first, at most six words, no figures), "То:" with
/// Cyrillic letters (read as Latin, with a warning).
struct HeaderLabel: Hashable {
    /// The registry field, or nil for a row of `fields:`.
    var field: FrontMatterField?
    /// The label as read, without its colon, look-alike letters made Latin, spaces tidied.
    var label: String
    /// Whether the label had a colon (or tab) after it.
    var hadColon: Bool
    /// Look-alike letters read as Latin.
    var lookalikes: [Character]

    /// Whether the row is `from:` rather than `by:`.
    var isFrom: Bool { field == .by && FrontMatterField.normalisedLabel(label) == "from" }

    /// Reads `text` (the whole label, colon included if written) as a label, or nil.
    /// `colonOptional`: in a label column (a grid's first column) any label-shaped text is a
    /// label, colon or not.
    init?(_ text: String, colonOptional: Bool = false) {
        var written = tidiedText(text.replacingOccurrences(of: "\t", with: " "))
        hadColon = false
        while let last = written.last, last == ":" || last == " " {
            if last == ":" { hadColon = true }
            written.removeLast()
        }
        guard !written.isEmpty, !written.contains(":") else { return nil }
        let (latin, replaced) = normaliseHomoglyphs(written)
        label = latin
        lookalikes = replaced
        // A question is a label as a colon is ("Is the decision eligible for call-in?").
        if latin.hasSuffix("?") { hadColon = true }
        // A bilingual label reads by either language: "Date / Dyddiad", "Wards Affected /
        // Wardiau dan Sylw".
        let sides = [latin] + latin.split(separator: "/").map { tidiedText(String($0)) }.filter { !$0.isEmpty }
        if let known = sides.lazy.compactMap(FrontMatterField.forLabel).first, known.isHeaderRow || [.backgroundDocuments, .contact].contains(known) {
            field = known
            return
        }
        field = nil
        let words = latin.split(separator: " ")
        guard hadColon || colonOptional, let first = latin.first, first.isUppercase, (1...6).contains(words.count), latin.count <= 60,
              latin.allSatisfy({ $0.isLetter || " '’&-/().,?".contains($0) }) else { return nil }
        // A clause is no label: "Cabinet is asked to:", "The Committee will:".
        // A question ("Is the decision eligible for call-in?") is a label whatever its words.
        let isQuestion = latin.hasSuffix("?")
        let verbs: Set<String> = ["is", "are", "was", "were", "will", "be", "asked", "has", "have", "may", "should", "must", "can", "would", "agrees", "notes", "resolved"]
        guard isQuestion || !words.contains(where: { verbs.contains($0.lowercased()) }) else { return nil }
        // Five or six words read as a label only in title case or capitals ("Reason For The
        // Decision", "KEY DECISION REFERENCE"), not as a clause ("With regard to the question").
        if words.count > 4, !isQuestion {
            let significant = words.filter { !["of", "for", "the", "and", "to", "a", "an", "in", "on", "or", "by"].contains($0.lowercased()) }
            guard significant.allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
        }
    }
}

/// Where a run-in label ends in a paragraph's text: "Subject: Tree planting" → the label
/// "Subject" and the offset of "Tree". The label may be followed by a colon, or by a tab
/// (old exports: "Date\t4 October 2013", "Recommendation\t: …"). A colon inside a time or a
/// web address is not a label's.
func runInLabel(_ text: String) -> (label: HeaderLabel, valueOffset: Int)? {
    let characters = Array(text)
    // The label ends at the first colon, or at a tab that comes before any colon.
    guard let end = characters.firstIndex(where: { $0 == ":" || $0 == "\t" }), end > 0, end <= 80 else { return nil }
    var stop = end
    if characters[end] == "\t" {
        // "Recommendation\t: …": a colon after the tab belongs to the label.
        var next = end
        while next < characters.count, characters[next] == "\t" || characters[next] == " " { next += 1 }
        if next < characters.count, characters[next] == ":" { stop = next }
    }
    // "10:00", "https://".
    if characters[stop] == ":", stop + 1 < characters.count, characters[stop + 1] == "/" || characters[stop + 1].isNumber,
       stop > 0, characters[stop - 1].isNumber || ["http", "https"].contains(where: String(characters[max(0, stop - 5)..<stop]).lowercased().hasSuffix) { return nil }
    guard var label = HeaderLabel(String(characters[...stop])) else { return nil }
    // A tab alone separates only a label the registry knows.
    if characters[stop] == "\t", label.field == nil { return nil }
    label.hadColon = label.hadColon || characters[stop] == "\t"
    var offset = stop + 1
    while offset < characters.count, characters[offset].isWhitespace { offset += 1 }
    return (label, offset)
}

/// A label written without a colon and followed by a run of spaces ("Date      4 June
/// 2025", a text export's two columns): only registry labels, so running text is never
/// taken for one.
func spacedLabel(_ text: String) -> (label: HeaderLabel, valueOffset: Int)? {
    guard let gap = text.range(of: #"\S\s{3,}\S"#, options: .regularExpression) else { return nil }
    let labelEnd = text.index(after: gap.lowerBound)
    guard let label = HeaderLabel(String(text[..<labelEnd])), label.field != nil else { return nil }
    let valueStart = text.index(before: gap.upperBound)
    return (label, text.distance(from: text.startIndex, to: valueStart))
}

/// A label run into its value without a colon, in the two forms councils print so:
/// a by-line "Report of the Director of Education" (the by row) and "Agenda Item No. 9".
/// Nil for anything else: running text never has a label without a colon otherwise.
func runInLabelWithoutColon(_ text: String) -> (label: HeaderLabel, valueOffset: Int)? {
    let tidied = tidiedText(text)
    guard tidied == text.trimmingCharacters(in: .whitespaces) || !text.contains("  ") else { return nil }
    if let g = matchGroups(#"^((?i:agenda\s+item(?:\s+(?:no\.?|number))?|item\s+(?:no\.?|number)))\s*[:.]?\s+(\S{1,8})$"#, tidied),
       let label = HeaderLabel(g[0], colonOptional: true) {
        return (label, tidied.count - g[1].count)
    }
    if let g = matchGroups(#"^((?i:report\s+(?:of|by|from))(?:\s+the)?)\s+(\p{Lu}.*)$"#, tidied), !g[1].contains(":"),
       g[1].split(separator: " ").count <= 12, !tidied.hasSuffix("."), let label = HeaderLabel(g[0]) ?? HeaderLabel(String(g[0].split(separator: " ").prefix(2).joined(separator: " "))),
       label.field == .by {
        return (label, tidied.count - g[1].count)
    }
    return nil
}
