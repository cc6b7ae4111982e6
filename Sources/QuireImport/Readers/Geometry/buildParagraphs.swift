import Foundation
import FoundationEssentials
public import QuireModel

/// Lines of running text → paragraphs, in order. A new paragraph starts at
/// - a paragraph gap (blank line, paragraph spacing), or a change of box or (PDF) of size or weight;
/// - a line opening with a marker, when the marker stands apart (a gutter after it), or the
///   line above was short or ended a sentence: "2.3 of the report" after a full line goes on;
/// - a line after a short one (its first word would have fitted on the line above:
///   `WrapGauge.wraps`) unless the short one stopped mid-sentence and the line goes on in
///   lowercase, or a line set out of line with the paragraph's own lines.
/// Each paragraph's marker is split off and its lines joined, hyphenation rejoined by the
/// paper's own spellings (`dehyphenate`); in a table cell (`breaksWords`) a word the narrow
/// column broke without a hyphen is rejoined too (`continuesBrokenWord`).
func buildParagraphs(_ lines: [FlowLine], gauge: WrapGauge, left: Double, context: ReadContext, breaksWords: Bool = false) -> [ImportParagraph] {
    paragraphGroups(lines, gauge: gauge, left: left, context: context, breaksWords: breaksWords).map(\.paragraph)
}

/// `buildParagraphs`, each paragraph with the lines it was made from.
func paragraphGroups(_ lines: [FlowLine], gauge: WrapGauge, left: Double, context: ReadContext, breaksWords: Bool = false) -> [(paragraph: ImportParagraph, lines: [FlowLine])] {
    var groups: [[FlowLine]] = []
    for line in lines {
        if let paragraph = groups.last, let previous = paragraph.last, !startsParagraph(line, after: previous, in: paragraph, gauge: gauge, route: context.route) {
            groups[groups.count - 1].append(line)
        } else {
            groups.append([line])
        }
    }
    return groups.enumerated().map { index, group in
        let gapAfter = index + 1 < groups.count ? groups[index + 1][0].gapBefore : true
        return (makeParagraph(group, left: left, isolated: group[0].gapBefore && gapAfter, context: context, breaksWords: breaksWords), group)
    }
}

/// Whether `line` opens a new paragraph after `previous`, the last line of `paragraph`.
private func startsParagraph(_ line: FlowLine, after previous: FlowLine, in paragraph: [FlowLine], gauge: WrapGauge, route: PageRoute) -> Bool {
    if line.gapBefore || line.boxed != previous.boxed { return true }
    let a = previous.line, b = line.line
    if route == .pdf {
        if abs(a.size - b.size) > 0.12 * max(a.size, b.size) { return true }
        if a.words.allSatisfy(\.style.bold) != b.words.allSatisfy(\.style.bold) { return true }
    }
    let space = gauge.space(a)
    if let marker = openingMarker(b.words), acceptsMarker(marker, words: b.words) {
        let standsApart = marker.gluedRest == nil && line.phrases.count >= 2 && line.phrases[0].words.count == 1
        if standsApart || !gauge.wraps(a, into: b) || endsSentence(sourceText(a.words, route: route)) { return true }
        return false
    }
    // A line that stops mid-sentence above one that goes on in lowercase is one paragraph,
    // however short (text set narrower than the page: a panel, a cell).
    let runsOn = b.words.first?.text.first?.isLowercase == true && !endsSentence(sourceText(a.words, route: route))
    if !runsOn, !gauge.wraps(a, into: b) { return true }
    // Out of line with the paragraph: its continuation lines all start at one place, and its
    // second line may only start where a hanging or indented first line lets it.
    if paragraph.count >= 2 {
        return abs(b.x0 - paragraph[1].line.x0) > 1.5 * space
    }
    if let marker = openingMarker(a.words) {
        let markerX = a.x0, textX = marker.gluedRest == nil ? a.words[1].x0 : a.x0
        return b.x0 < markerX - 1.5 * space || b.x0 > textX + 1.5 * space
    }
    return b.x0 > a.x0 + 1.5 * space
}

/// One paragraph from its lines: marker split off, text joined with its bold and italic spans.
func makeParagraph(_ group: [FlowLine], left: Double, isolated: Bool, context: ReadContext, breaksWords: Bool = false) -> ImportParagraph {
    let first = group[0].line
    var words = group.map(\.line.words)
    var marker: String?
    var markerX: Double?
    var textX = first.x0
    if let found = openingMarker(first.words), acceptsMarker(found, words: first.words) {
        marker = found.text
        markerX = first.x0
        if let rest = found.gluedRest {
            let word = first.words[0]
            let share = Double(found.text.count) / Double(max(1, word.text.count))
            words[0][0].text = rest
            words[0][0].x0 = word.x0 + word.width * share
            textX = words[0][0].x0
        } else {
            words[0].removeFirst()
            textX = words[0].first?.x0 ?? first.x1
        }
    }
    let textWords = words.flatMap { $0 }
    let inlines = styledInlines(words, vocabulary: context.vocabulary, breaksWords: breaksWords)
    let sizes = textWords.map(\.style.size).filter { $0 > 0 }.sorted()
    let size = sizes.isEmpty ? 0 : sizes[sizes.count / 2]
    let allBold = !textWords.isEmpty && textWords.allSatisfy(\.style.bold)
    let allItalic = !textWords.isEmpty && textWords.allSatisfy(\.style.italic)
    return ImportParagraph(
        inlines: inlines.flattened(bold: allBold, italic: allItalic), marker: marker,
        lines: group.map { sourceText($0.line.words, route: context.route) },
        place: SourcePlace(line: first.number, page: first.page),
        indent: textX - left, markerIndent: markerX.map { $0 - left },
        sizeRatio: context.bodySize > 0 && size > 0 ? size / context.bodySize : 1,
        isBold: allBold, isItalic: allItalic, isolated: isolated, boxed: group.allSatisfy(\.boxed))
}

/// A marker at a paragraph's start is taken unless it reads as a figure: "2.3 of the report",
/// "1.5 million" (a decimal number before a lowercase word).
func acceptsMarker(_ marker: OpeningMarker, words: [PageWord]) -> Bool {
    guard marker.gluedRest == nil, marker.text.range(of: #"^\d+\.\d+$"#, options: .regularExpression) != nil, words.count > 1 else { return true }
    return !(words[1].text.first?.isLowercase ?? false)
}
