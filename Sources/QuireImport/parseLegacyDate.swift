import Foundation
import QuireModel

/// A date found in legacy text, with the text it was read from.
struct LegacyDate: Equatable {
    var date: CalendarDate
    var range: Range<String.Index>

    /// `YYYY-MM-DD`.
    var iso: String { date.iso }
}

/// Finds the first date in `text`: "19th October 2017", "4 th October 2013" (a stray space
/// before the ordinal), "October 19, 2017", "19/10/2017" (day first, as UK papers write it),
/// "2017-10-19" or Welsh "19 Hydref 2017". Month names may be abbreviated ("19 Oct 2017").
/// The one date finder is QuireModel's `findDate`, which shares its month words with the
/// front matter's date reader.
func parseLegacyDate(_ text: String) -> LegacyDate? {
    findDate(in: text).map { LegacyDate(date: $0.date, range: $0.range) }
}
