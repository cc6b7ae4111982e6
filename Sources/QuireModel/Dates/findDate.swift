import Foundation

/// A date found inside longer text, and where.
public struct FoundDate: Hashable, Sendable {
    public var date: CalendarDate
    public var range: Range<String.Index>
}

/// Month words as a pattern: English names (abbreviations and longer forms start with three
/// letters) and Welsh names and their short forms.
private let monthPattern: String = {
    let english = #"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"#
    let welsh = (DateWords.welsh.months.map { $0.lowercased() } + DateWords.welsh.shortMonths.flatMap { $0 })
        .sorted { $0.count > $1.count }.joined(separator: "|")
    return "(" + english + "|(?:" + welsh + #")\.?)"#
}()

/// The forms looked for, in order, with the capture group of day, month and year.
private let forms: [(expression: NSRegularExpression, day: Int, month: Int, year: Int)] = [
    (#"\b(\d{1,2})\s*(?:st|nd|rd|th|af|ail|ydd|ed|fed|eg|ain)?\s+"# + monthPattern + #",?\s+(\d{4})\b"#, 1, 2, 3),
    (#"\b"# + monthPattern + #"\s+(\d{1,2})\s*(?:st|nd|rd|th)?,?\s+(\d{4})\b"#, 2, 1, 3),
    (#"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b"#, 1, 2, 3),
    (#"\b(\d{4})-(\d{2})-(\d{2})\b"#, 3, 2, 1),
].map { (try! NSRegularExpression(pattern: $0.0, options: .caseInsensitive), $0.1, $0.2, $0.3) }

/// The first date written inside `text` ("County Council – 19th October 2017", "4 th October
/// 2013" with a stray space, "October 19, 2017", "19/10/2017" day first, "2017-10-19", Welsh
/// "19 Hydref 2017"): what an importer looks for in a legacy header. Only dates that exist are
/// found. `readDate` reads a whole value; both share the month words (`DateWords`).
public func findDate(in text: String) -> FoundDate? {
    for form in forms {
        guard let match = form.expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range, in: text) else { continue }
        func group(_ index: Int) -> String { Range(match.range(at: index), in: text).map { String(text[$0]) } ?? "" }
        let monthText = group(form.month)
        // A long English form ("Octob", "Sept.") names the month its first three letters name.
        let month = Int(monthText) ?? DateWords.month(named: monthText) ?? DateWords.month(named: String(monthText.prefix(3)))
        guard let day = Int(group(form.day)), let month, let year = Int(group(form.year)),
              let date = CalendarDate(validYear: year, month: month, day: day) else { continue }
        return FoundDate(date: date, range: range)
    }
    return nil
}
