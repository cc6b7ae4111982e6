import QuirePages

/// The slices of a run-in header row, one per line: on the first line the glyphs of the first
/// `labelBytes` bytes (the label and its space) are the row's header cell (TH), the rest of
/// the paragraph its data cell (TD). A run crossing that point is cut there, so the split
/// never depends on how the shaper grouped the glyphs.
func runInSlices(_ lines: [ShapedLine], labelBytes: Int, x: Double, width: Double, leading: Double, keepWithNext: Bool) -> [FlowItem] {
    var items: [FlowItem] = []
    for (index, line) in lines.enumerated() {
        var frame = Frame(size: Size(width: width, height: leading))
        let baseline = baselineOffset(line, leading: leading)
        if index == 0 {
            let (label, value) = splitRuns(line.runs, at: labelBytes)
            if !label.isEmpty {
                frame.open(StructureTag(.headerCell, scope: .row))
                for run in label { frame.push(.glyphs(run.item), at: Point(x: x + run.point.x, y: baseline + run.point.y)) }
                frame.close()
            }
            frame.open(.dataCell)
            var valueLine = line
            valueLine.runs = value
            place(valueLine, in: &frame, x: x, baseline: baseline)
        } else {
            place(line, in: &frame, x: x, baseline: baseline)
        }
        let last = index == lines.count - 1
        if last { frame.close() }
        items.append(.slice(Slice(frame: frame, height: leading, breakAfter: last && !keepWithNext)))
    }
    return items
}

/// A line's runs before and after UTF-8 offset `offset` of its text.
func splitRuns(_ runs: [Positioned<GlyphRun>], at offset: Int) -> (before: [Positioned<GlyphRun>], after: [Positioned<GlyphRun>]) {
    var before: [Positioned<GlyphRun>] = [], after: [Positioned<GlyphRun>] = []
    var start = 0
    for run in runs {
        let length = run.item.text.utf8.count
        defer { start += length }
        if start + length <= offset { before.append(run); continue }
        if start >= offset { after.append(run); continue }
        let (head, tail) = cut(run, at: offset - start)
        before.append(head)
        after.append(tail)
    }
    return (before, after)
}

/// One run cut into two at a UTF-8 offset of its text: the glyphs of clusters before it, and
/// the rest moved to start where the first of them was drawn.
private func cut(_ run: Positioned<GlyphRun>, at offset: Int) -> (Positioned<GlyphRun>, Positioned<GlyphRun>) {
    let bytes = Array(run.item.text.utf8)
    var head = run.item, tail = run.item
    head.glyphs = run.item.glyphs.filter { Int($0.cluster) < offset }
    let rest = run.item.glyphs.filter { Int($0.cluster) >= offset }
    let shift = rest.map { Double($0.x) }.min() ?? run.item.width
    tail.glyphs = rest.map { Glyph(id: $0.id, x: $0.x - Float(shift), y: $0.y, cluster: $0.cluster - Int32(offset)) }
    head.text = String(decoding: bytes[..<offset], as: UTF8.self)
    tail.text = String(decoding: bytes[offset...], as: UTF8.self)
    head.width = shift
    tail.width = run.item.width - shift
    return (Positioned(head, at: run.point), Positioned(tail, at: Point(x: run.point.x + shift, y: run.point.y)))
}
