import Foundation
import QuireModel

/// Where a header row goes in Quire's front matter.
enum HeaderKey: Equatable {
    /// A field of the registry; `from` when the label was "From" (the row keeps that label).
    case known(FrontMatterField, from: Bool)
    /// Any other label: a row of `fields:`, under the label as written.
    case field(String)

    /// Rows whose value may run on after a blank line (a page break inside a long value);
    /// short ones end at a blank line, so a paper without numbered sections keeps its body.
    var mayRunOn: Bool {
        switch self {
        case .known(let field, _): [.subject, .summary, .recommendation].contains(field)
        case .field: true
        }
    }
}

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
    if let field = FrontMatterField.forLabel(label), field.isHeaderRow {
        let from = FrontMatterField.normalisedLabel(label) == "from"
        return HeaderLabel(key: .known(field, from: from), written: written, value: value, lookalikes: lookalikes, label: label)
    }
    let words = label.split(separator: " ")
    guard separator.contains(":"), let first = label.first, first.isUppercase, (1...4).contains(words.count),
          label.allSatisfy({ $0.isLetter || " '’&-/().".contains($0) }) else { return nil }
    return HeaderLabel(key: .field(label), written: written, value: value, lookalikes: lookalikes, label: label)
}
