import Foundation

/// Joins the hard-wrapped lines of one paragraph (or one header value) into one line, with
/// single spaces, rejoining words hyphenated across a line end (`dehyphenate`).
func joinWrappedLines(_ lines: [String], vocabulary: Set<String> = []) -> String {
    var text = ""
    for raw in lines {
        let line = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !line.isEmpty else { continue }
        if text.isEmpty {
            text = line
        } else if let joined = dehyphenate(text, line, vocabulary: vocabulary) {
            text = joined
        } else {
            text += " " + line
        }
    }
    return text
}

/// Line-end fragments that are prefixes, whose hyphen is real ("multi-" + "agency").
let keptHyphenPrefixes: Set<String> = [
    "multi", "non", "co", "self", "cross", "inter", "intra", "pre", "post", "sub", "anti", "ex", "semi", "pro",
    "counter", "over", "under", "out", "well", "long", "short", "full", "part", "half", "low", "high", "mid",
    "one", "two", "three", "first", "second", "third", "year", "front", "cabinet", "county", "district", "e",
]

/// Joins `line` onto `text` when `text` ends in a hyphen, or nil when it does not.
///
/// The rule: a letter fragment ending in "-" followed by a line starting with a lowercase
/// letter is one word broken by the line end, so the hyphen goes ("safe-" + "guarding" →
/// "safeguarding"), unless the fragment is a common prefix (`keptHyphenPrefixes`: "multi-" +
/// "agency" → "multi-agency"). The paper's own spelling wins over both: if it writes the
/// hyphenated form elsewhere, the hyphen stays; if it writes the closed form, it goes.
/// Anything else ending in "-" ("2017-" + "2020", "Anglo-" + "Saxon") keeps its hyphen and
/// takes no space. A lone " - " is a dash, not a break, and gets a space as usual.
func dehyphenate(_ text: String, _ line: String, vocabulary: Set<String> = []) -> String? {
    guard text.hasSuffix("-"), let before = text.dropLast().last, before.isLetter || before.isNumber,
          let first = line.first else { return nil }
    let fragment = String(text.dropLast().reversed().prefix { $0.isLetter }.reversed())
    let next = String(line.prefix { $0.isLetter })
    guard first.isLowercase, !fragment.isEmpty, fragment.count == text.dropLast().reversed().prefix(while: { !$0.isWhitespace && $0 != "-" }).count else {
        return text + line
    }
    let closed = (fragment + next).lowercased(), hyphenated = (fragment + "-" + next).lowercased()
    let keepsHyphen = vocabulary.contains(hyphenated) ? true
        : vocabulary.contains(closed) ? false
        : keptHyphenPrefixes.contains(fragment.lowercased())
    return keepsHyphen ? text + line : String(text.dropLast()) + line
}

/// The words of a text, lowercased and stripped of edge punctuation, hyphenated forms kept:
/// the paper's own spellings, which `dehyphenate` consults.
func vocabulary(of lines: [String]) -> Set<String> {
    let edge = CharacterSet.punctuationCharacters.union(.symbols).subtracting(CharacterSet(charactersIn: "-"))
    var words = Set<String>()
    for line in lines {
        for token in line.split(whereSeparator: \.isWhitespace) {
            let word = token.trimmingCharacters(in: edge).lowercased()
            // A word ending in "-" is a line-end fragment, not a spelling.
            if !word.isEmpty, !word.hasSuffix("-") { words.insert(word) }
        }
    }
    return words
}

/// Whether a line ends a sentence (".", "!", "?", ":" or ";" before any closing quotes or
/// brackets). A block that does not may go on after a blank line (a page break in the legacy
/// text), so the importer joins across it.
func endsSentence(_ line: String) -> Bool {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    let core = trimmed.reversed().drop { "’\"”')]".contains($0) }
    guard let last = core.first else { return true }
    return ".!?:;".contains(last)
}
