import Foundation
import QuireModel

private let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"]

/// Formats a date by the layout's pattern: `{d}`, `{do}` (19th), `{dd}`, `{MMMM}`, `{MM}`,
/// `{yyyy}`. Fixed English month names: output must not depend on the machine's locale.
public func formatDate(_ date: CalendarDate, _ pattern: String) -> String {
    let day = String(date.day)
    let suffix: String = switch (date.day % 10, date.day % 100) {
    case (_, 11...13): "th"
    case (1, _): "st"
    case (2, _): "nd"
    case (3, _): "rd"
    default: "th"
    }
    return pattern
        .replacingOccurrences(of: "{do}", with: day + suffix)
        .replacingOccurrences(of: "{dd}", with: date.day < 10 ? "0" + day : day)
        .replacingOccurrences(of: "{d}", with: day)
        .replacingOccurrences(of: "{MMMM}", with: monthNames[date.month - 1])
        .replacingOccurrences(of: "{MM}", with: date.month < 10 ? "0\(date.month)" : "\(date.month)")
        .replacingOccurrences(of: "{yyyy}", with: String(date.year))
}
