/// The glyph count and advance widths of a TrueType program, from its maxp, head, hhea and
/// hmtx tables: enough to check a CID font's /W against the glyphs it names.
struct TrueTypeMetrics {
    let glyphCount: Int
    let unitsPerEm: Int
    private let advances: [Int]

    /// Nil when a table is missing or the data ends inside one.
    init?(_ data: [UInt8]) {
        func u16(_ at: Int) -> Int? { at >= 0 && at + 2 <= data.count ? Int(data[at]) << 8 | Int(data[at + 1]) : nil }
        func u32(_ at: Int) -> Int? {
            guard let high = u16(at), let low = u16(at + 2) else { return nil }
            return high << 16 | low
        }
        guard let tableCount = u16(4) else { return nil }
        var tables: [String: Int] = [:]
        for index in 0..<tableCount {
            let record = 12 + 16 * index
            guard record + 16 <= data.count, let offset = u32(record + 8) else { return nil }
            tables[String(decoding: data[record..<(record + 4)], as: UTF8.self)] = offset
        }
        guard let maxp = tables["maxp"], let head = tables["head"], let hhea = tables["hhea"], let hmtx = tables["hmtx"],
              let glyphs = u16(maxp + 4), let unitsPerEm = u16(head + 18), unitsPerEm > 0, let metrics = u16(hhea + 34), metrics > 0
        else { return nil }
        var advances: [Int] = []
        for index in 0..<metrics {
            guard let advance = u16(hmtx + 4 * index) else { return nil }
            advances.append(advance)
        }
        glyphCount = glyphs
        self.unitsPerEm = unitsPerEm
        self.advances = advances
    }

    /// Glyphs past the last full metric share its advance (the hmtx rule).
    func advance(of glyph: Int) -> Int { advances[min(glyph, advances.count - 1)] }
}
