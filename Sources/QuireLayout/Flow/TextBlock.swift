import QuirePages

/// A paragraph-like element: shaped text at an indent, optionally with labels (a number, a
/// letter, a header-block label) hung in columns to its left, one slice per line.
struct TextBlock {
    var text: Int
    var x: Double
    /// Shaped label paragraphs and their x; a label's lines sit beside the text's first lines.
    var labels: [(index: Int, x: Double)] = []
    var leading: Double
    /// Headings keep with what follows (no break after the last line).
    var keepWithNext = false
    /// No break between the lines (otherwise orphans/widows decide).
    var keepTogether = false
    var bookmark: (title: String, level: Int)?
    var line: Int?

    /// One slice per line; `breakAfter` set by the orphan/widow rule or keep flags.
    func slices(_ shaped: Collector.Shaped, width: Double, orphans: Int, widows: Int) -> [FlowItem] {
        let lines = shaped[text].lines
        let labelLines = labels.map { (shaped[$0.index].lines, $0.x) }
        // A label longer than its text (a wrapped header label) still gets every line.
        let count = max(lines.count, labelLines.map(\.0.count).max() ?? 0)
        var items: [FlowItem] = []
        items.reserveCapacity(count)
        for index in 0..<count {
            var frame = Frame(size: Size(width: width, height: leading))
            let reference = index < lines.count ? lines[index] : labelLines.first { index < $0.0.count }!.0[index]
            let baseline = baselineOffset(reference, leading: leading)
            // Labels first: the page tree is in reading order ("(1)" before its text).
            for (labelLine, labelX) in labelLines where index < labelLine.count {
                place(labelLine[index], in: &frame, x: labelX, baseline: baseline)
            }
            if index < lines.count { place(lines[index], in: &frame, x: x, baseline: baseline) }
            let n = index + 1
            // A break after line n leaves n lines behind (orphans) and carries the rest over (widows).
            let allowed = n == count ? !keepWithNext : !keepTogether && n >= orphans && count - n >= widows
            var slice = Slice(frame: frame, height: leading, breakAfter: allowed, line: self.line)
            if index == 0 { slice.bookmark = bookmark }
            items.append(.slice(slice))
        }
        return items
    }
}

/// Baseline position inside a line box of height `leading`: the font's box centred in it.
func baselineOffset(_ line: ShapedLine, leading: Double) -> Double {
    (leading - (line.ascent + line.descent)) / 2 + line.ascent
}

/// Copies a shaped line's runs and links into a frame at (x, baseline).
func place(_ line: ShapedLine, in frame: inout Frame, x: Double, baseline: Double) {
    for run in line.runs {
        frame.push(.glyphs(run.item), at: Point(x: x + run.point.x, y: baseline + run.point.y))
    }
    for link in line.links {
        frame.push(.link(url: link.url, Size(width: link.width, height: line.ascent + line.descent)),
                   at: Point(x: x + link.x, y: baseline - line.ascent))
    }
}
