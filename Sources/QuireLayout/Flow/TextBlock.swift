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
    /// The text's structure: elements opened before it, and the element holding it.
    var textTags = Tagging(leaf: StructureTag(.paragraph))
    /// Each label's structure, parallel to `labels`; empty: the labels are part of the text's
    /// element (a heading's number).
    var labelTags: [Tagging] = []
    /// Labels read after the text (a contents entry's page number) rather than before it.
    var labelsLast = false
    /// A place in the document the whole block links to (a contents entry, an agenda line):
    /// its annotation covers every line and is drawn first in the text's element, so the
    /// `Link` holding the text also holds the annotation. Only for blocks kept together.
    var pageLink: (pageIndex: Int, y: Double)?

    /// One slice per line; `breakAfter` set by the orphan/widow rule or keep flags. A label's
    /// lines all go into the first slice (or the last, for `labelsLast`) so that each label is
    /// one run in reading order; a label never splits across pages.
    func slices(_ shaped: Collector.Shaped, width: Double, orphans: Int, widows: Int) -> [FlowItem] {
        let lines = shaped[text].lines
        let labelLines = labels.map { (shaped[$0.index].lines, $0.x) }
        // A label longer than its text (a wrapped header label) still gets every line.
        let labelCount = labelLines.map(\.0.count).max() ?? 0
        let count = max(lines.count, labelCount)
        guard count > 0 else { return [] }
        func baseline(_ index: Int) -> Double {
            let reference = index < lines.count ? lines[index] : labelLines.first { index < $0.0.count }?.0[index]
            return Double(index) * leading + (reference.map { baselineOffset($0, leading: leading) } ?? leading * 0.8)
        }
        func placeLabels(_ frame: inout Frame, top: Double) {
            for (number, (labelLine, labelX)) in labelLines.enumerated() {
                let tags = number < labelTags.count ? labelTags[number] : nil
                tags?.open(&frame)
                for (index, line) in labelLine.enumerated() {
                    // A number read in the text's element ("1." before "Introduction") ends a word.
                    let read = tags == nil && !labelsLast && index == labelLine.count - 1 ? endingWord(line) : line
                    place(read, in: &frame, x: labelX, baseline: baseline(index) - top)
                }
                if tags?.leaf != nil { frame.close() }
            }
        }
        var items: [FlowItem] = []
        items.reserveCapacity(count)
        for index in 0..<count {
            var frame = Frame(size: Size(width: width, height: leading))
            let top = Double(index) * leading
            // Labels first: the page tree is in reading order ("(1)" before its text).
            if index == 0, !labelsLast, !labelTags.isEmpty { placeLabels(&frame, top: top) }
            if index == 0 {
                textTags.open(&frame)
                if let pageLink {
                    frame.push(.pageLink(pageIndex: pageLink.pageIndex, y: pageLink.y, Size(width: width, height: leading * Double(count))), at: .zero)
                }
            }
            if index == 0, !labelsLast, labelTags.isEmpty { placeLabels(&frame, top: top) }
            if index < lines.count {
                // A hard break, or the text before its own page number, ends a word too.
                let last = index == lines.count - 1
                let ended = (!last && lines[index].endsParagraph) || (last && labelsLast && labelTags.isEmpty && !labels.isEmpty)
                place(ended ? endingWord(lines[index]) : lines[index], in: &frame, x: x, baseline: baseline(index) - top)
            }
            if index == count - 1 {
                if labelsLast, labelTags.isEmpty { placeLabels(&frame, top: top) }
                if textTags.leaf != nil { frame.close() }
                if labelsLast, !labelTags.isEmpty { placeLabels(&frame, top: top) }
            }
            let n = index + 1
            // A break after line n leaves n lines behind (orphans) and carries the rest over
            // (widows); never inside a label.
            let allowed = n == count ? !keepWithNext : !keepTogether && n >= orphans && count - n >= widows && n >= labelCount
            var slice = Slice(frame: frame, height: leading, breakAfter: allowed, line: self.line)
            if index == 0 { slice.bookmark = bookmark }
            items.append(.slice(slice))
        }
        return items
    }
}

/// Elements opened before a run of content, and the element that holds it (nil: the content
/// belongs to the innermost opened one, or, with nothing opened, to the enclosing element).
struct Tagging {
    var opens: [StructureTag] = []
    var leaf: StructureTag?

    func open(_ frame: inout Frame) {
        for tag in opens { frame.open(tag) }
        if let leaf { frame.open(leaf) }
    }
}

/// Baseline position inside a line box of height `leading`: the font's box centred in it.
func baselineOffset(_ line: ShapedLine, leading: Double) -> Double {
    (leading - (line.ascent + line.descent)) / 2 + line.ascent
}

/// Copies a shaped line's runs and links into a frame at (x, baseline). A link's runs go in a
/// `Link` element that starts with its annotation, so the words are read inside the link
/// (shapers give a link's words runs of their own).
func place(_ line: ShapedLine, in frame: inout Frame, x: Double, baseline: Double) {
    var open: Int?  // the link whose element is open
    var placed: Set<Int> = []
    for run in line.runs {
        let middle = run.point.x + run.item.width / 2
        let link = line.links.firstIndex { middle >= $0.x && middle <= $0.x + $0.width }
        if link != open {
            if open != nil { frame.close() }
            if let link {
                let area = line.links[link]
                frame.open(.link)
                frame.push(.link(url: area.url, Size(width: area.width, height: line.ascent + line.descent)),
                           at: Point(x: x + area.x, y: baseline - line.ascent))
                placed.insert(link)
            }
            open = link
        }
        frame.push(.glyphs(run.item), at: Point(x: x + run.point.x, y: baseline + run.point.y))
    }
    if open != nil { frame.close() }
    // A link no run falls in (nothing drawn for it) still works where it was measured.
    for (index, link) in line.links.enumerated() where !placed.contains(index) {
        frame.push(.link(url: link.url, Size(width: link.width, height: line.ascent + line.descent)),
                   at: Point(x: x + link.x, y: baseline - line.ascent))
    }
}

/// The line with a space after its last word, for text extraction and screen readers: where
/// nothing drawn separates two words read one after the other (a hard line break, a heading's
/// number and its title), they would run together ("ServicesAndrew", "1.Introduction"). The
/// space has no glyph in the shaped line; the canvas draws the font's (blank) space for it.
func endingWord(_ line: ShapedLine) -> ShapedLine {
    guard var last = line.runs.last, let character = last.item.text.last, !character.isWhitespace else { return line }
    var copy = line
    last.item.text += " "
    copy.runs[copy.runs.count - 1] = last
    return copy
}
