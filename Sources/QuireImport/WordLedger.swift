import Foundation

/// The importer's own check that nothing was lost: every word of the legacy lines must be in
/// the output, except the words it dropped on purpose and said so here (labels, paragraph
/// numbers, a date it turned into `YYYY-MM-DD`). Words are compared as a multiset of
/// letters-and-digits, so rejoined hyphenation and moved punctuation do not count as loss.
struct WordLedger {
    private(set) var dropped: [String] = []

    /// Records text removed on purpose.
    mutating func drop(_ text: String) {
        if !text.allSatisfy(\.isWhitespace) { dropped.append(text) }
    }

    /// The input words missing from `output`, with how many of each are missing.
    func missing(input lines: [LegacyText.Line], output: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for word in joinedAcrossHyphens(lines.map(\.text)) { counts[word, default: 0] += 1 }
        for word in dropped.flatMap(ledgerWords) { counts[word, default: 0] -= 1 }
        for word in output.flatMap(ledgerWords) { counts[word, default: 0] -= 1 }
        return counts.filter { $0.value > 0 }
    }
}

/// A text's words as the ledger compares them: lowercase, letters and digits only.
func ledgerWords(_ text: String) -> [String] {
    text.split(whereSeparator: \.isWhitespace).compactMap { token in
        let word = String(token.lowercased().filter { $0.isLetter || $0.isNumber })
        return word.isEmpty ? nil : word
    }
}

/// The words of the lines, a word broken by a line-end hyphen counted once (as the output
/// writes it, with or without its hyphen: both compare equal here).
private func joinedAcrossHyphens(_ lines: [String]) -> [String] {
    var words: [String] = []
    var carry = ""
    for line in lines where !line.allSatisfy(\.isWhitespace) {
        var lineWords = ledgerWords(line)
        // The importer joins a broken word across blank lines too, but never into a new block.
        if !carry.isEmpty, lineMarker(line) != .text {
            words.append(carry)
            carry = ""
        }
        if !carry.isEmpty, !lineWords.isEmpty {
            lineWords[0] = carry + lineWords[0]
            carry = ""
        }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("-"), let before = trimmed.dropLast().last, before.isLetter || before.isNumber, let last = lineWords.popLast() {
            carry = last
        }
        words += lineWords
    }
    if !carry.isEmpty { words.append(carry) }
    return words
}
