import Foundation

/// The number or bullet a line opens with, as printed, and the words it takes.
struct OpeningMarker: Sendable, Equatable {
    var text: String
    /// The marker's word, when the marker is all of it; nil when the marker was glued to the
    /// text ("•Item", "1.1The") and had to be cut from its word.
    var gluedRest: String?
}

/// The marker a line's first word is, if it is one: a paragraph or item number ("1.1", "2.2.1",
/// "(1)", "1)", "2.", "a)", "(a)", "a.", "i.", "iv)", "(iv)", "A.") or a bullet ("•", "o", "–",
/// "-", "▪", Word's Symbol-font bullets in the private use area). Only when text follows on the
/// line: a lone "1." is not a marker of anything. Whether it really opens a paragraph, and is
/// not a wrapped line that happens to start "2.3 of the report", is for the caller to judge.
func openingMarker(_ words: [PageWord]) -> OpeningMarker? {
    guard words.count >= 2 || (words.first.map { glued($0.text) != nil } ?? false), let first = words.first?.text else { return nil }
    if words.count >= 2, isMarker(first) { return OpeningMarker(text: first, gluedRest: nil) }
    if let (marker, rest) = glued(first) { return OpeningMarker(text: marker, gluedRest: rest) }
    return nil
}

/// Whether a word is a marker on its own.
func isMarker(_ word: String) -> Bool {
    if word.count == 1, let scalar = word.unicodeScalars.first, isBullet(scalar) { return true }
    if word == "o" { return true }
    return word.range(of: markerPattern, options: .regularExpression) != nil && (!word.contains(where: \.isLetter) || isLetterOrRomanLabel(word))
}

/// Numbers and letters in the forms councils print.
private let markerPattern = #"^(\d{1,2}(\.\d{1,3}){1,3}\.?|\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-zA-Z][.)]|\([a-zA-Z]\)|\(?[ivxlIVXL]{1,6}[.)]|\([ivxlIVXL]{1,6}\))$"#

/// A letter label ("a)", "(B)") or a well-formed roman numeral ("iv.", "(XII)"), one case throughout.
private func isLetterOrRomanLabel(_ word: String) -> Bool {
    let letters = word.filter(\.isLetter)
    if letters.count == 1 { return true }
    let lower = letters.lowercased()
    guard letters == lower || letters == letters.uppercased() else { return false }
    return lower.range(of: #"^(xl|l?x{0,3})(ix|iv|v?i{0,3})$"#, options: .regularExpression) != nil
}

/// Bullet characters, including the private-use code points Word's Symbol and Wingdings
/// bullets come out as.
func isBullet(_ scalar: Unicode.Scalar) -> Bool {
    "•·▪▫◦‣∙●○■□◆◇❖➢➤►▶▸✓✔➔→–—-*".unicodeScalars.contains(scalar) || (0xF000...0xF0FF).contains(scalar.value)
}

/// A marker glued to its text because the source lost the tab between them: a bullet before
/// a letter ("•Item"), or a number before a capital ("1.1The", "2.Costs").
private func glued(_ word: String) -> (String, String)? {
    if let first = word.unicodeScalars.first, isBullet(first), first != "-", first != "–", first != "—", word.unicodeScalars.count > 1,
       let next = word.unicodeScalars.dropFirst().first, CharacterSet.letters.contains(next) {
        return (String(first), String(word.unicodeScalars.dropFirst()))
    }
    guard let match = word.range(of: #"^\d{1,2}(\.\d{1,3}){0,3}\.(?=\p{Lu}\p{Ll})|^\d{1,2}(\.\d{1,3}){1,3}(?=\p{Lu}\p{Ll})"#, options: .regularExpression) else { return nil }
    return (String(word[match]), String(word[match.upperBound...]))
}
