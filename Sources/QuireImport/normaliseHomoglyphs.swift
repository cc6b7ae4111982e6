import Foundation

/// Cyrillic and Greek letters drawn like Latin ones. Old exports (and pasted text) put them in
/// labels ("То:" with a Cyrillic Т and о), where they would hide a known label.
private let latinLookalikes: [Character: Character] = [
    // Cyrillic
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X",
    "І": "I", "Ј": "J", "Ѕ": "S", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "ј": "j", "ѕ": "s", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w",
    // Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P",
    "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v", "ι": "i",
]

/// A label with look-alike letters read as Latin, and the letters replaced (for the warning).
/// Only labels get this: in running text a Cyrillic or Greek word is the author's.
func normaliseHomoglyphs(_ label: String) -> (text: String, replaced: [Character]) {
    var replaced: [Character] = []
    let text = String(label.map { character -> Character in
        guard let latin = latinLookalikes[character] else { return character }
        replaced.append(character)
        return latin
    })
    return (text, replaced)
}

/// "Cyrillic Т (U+0422)" for a warning.
func describeLookalike(_ character: Character) -> String {
    let scalar = character.unicodeScalars.first!
    let script = (0x0370...0x03FF).contains(scalar.value) ? "Greek" : "Cyrillic"
    return "\(script) \(character) (U+\(String(format: "%04X", scalar.value)))"
}
