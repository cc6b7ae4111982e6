import Foundation

/// Why a written date could not be read: what is wrong, and how to write it instead.
public struct DateProblem: Error, Hashable, Sendable {
    public var message: String
    public var hint: String
}

/// The forms `readDate` accepts, for hints.
public let dateFormsHint = "write the date as 2017-10-19, 19/10/2017 (day first) or 19 October 2017"

/// Reads a whole value as a date, in the forms officers type: ISO `2017-10-19`; day first with
/// slashes, dots or dashes, `19/10/2017` (as UK papers write it); or words, `19 October 2017`,
/// `19th October 2017`, `Thursday 19 October 2017`, `October 19, 2017`, Welsh `19 Hydref 2017`.
/// A two-digit year, a month-first numeric date, a date that does not exist (31 June) or any
/// other text is a problem saying which, never a guess.
public func readDate(_ raw: String) -> Result<CalendarDate, DateProblem> {
    let text = raw.trimmingCharacters(in: .whitespaces)
    func problem(_ message: String, hint: String = dateFormsHint) -> Result<CalendarDate, DateProblem> {
        .failure(DateProblem(message: message, hint: hint))
    }
    func validated(_ year: Int, _ month: Int, _ day: Int) -> Result<CalendarDate, DateProblem> {
        guard (1...12).contains(month) else { return problem("'\(text)' has no month \(month)") }
        guard let date = CalendarDate(validYear: year, month: month, day: day) else {
            return problem("'\(text)' is not a date: \(DateWords.english.months[month - 1]) \(year) has \(CalendarDate.days(inMonth: month, year: year)) days",
                           hint: "check the day; " + dateFormsHint)
        }
        return .success(date)
    }
    guard !text.isEmpty else { return problem("the date is empty") }

    // Numbers only: 2017-10-19, or day/month/year.
    let separators: Set<Character> = ["-", "/", "."]
    if text.allSatisfy({ $0.isASCII && ($0.isNumber || separators.contains($0)) }) {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { separators.contains($0) }).map(String.init)
        let marks = Set(text.filter { separators.contains($0) })
        guard parts.count == 3, marks.count == 1, parts.allSatisfy({ !$0.isEmpty }) else {
            return problem("'\(text)' is not a date Quire can read")
        }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == 3 else { return problem("'\(text)' is not a date Quire can read") }
        if parts[0].count == 4 {
            // Year first is ISO order: only with dashes, as ISO writes it.
            guard marks == ["-"], parts[1].count == 2, parts[2].count == 2 else {
                return problem("'\(text)' puts the year first but is not an ISO date", hint: "write it as YYYY-MM-DD, e.g. 2017-10-19")
            }
            return validated(numbers[0], numbers[1], numbers[2])
        }
        guard parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 else {
            if parts[2].count == 2 {
                return problem("'\(text)' has a two-digit year: it could be 19\(parts[2]) or 20\(parts[2])", hint: "write the year in full, e.g. 19/10/2017")
            }
            return problem("'\(text)' is not a date Quire can read")
        }
        if numbers[1] > 12, numbers[0] <= 12 {
            return problem("'\(text)' reads month first (there is no month \(numbers[1])); dates are read day first, as UK papers write them",
                           hint: "write it day first, \(parts[1])/\(parts[0])/\(parts[2]), or as an ISO date, \(CalendarDate(year: numbers[2], month: numbers[0], day: numbers[1]).iso)")
        }
        return validated(numbers[2], numbers[1], numbers[0])
    }

    // Words: [weekday[,]] day[ordinal] month[,] year, or month day[ordinal], year.
    let wordBreaks: Set<Character> = [" ", ",", "\t"]
    var words: [String] = text.split(whereSeparator: { wordBreaks.contains($0) }).map { String($0) }
    if words.first?.lowercased() == "dydd", words.count > 1 { words.removeFirst(2) }  // "Dydd Iau": a Welsh weekday
    else if let first = words.first, isWeekday(first) { words.removeFirst() }
    guard words.count == 3 else {
        if words.count == 2, words.contains(where: { DateWords.month(named: $0) != nil }) {
            if words.contains(where: { dayNumber($0) != nil }) {
                return problem("'\(text)' has no year", hint: "add the year, e.g. 19 October 2017")
            }
            return problem("'\(text)' has no day", hint: "give the day of the meeting, e.g. 19 October 2017")
        }
        return problem("'\(text)' is not a date Quire can read")
    }
    guard let year = Int(words[2]), words[2].count == 4 else {
        return problem("'\(text)' has no four-digit year", hint: "write the year in full, e.g. 19 October 2017")
    }
    if let month = DateWords.month(named: words[1]), let day = dayNumber(words[0]) { return validated(year, month, day) }
    if let month = DateWords.month(named: words[0]), let day = dayNumber(words[1]) { return validated(year, month, day) }
    return problem("'\(text)' is not a date Quire can read")
}

/// "19", "19th", "19eg", "1af": the day's number without its ordinal suffix.
func dayNumber(_ word: String) -> Int? {
    let digits = word.prefix(while: \.isNumber)
    guard (1...2).contains(digits.count), let day = Int(digits) else { return nil }
    let suffix = word.dropFirst(digits.count).lowercased()
    let suffixes: Set<String> = ["", "st", "nd", "rd", "th", "af", "ail", "il", "ydd", "ed", "fed", "eg", "ain"]
    return suffixes.contains(suffix) ? day : nil
}

/// An English weekday's name, full or short ("Thursday", "Thu"); a Welsh one is two words
/// ("Dydd Iau") and is dropped where it is read.
private func isWeekday(_ word: String) -> Bool {
    let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                 "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
    return names.contains(word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")))
}
