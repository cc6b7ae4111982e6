import Foundation
import QuireModel

/// A bold run-in heading opening a paragraph, written as the contract says: the paragraph's
/// first inline is bold text ending in ":" (or "."), so `**Background:** The council …`.
///
/// Shapes the readers give, all made that one form:
/// ```
/// **Background:** The council …      already so
/// **Background**: The council …      the colon outside the bold: moved in
/// **Background: **The council …      the space inside the bold: moved out (by tidying)
/// ```
/// A paragraph bold throughout is left as it is (it is bold text, or a heading).
func normaliseRunInHeading(_ inlines: [Inline]) -> [Inline] {
    guard inlines.count >= 2, case .strong(let lead) = inlines[0], !inlines.isAllStrong,
          case .text(let next) = inlines[1] else { return inlines }
    let leadText = lead.plainText.trimmingCharacters(in: .whitespaces)
    guard !leadText.isEmpty, !leadText.hasSuffix(":"), !leadText.hasSuffix("."),
          let first = next.first, first == ":" || first == "." else { return inlines }
    var out = inlines
    out[0] = .strong(lead.tidied + [.text(String(first))])
    let rest = String(next.dropFirst())
    out[1] = .text(rest.first?.isWhitespace == false ? " " + rest : rest)
    return out.withoutEmptySpans
}
