@testable import QuireImport
import QuireModel
import Testing

/// Printed markers read: numbers in every paragraph style, dotted numbers, letters, roman
/// numerals (and the letter i after h), bullets.
@Suite struct MarkerTests {
    @Test(arguments: [
        ("(1)", Marker.Form.number(1, .parenthesized)), ("12.", .number(12, .period)), ("3)", .number(3, .parenthesis)),
        ("1.1", .dotted([1, 1])), ("2.2.1", .dotted([2, 2, 1])), ("4.10.", .dotted([4, 10])), ("2", .dotted([2])),
        ("(a)", .letter(1, .letterParenthesized)), ("b)", .letter(2, .letterParenthesis)), ("c.", .letter(3, .letterPeriod)),
        ("(ii)", .roman(2, .romanParenthesized)), ("iv.", .roman(4, .romanPeriod)), ("ix)", .roman(9, .romanParenthesis)),
        ("- (2)", .number(2, .parenthesized)), ("•", .bullet("•")), ("o", .bullet("o")), ("–", .bullet("–")), ("(aa)", .letter(27, .letterParenthesized)),
    ])
    func markersRead(written: String, form: Marker.Form) throws {
        #expect(try #require(Marker(written)).form == form)
    }

    @Test(arguments: ["1.5 million", "(CSET)", "2017-18", "iiii.", "Note"])
    func textIsNoMarker(written: String) {
        #expect(Marker(written) == nil)
    }

    @Test func theLetterIAfterH() throws {
        let h = try #require(Marker("(h)")), i = try #require(Marker("(i)"))
        #expect(i.settled(after: h).form == .letter(9, .letterParenthesized))
        #expect(i.settled(after: Marker("(a)")).form == .roman(1, .romanParenthesized))
    }
}
