import Foundation

/// Where a header row goes in Quire's front matter.
enum HeaderKey: Equatable {
    case by, from, to, date, subject, classification, summary, recommendation
    case decisionNumber, keyDecision, electoralDivisions, pastPathway, futurePathway
    /// Any other label: a row of `fields:`, under the label as written.
    case field(String)

    /// Rows whose value may run on after a blank line (a page break inside a long value);
    /// short ones end at a blank line, so a paper without numbered sections keeps its body.
    var mayRunOn: Bool {
        switch self {
        case .subject, .summary, .recommendation, .field: true
        default: false
        }
    }
}

/// Known labels, lowercased with single spaces and without "(s)" or a final ".".
private let knownLabels: [String: HeaderKey] = [
    "by": .by, "from": .from, "to": .to, "date": .date, "subject": .subject, "classification": .classification,
    "summary": .summary, "recommendation": .recommendation, "recommendations": .recommendation,
    "decision no": .decisionNumber, "decision number": .decisionNumber,
    "key decision": .keyDecision, "electoral division": .electoralDivisions, "electoral divisions": .electoralDivisions,
    "past pathway": .pastPathway, "past pathway of report": .pastPathway, "past pathway of paper": .pastPathway,
    "future pathway": .futurePathway, "future pathway of report": .futurePathway, "future pathway of paper": .futurePathway,
]

/// A "Label: value" line of the header block.
struct HeaderLabel: Equatable {
    var key: HeaderKey
    /// The label and its separator as written ("Recommendation\t: "), which the importer drops.
    var written: String
    var value: String
    /// Look-alike letters read as Latin in the label.
    var lookalikes: [Character]
    /// The label as read ("To").
    var label: String
}

/// Reads a header row: a label, then a colon or a tab (or a tab and then a colon, as in
/// "Recommendation\t: …"), then the value. A known label may be followed by a tab alone; any
/// other needs a colon and must look like a label (a capital, at most four words, no figures),
/// so a wrapped line such as "describes the progress made: …" is not taken for one.
func headerLabel(_ line: String) -> HeaderLabel? {
    guard let g = matchGroups(#"^(\s*([^:\t]+?)[ ]*(\t[\t ]*:?|:)[\t ]*)(.*?)\s*$"#, line) else { return nil }
    let (written, rawLabel, separator, value) = (g[0], g[1], g[2], g[3])
    let (label, lookalikes) = normaliseHomoglyphs(rawLabel)
    let key = label.lowercased().replacingOccurrences(of: "(s)", with: "s")
        .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        .trimmingCharacters(in: CharacterSet(charactersIn: "."))
    if let known = knownLabels[key] {
        return HeaderLabel(key: known, written: written, value: value, lookalikes: lookalikes, label: label)
    }
    let words = label.split(separator: " ")
    guard separator.contains(":"), let first = label.first, first.isUppercase, (1...4).contains(words.count),
          label.allSatisfy({ $0.isLetter || " '’&-/().".contains($0) }) else { return nil }
    return HeaderLabel(key: .field(label), written: written, value: value, lookalikes: lookalikes, label: label)
}
