import Foundation
import QuireTestSupport

// The same approach as Tests/QuireRenderTests/WordFidelity.swift ("every word of each seed's
// body appears in order"), extended for an import: header labels are gone (the layout prints
// its own), dates change form ("19th October 2017" → "19 October 2017"), and the importer may
// rejoin a word broken at a line end with or without its hyphen.

/// Words for comparing legacy text with a PDF's extracted text: lowercased, NFKC (ligatures
/// apart), punctuation at either end stripped, hyphens inside words removed, ordinals reduced
/// to their figures, and legacy paragraph, item and section numbers dropped.
func comparableWords(_ text: String) -> [String] {
    let joined = text.precomposedStringWithCompatibilityMapping.lowercased()
        .replacingOccurrences(of: "’", with: "'")
        .replacingOccurrences(of: #"(?<=\w)-\s*\n\s*(?=\w)"#, with: "-", options: .regularExpression)
        .replacingOccurrences(of: #"(\d)\s*(st|nd|rd|th)\b"#, with: "$1", options: .regularExpression)
    let edge = CharacterSet.punctuationCharacters.union(.symbols).union(.whitespaces)
    return joined.split(whereSeparator: { $0.isWhitespace }).compactMap { raw -> String? in
        let token = String(raw)
        if token.range(of: #"^\((\d+|[a-z]{1,4})\)$"#, options: .regularExpression) != nil { return nil }
        if token.range(of: #"^\d+\.(\d+\.?)?$"#, options: .regularExpression) != nil { return nil }
        let word = token.trimmingCharacters(in: edge).replacingOccurrences(of: "-", with: "")
        return word.isEmpty ? nil : word
    }
}

/// A legacy paper split for the check: each header row's value (its label dropped), and the
/// body from the first numbered section on. Rows are checked one by one because the layout
/// orders them its own way (seed 002 gives Summary before Classification); the body in order.
func legacyParts(_ text: String) -> (rows: [String], body: String) {
    let lines = text.components(separatedBy: "\n")
    let start = lines.firstIndex { $0.range(of: #"^\s*1\.\s+\S"#, options: .regularExpression) != nil } ?? lines.count
    var rows: [String] = []
    for line in lines[..<start] where !line.allSatisfy(\.isWhitespace) {
        if let label = line.range(of: #"^\s*[^:\t]+?\s*(\t\s*:?|:)\s*"#, options: .regularExpression) {
            rows.append(String(line[label.upperBound...]))
        } else if !rows.isEmpty {
            rows[rows.count - 1] += "\n" + line
        } else {
            rows.append(line)
        }
    }
    return (rows, lines[start...].joined(separator: "\n"))
}

/// What of the legacy text is missing from the rendered text: per header row, and the body.
func missingWords(legacy: String, rendered: String) -> [String] {
    let actual = comparableWords(rendered)
    let (rows, body) = legacyParts(legacy)
    var problems: [String] = []
    for row in rows {
        let missing = missingInOrder(comparableWords(row), in: actual)
        if !missing.isEmpty { problems.append("header row \"\(row.prefix(60))…\": missing \(missing.map(\.word))") }
    }
    let expected = comparableWords(body)
    let missing = missingInOrder(expected, in: actual)
    if let first = missing.first {
        let context = expected[max(0, first.index - 8)..<min(expected.count, first.index + 3)].joined(separator: " ")
        problems.append("body: \(missing.count) words missing in order, first '\(first.word)' at word \(first.index) (…\(context)…)")
    }
    return problems
}
