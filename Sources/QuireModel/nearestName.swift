/// The candidate closest to `word` by edit distance, when close enough to be a typo.
public func nearestName(_ word: String, in candidates: [String]) -> String? {
    var best: (String, Int)?
    for candidate in candidates.sorted() {
        let d = levenshtein(Array(word.lowercased()), Array(candidate.lowercased()))
        if best == nil || d < best!.1 { best = (candidate, d) }
    }
    guard let best, best.1 <= max(2, word.count / 3) else { return nil }
    return best.0
}

private func levenshtein(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
