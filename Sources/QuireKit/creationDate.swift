import Foundation
import QuirePages
import QuireSystem

/// A paper without a date is stamped with `SOURCE_DATE_EPOCH` (the reproducible-builds
/// convention), never the clock, so two renders still give the same bytes.
func stampCreationDate(_ metadata: inout DocumentMetadata, environment: (String) -> String? = Platform.environmentValue) {
    guard metadata.creationDate == nil, let raw = environment("SOURCE_DATE_EPOCH"), let seconds = Int64(raw), seconds >= 0 else { return }
    metadata.creationDate = isoDateTime(seconds)
}

/// `2017-07-14T02:40:00Z` for seconds since 1970 (UTC), by the civil-from-days algorithm.
func isoDateTime(_ seconds: Int64) -> String {
    let days = seconds / 86_400, rest = seconds % 86_400
    let z = days + 719_468
    let era = z / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
}
