import Foundation
import FoundationEssentials
/// Words of one line that read as one run of text, the gaps between them word spaces: a
/// paragraph's line, a table cell's line, a label. A line splits into phrases at its gutters
/// (`splitPhrases(_:route:)`), and gutters aligned over several lines are what make a table.
struct Phrase: Sendable {
    var words: [PageWord]

    var x0: Double { words.first?.x0 ?? 0 }
    var x1: Double { words.last?.x1 ?? 0 }
    var top: Double { words.map(\.top).min() ?? 0 }
    var bottom: Double { words.map(\.bottom).max() ?? 0 }
    var text: String { words.map(\.text).joined(separator: " ") }
}

/// Splits a line into phrases at its gutters: gaps wider than a word space.
///
/// - Text export: pdftotext writes one space between words of a run, so three or more spaces
///   are a gutter. Two spaces are a gutter only beside another gutter, between two figures, or
///   after a label's colon; otherwise they are a typist's double space after a full stop.
/// - PDF: a gap of 0.9 em or more that is also well over twice the line's usual word space,
///   so a justified line's stretched spaces stay word spaces.
func splitPhrases(_ line: PageLine, route: PageRoute) -> [Phrase] {
    let words = line.words
    guard words.count > 1 else { return [Phrase(words: words)] }
    let gaps = zip(words, words.dropFirst()).map { $1.x0 - $0.x1 }
    var cut = [Bool](repeating: false, count: gaps.count)
    switch route {
    case .text:
        let spaces = gaps.map { Int(($0 / TextGrid.column).rounded()) }
        let hasStrong = spaces.contains { $0 >= 3 }
        for (index, count) in spaces.enumerated() {
            if count >= 3 {
                cut[index] = true
            } else if count == 2 {
                let left = words[index].text, right = words[index + 1].text
                cut[index] = hasStrong || (isFigure(left) && isFigure(right)) || left.hasSuffix(":")
            }
        }
    case .pdf:
        let em = line.words.map(\.style.size).max().flatMap { $0 > 0 ? $0 : nil } ?? 10
        let wordSpaces = gaps.filter { $0 < 0.9 * em }.sorted()
        let usual = wordSpaces.isEmpty ? 0.25 * em : wordSpaces[wordSpaces.count / 2]
        for (index, gap) in gaps.enumerated() { cut[index] = gap >= 0.9 * em && gap >= 2.5 * usual }
    }
    var out: [Phrase] = []
    var current: [PageWord] = [words[0]]
    for (index, word) in words.dropFirst().enumerated() {
        if cut[index] {
            out.append(Phrase(words: current))
            current = []
        }
        current.append(word)
    }
    out.append(Phrase(words: current))
    return out
}

/// A figure as tables print them: "1,234", "(56.7)", "-8", "£12m", "45%", "–".
func isFigure(_ text: String) -> Bool {
    text.range(of: #"^[(\[]?[-–−+]?[£$€]?\d[\d,]*(\.\d+)?(bn|m|k|%)?[)\]]?$|^[-–—]$"#, options: .regularExpression) != nil
}
