import Foundation
import QuireModel

/// A date found in legacy text, with the text it was read from.
struct LegacyDate: Equatable {
    var date: CalendarDate
    var range: Range<String.Index>

    /// `YYYY-MM-DD`.
    var iso: String { date.iso }
}

private let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                      "october", "november", "december"]

/// Finds the first date in `text`: "19th October 2017", "4 th October 2013" (a stray space
/// before the ordinal), "October 19, 2017", "19/10/2017" (day first, as UK papers write it)
/// or "2017-10-19". Month names may be abbreviated ("19 Oct 2017").
func parseLegacyDate(_ text: String) -> LegacyDate? {
    let month = #"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"#
    let forms: [(pattern: String, parts: (day: Int, month: Int, year: Int))] = [
        (#"\b(\d{1,2})\s*(?:st|nd|rd|th)?\s+"# + month + #",?\s+(\d{4})\b"#, (1, 2, 3)),
        (#"\b"# + month + #"\s+(\d{1,2})\s*(?:st|nd|rd|th)?,?\s+(\d{4})\b"#, (2, 1, 3)),
        (#"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b"#, (1, 2, 3)),
        (#"\b(\d{4})-(\d{2})-(\d{2})\b"#, (3, 2, 1)),
    ]
    for form in forms {
        guard let expression = try? NSRegularExpression(pattern: form.pattern, options: .caseInsensitive),
              let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range, in: text) else { continue }
        func group(_ index: Int) -> String { Range(match.range(at: index), in: text).map { String(text[$0]) } ?? "" }
        let monthText = group(form.parts.month).lowercased()
        let monthNumber = Int(monthText) ?? months.firstIndex { $0.hasPrefix(String(monthText.prefix(3))) }.map { $0 + 1 }
        guard let day = Int(group(form.parts.day)), let monthNumber, let year = Int(group(form.parts.year)),
              let date = CalendarDate(validYear: year, month: monthNumber, day: day) else { continue }
        return LegacyDate(date: date, range: range)
    }
    return nil
}
