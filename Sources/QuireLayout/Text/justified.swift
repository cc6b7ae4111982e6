public import QuirePages

/// A line stretched to `width` by widening its inter-word spaces equally. Ours rather than
/// Pango's: plain arithmetic on the shaped glyphs, so justified output is the same on every
/// run and thread (Pango's own justification was seen to vary with font-map state).
/// Spaces after the last word (the break) are not widened; a line without spaces, or already
/// as wide, is returned as it is.
public func justified(_ line: ShapedLine, width: Double) -> ShapedLine {
    // Expandable spaces: glyphs whose cluster starts with U+0020, before the last word.
    var spaces: [(run: Int, glyph: Int, x: Double)] = []
    var lastInk: (run: Int, glyph: Int) = (-1, -1)
    for (r, run) in line.runs.enumerated() {
        let bytes = Array(run.item.text.utf8)
        for (g, glyph) in run.item.glyphs.enumerated() {
            let cluster = Int(glyph.cluster)
            if cluster < bytes.count, bytes[cluster] == 0x20 {
                spaces.append((r, g, run.point.x + Double(glyph.x)))
            } else {
                lastInk = (r, g)
            }
        }
    }
    spaces.removeAll { $0.run > lastInk.run || ($0.run == lastInk.run && $0.glyph > lastInk.glyph) }
    let extra = width - line.width
    guard extra > 0.01, !spaces.isEmpty else { return line }
    let step = extra / Double(spaces.count)

    var out = line
    var added = 0.0
    var next = 0  // index into `spaces`
    for r in out.runs.indices {
        out.runs[r].point.x += added
        var addedInRun = 0.0
        for g in out.runs[r].item.glyphs.indices {
            out.runs[r].item.glyphs[g].x += Float(addedInRun)
            if next < spaces.count, spaces[next].run == r, spaces[next].glyph == g {
                addedInRun += step
                next += 1
            }
        }
        out.runs[r].item.width += addedInRun
        added += addedInRun
    }
    // A position on the line moves by one step per widened space before it.
    func moved(_ x: Double) -> Double { x + step * Double(spaces.filter { $0.x < x - 0.001 }.count) }
    out.links = line.links.map { link in
        let start = moved(link.x), end = moved(link.x + link.width)
        return LineLink(url: link.url, x: start, width: end - start)
    }
    out.width = width
    return out
}
