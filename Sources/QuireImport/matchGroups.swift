import Foundation
import QuireSystem

/// The capture groups of the first match of `pattern` (case-sensitive unless it says `(?i)`)
/// in `text` (an unmatched group is ""), or nil.
/// Patterns are compiled once and cached: the importer tries a handful on every line.
func matchGroups(_ pattern: String, _ text: String) -> [String]? {
    guard let expression = compiled(pattern),
          let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
    return (1..<max(1, match.numberOfRanges)).map { index in
        Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
    }
}

private let cache = PatternCache()

private func compiled(_ pattern: String) -> NSRegularExpression? {
    cache.expression(pattern)
}

/// A lock-guarded pattern cache (the importer may run on several threads in tests).
private final class PatternCache: Sendable {
    private let expressions = Locked([String: NSRegularExpression]())

    func expression(_ pattern: String) -> NSRegularExpression? {
        expressions.withLock { expressions in
            if let cached = expressions[pattern] { return cached }
            let made = try? NSRegularExpression(pattern: pattern, options: [])
            expressions[pattern] = made
            return made
        }
    }
}
