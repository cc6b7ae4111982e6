/// The words dates are written in, by language: month names (full and short) and the day's
/// ordinal suffix. Fixed tables, never the machine's locale, so output is the same everywhere.
/// Reading accepts both languages; writing uses the paper's.
public struct DateWords: Sendable {
    /// "January" … "December", or "Ionawr" … "Rhagfyr".
    public let months: [String]
    /// Short forms a date may be written with ("Oct", "Hyd").
    public let shortMonths: [[String]]
    private let suffix: @Sendable (Int) -> String

    /// The day with its ordinal: "19th", or "19eg".
    public func ordinal(_ day: Int) -> String { String(day) + suffix(day) }

    public static let english = DateWords(
        months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December"],
        shortMonths: [["jan"], ["feb"], ["mar"], ["apr"], ["may"], ["jun"], ["jul"], ["aug"], ["sep", "sept"], ["oct"], ["nov"], ["dec"]],
        suffix: { day in
            switch (day % 10, day % 100) {
            case (_, 11...13): "th"
            case (1, _): "st"
            case (2, _): "nd"
            case (3, _): "rd"
            default: "th"
            }
        })

    /// Welsh, as Welsh councils date their papers ("19 Hydref 2017"); ordinals as Bangor
    /// University's Welsh language guidance gives them (1af, 2ail, 3ydd, 5ed, 7fed, 11eg, 21ain).
    public static let welsh = DateWords(
        months: ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref",
                 "Tachwedd", "Rhagfyr"],
        shortMonths: [["ion"], ["chwe", "chwef"], ["maw"], ["ebr"], ["mai"], ["meh"], ["gor", "gorff"], ["aws"], ["med"], ["hyd"],
                      ["tach"], ["rhag"]],
        suffix: { day in
            switch day {
            case 1: "af"
            case 2: "ail"
            case 3, 4: "ydd"
            case 5, 6: "ed"
            case 11, 13, 14, 16, 17, 19: "eg"
            case 21...31: "ain"
            default: "fed"
            }
        })

    /// The words for a language tag: Welsh for `cy` (and `cy-GB`), English otherwise.
    public static func forLanguage(_ tag: String) -> DateWords {
        tag.lowercased() == "cy" || tag.lowercased().hasPrefix("cy-") ? .welsh : .english
    }

    /// The month (1–12) a word names, in English or Welsh, full or short, any case, a
    /// closing "." allowed ("Oct.", "Hydref").
    public static func month(named word: String) -> Int? {
        var text = word.lowercased()
        if text.hasSuffix(".") { text.removeLast() }
        for words in [english, welsh] {
            if let index = words.months.firstIndex(where: { $0.lowercased() == text }) { return index + 1 }
            if let index = words.shortMonths.firstIndex(where: { $0.contains(text) }) { return index + 1 }
        }
        return nil
    }
}
