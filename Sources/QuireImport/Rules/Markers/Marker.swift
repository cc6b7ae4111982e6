import Foundation
import QuireModel

/// A paragraph's printed marker, read: what kind of number or bullet it is and its value.
/// Readers give the marker as printed (`ImportParagraph.marker`); this rule reads it.
///
/// Shapes: "(1)", "1.", "1)", "1" (numbers); "1.1", "2.2.1", "1.1." (dotted); "(a)", "a)",
/// "a." (letters); "(i)", "i)", "i." (roman); "•", "o", "–", "-", "▪", "◦", "*", "·"
/// (bullets). A dash before a number ("- (1)", as old exports wrote it) is part of the marker.
struct Marker: Hashable, Sendable {
    enum Form: Hashable, Sendable {
        /// A plain count in one of the paragraph styles: "(1)", "1.", "1)".
        case number(Int, ParagraphNumbering)
        /// Dotted: "1.1" is [1, 1], "2.2.1" is [2, 2, 1]. "1" alone with nothing after is a
        /// section number (`[1]`).
        case dotted([Int])
        /// A letter item, `value` from 1 for "a".
        case letter(Int, ItemNumbering)
        /// A roman item, `value` from 1 for "i".
        case roman(Int, ItemNumbering)
        case bullet(String)
    }

    var form: Form
    /// As printed.
    var written: String

    /// Reads a printed marker; nil for anything else.
    init?(_ written: String) {
        self.written = written
        var text = written.trimmingCharacters(in: .whitespaces)
        // "- (1)": an old export's dash before the number.
        if let first = text.first, "-–•".contains(first), text.count > 2 {
            let rest = text.dropFirst().trimmingCharacters(in: .whitespaces)
            if rest.first == "(" { text = rest }
        }
        if let form = Marker.form(text) { self.form = form } else { return nil }
    }

    private static func form(_ text: String) -> Form? {
        if ["•", "o", "–", "-", "▪", "◦", "*", "·", "‣", "∙", "", "", "—", "■", "□", "➢", "✓", "○", "●"].contains(text) { return .bullet(text) }
        if let g = matchGroups(#"^\((\d{1,3})\)$"#, text), let n = Int(g[0]) { return .number(n, .parenthesized) }
        if let g = matchGroups(#"^(\d{1,3})\)$"#, text), let n = Int(g[0]) { return .number(n, .parenthesis) }
        if let g = matchGroups(#"^(\d{1,3})\.?$"#, text), let n = Int(g[0]) {
            return text.hasSuffix(".") ? .number(n, .period) : .dotted([n])
        }
        if let g = matchGroups(#"^(\d{1,3}(?:\.\d{1,3})+)\.?$"#, text) {
            return .dotted(g[0].split(separator: ".").compactMap { Int($0) })
        }
        if let g = matchGroups(#"^\(([a-z]{1,2}|[ivxl]{1,6})\)$"#, text) { return letterOrRoman(g[0], .letterParenthesized, .romanParenthesized) }
        if let g = matchGroups(#"^([a-z]{1,2}|[ivxl]{1,6})\)$"#, text) { return letterOrRoman(g[0], .letterParenthesis, .romanParenthesis) }
        if let g = matchGroups(#"^([a-z]|[ivxl]{1,6})\.$"#, text) { return letterOrRoman(g[0], .letterPeriod, .romanPeriod) }
        // Capital letters ("A.", "(B)") count as letters too.
        if let g = matchGroups(#"^\(?([A-Z])[.)]$"#, text) { return letterOrRoman(g[0].lowercased(), text.hasPrefix("(") ? .letterParenthesized : text.hasSuffix(")") ? .letterParenthesis : .letterPeriod, .romanPeriod, romanAllowed: false) }
        return nil
    }

    /// "i", "v", "x" are letters or numerals; the caller settles which from the item before
    /// (`Marker.settled(after:)`). Longer roman-looking labels ("ii", "iv") are numerals.
    private static func letterOrRoman(_ label: String, _ letterStyle: ItemNumbering, _ romanStyle: ItemNumbering, romanAllowed: Bool = true) -> Form? {
        if romanAllowed, label.count > 1 || "ivx".contains(label), let value = romanValue(label) {
            return .roman(value, romanStyle)
        }
        guard label.count <= 2, label.allSatisfy({ $0.isLetter && $0.isASCII }) else { return nil }
        // "aa" is the 27th item, as the layout letters them.
        let scalars = label.unicodeScalars.map { Int($0.value) - 96 }
        let value = label.count == 2 ? (scalars[0] == scalars[1] ? scalars[0] + 26 : -1) : scalars[0]
        return value > 0 ? .letter(value, letterStyle) : nil
    }

    /// The marker read in the light of the one before it at the same depth: "(i)" after
    /// "(h)" is the letter i, and so are "(v)" after "(u)" and "(x)" after "(w)".
    func settled(after previous: Marker?) -> Marker {
        guard case .roman(let value, let style) = form, [1, 5, 10].contains(value), written.count <= 4,
              case .letter(let before, _)? = previous?.form else { return self }
        let letterValue = value == 1 ? 9 : value == 5 ? 22 : 24
        guard before == letterValue - 1 else { return self }
        var copy = self
        let letterStyle: ItemNumbering = switch style {
        case .romanParenthesized: .letterParenthesized
        case .romanParenthesis: .letterParenthesis
        default: .letterPeriod
        }
        copy.form = .letter(letterValue, letterStyle)
        return copy
    }

    /// The item style of a letter, roman or count marker (the label style it would be written
    /// in as a list item), nil for dotted numbers and bullets' own symbols.
    var itemStyle: ItemNumbering? {
        switch form {
        case .letter(_, let style), .roman(_, let style): style
        case .number(_, .parenthesized): .numberParenthesized
        case .number(_, .parenthesis): .numberParenthesis
        case .number(_, .period): .numberPeriod
        case .number: nil
        case .dotted(let parts): parts.count >= 3 ? .decimal : nil
        case .bullet: .bullet
        }
    }

    /// The value a count, letter or roman marker stands for (the last part of a dotted one).
    var value: Int? {
        switch form {
        case .number(let n, _), .letter(let n, _), .roman(let n, _): n
        case .dotted(let parts): parts.last
        case .bullet: nil
        }
    }

    var isBullet: Bool { if case .bullet = form { true } else { false } }

    /// The marker as a number reference would write it ("2.3", "12"), for cross-references.
    var referenceKey: String? {
        switch form {
        case .number(let n, _): String(n)
        case .dotted(let parts): parts.map(String.init).joined(separator: ".")
        default: nil
        }
    }
}

/// The value of a lower-case roman numeral up to 50, or nil.
func romanValue(_ text: String) -> Int? {
    let values: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50]
    var total = 0, previous = 0
    for character in text.reversed() {
        guard let value = values[character] else { return nil }
        total += value < previous ? -value : value
        previous = max(previous, value)
    }
    // Only canonical spellings: "iiii" or "vx" are not numerals.
    return total > 0 && total <= 50 && romanNumeralText(total) == text ? total : nil
}

/// A number as a lower-case roman numeral.
func romanNumeralText(_ number: Int) -> String {
    let table: [(Int, String)] = [(50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    var rest = number, out = ""
    for (value, text) in table {
        while rest >= value { out += text; rest -= value }
    }
    return out
}
