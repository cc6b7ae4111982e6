import QuirePages
import QuireSystem

/// Paragraphs already shaped, by their spec: a spec decides its lines completely (text, spans,
/// fonts, size, width, alignment), so one shaped once need never be shaped again. Committee
/// papers repeat a great deal (labels, headings, boilerplate, the same paper in a supplement,
/// the same request to the service), and shaping is a third of a render's work.
///
/// Bounded by an estimate of what it holds: two generations, the newer filled until it holds
/// half the limit, then the older dropped (a paragraph found in the older is moved to the newer),
/// so memory stays flat however long the document or however long the process runs.
public final class ShapedParagraphCache: Sendable {
    /// The most bytes (estimated) the cache holds.
    public let byteLimit: Int
    private let state: Locked<Generations>

    public init(byteLimit: Int = 16 << 20) {
        self.byteLimit = byteLimit
        state = Locked(Generations(limit: byteLimit))
    }

    /// The paragraphs shaped, each spec not held passed to `shape` once (in one batch, so the
    /// backend may still split it across threads).
    public func shaped(_ paragraphs: [ParagraphSpec], by shape: ([ParagraphSpec]) -> [ShapedParagraph]) -> [ShapedParagraph] {
        var results = [ShapedParagraph?](repeating: nil, count: paragraphs.count)
        var missing: [ParagraphSpec] = []
        var waiting: [ParagraphSpec: [Int]] = [:]  // a spec not held → where it goes in `results`
        state.withLock { held in
            for (index, spec) in paragraphs.enumerated() {
                if let found = held.lookUp(spec) {
                    results[index] = found
                } else {
                    if waiting[spec] == nil { missing.append(spec) }
                    waiting[spec, default: []].append(index)
                }
            }
        }
        guard !missing.isEmpty else { return results.map { $0! } }
        let made = shape(missing)
        state.withLock { held in
            for (spec, paragraph) in zip(missing, made) { held.keep(spec, paragraph) }
        }
        for (spec, paragraph) in zip(missing, made) {
            for index in waiting[spec]! { results[index] = paragraph }
        }
        return results.map { $0! }
    }

    /// How many paragraphs are held, and their estimated bytes (for tests and the bench).
    public var held: (paragraphs: Int, bytes: Int) {
        state.withLock { ($0.newer.count + $0.older.count, $0.newerBytes + $0.olderBytes) }
    }
}

/// The two generations: a paragraph is looked up in the newer, then the older (and moved).
private struct Generations {
    let limit: Int
    var newer: [ParagraphSpec: ShapedParagraph] = [:]
    var older: [ParagraphSpec: ShapedParagraph] = [:]
    var newerBytes = 0
    var olderBytes = 0

    mutating func lookUp(_ spec: ParagraphSpec) -> ShapedParagraph? {
        if let found = newer[spec] { return found }
        guard let found = older.removeValue(forKey: spec) else { return nil }
        olderBytes -= estimatedBytes(spec, found)
        keep(spec, found)
        return found
    }

    mutating func keep(_ spec: ParagraphSpec, _ paragraph: ShapedParagraph) {
        let bytes = estimatedBytes(spec, paragraph)
        guard bytes <= limit / 2 else { return }  // one paragraph larger than a generation is never kept
        if newerBytes + bytes > limit / 2 {
            (older, olderBytes) = (newer, newerBytes)
            (newer, newerBytes) = ([:], 0)
        }
        if newer.updateValue(paragraph, forKey: spec) == nil { newerBytes += bytes }
    }
}

/// What a spec and its shaped paragraph take in memory, roughly: their text, a glyph's 16 bytes,
/// and the arrays' and strings' own headers.
private func estimatedBytes(_ spec: ParagraphSpec, _ paragraph: ShapedParagraph) -> Int {
    var bytes = 128 + spec.text.text.utf8.count + spec.text.spans.count * 64
    for line in paragraph.lines {
        bytes += 96 + line.links.count * 48
        for run in line.runs { bytes += 96 + run.item.text.utf8.count + run.item.glyphs.count * MemoryLayout<Glyph>.stride }
    }
    return bytes
}
