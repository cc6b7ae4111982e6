public import QuireModel

/// Formats a date by the layout's pattern: `{d}`, `{do}` (19th; Welsh 19eg), `{dd}`, `{MMMM}`,
/// `{MM}`, `{yyyy}`, in the words of `language` (`cy`: Welsh month names; otherwise English).
/// `{MMMM:cy}` and `{do:en}` name their language, so one bilingual pattern ("{d} {MMMM:en}
/// {yyyy} / {d} {MMMM:cy} {yyyy}") prints both whatever the paper's. Fixed tables
/// (`DateWords`): output must not depend on the machine's locale.
public func formatDate(_ date: CalendarDate, _ pattern: String, language: String = "en-GB") -> String {
    let paper = DateWords.forLanguage(language)
    let day = String(date.day)
    return fillPlaceholders(pattern) { name in
        // A token that names its language ("{MMMM:cy}", "{do:en}") uses that one's words.
        let parts = name.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard ["MMMM", "do"].contains(parts[0]), !parts[1].isEmpty,
                  parts[1].allSatisfy({ $0 == "-" || ($0.isASCII && $0.isLetter) }) else { return nil }
            let words = DateWords.forLanguage(String(parts[1]))
            return parts[0] == "MMMM" ? words.months[date.month - 1] : words.ordinal(date.day)
        }
        switch name {
        case "do": return paper.ordinal(date.day)
        case "dd": return date.day < 10 ? "0" + day : day
        case "d": return day
        case "MMMM": return paper.months[date.month - 1]
        case "MM": return date.month < 10 ? "0\(date.month)" : "\(date.month)"
        case "yyyy": return String(date.year)
        default: return nil
        }
    }
}
