import Foundation
public import QuireModel

/// Formats a date by the layout's pattern: `{d}`, `{do}` (19th; Welsh 19eg), `{dd}`, `{MMMM}`,
/// `{MM}`, `{yyyy}`, in the words of `language` (`cy`: Welsh month names; otherwise English).
/// `{MMMM:cy}` and `{do:en}` name their language, so one bilingual pattern ("{d} {MMMM:en}
/// {yyyy} / {d} {MMMM:cy} {yyyy}") prints both whatever the paper's. Fixed tables
/// (`DateWords`): output must not depend on the machine's locale.
public func formatDate(_ date: CalendarDate, _ pattern: String, language: String = "en-GB") -> String {
    var text = pattern
    // Tokens that name their language first, then the paper's. Only a pattern with a ':' can
    // name one; most have none and skip the regular expression (and ICU's compiling of it).
    while text.contains(":"), let range = text.range(of: #"\{(MMMM|do):([A-Za-z-]+)\}"#, options: .regularExpression) {
        let token = text[range].dropFirst().dropLast().split(separator: ":")
        let words = DateWords.forLanguage(String(token[1]))
        text.replaceSubrange(range, with: token[0] == "MMMM" ? words.months[date.month - 1] : words.ordinal(date.day))
    }
    let words = DateWords.forLanguage(language)
    let day = String(date.day)
    return text
        .replacingOccurrences(of: "{do}", with: words.ordinal(date.day))
        .replacingOccurrences(of: "{dd}", with: date.day < 10 ? "0" + day : day)
        .replacingOccurrences(of: "{d}", with: day)
        .replacingOccurrences(of: "{MMMM}", with: words.months[date.month - 1])
        .replacingOccurrences(of: "{MM}", with: date.month < 10 ? "0\(date.month)" : "\(date.month)")
        .replacingOccurrences(of: "{yyyy}", with: String(date.year))
}
