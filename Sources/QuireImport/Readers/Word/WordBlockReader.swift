import Foundation
import QuireModel

/// Reads the blocks of one story of a document (the body, a header, a footer, the notes) in
/// document order: paragraphs with the marker Word's numbering prints for them, tables with
/// their merged cells, images with their alt text, and the contents of content controls and
/// text boxes where they stand. Every paragraph of the body counts as a line of the source,
/// for places in warnings.
final class WordBlockReader {
    let context: WordContext
    /// The part being read ("word/document.xml") and what its `r:id`s point at.
    let part: String
    let relationships: WordRelationships
    /// For a header, footer or note: no furniture is set aside from page-number fields (the
    /// whole story is furniture, or a note), and places do not count as body lines.
    let isBody: Bool
    var counters = ListCounters()
    /// Paragraphs read so far: the 1-based place of the next is this plus one.
    private(set) var paragraphCount = 0
    /// Fields open across runs (and paragraphs: a table of contents spans many).
    var fields: [WordField] = []

    init(context: WordContext, part: String, relationships: WordRelationships, isBody: Bool) {
        self.context = context
        self.part = part
        self.relationships = relationships
        self.isBody = isBody
    }

    /// Nesting of tables in cells and text boxes in paragraphs, bounded.
    private var depth = 0
    static let maxDepth = 32

    /// The blocks of a container (`w:body`, `w:tc`, `w:txbxContent`, `w:hdr`, `w:footnote`).
    func readBlocks(_ container: WordElement) -> [ImportBlock] {
        guard depth < WordBlockReader.maxDepth else {
            context.notice("content nested more than \(WordBlockReader.maxDepth) deep (tables in tables, text boxes in text boxes) is not read",
                           at: SourcePlace(line: max(1, paragraphCount)))
            return []
        }
        depth += 1
        defer { depth -= 1 }
        var blocks: [ImportBlock] = []
        var spacing = SpacingTracker()
        for child in blockChildren(container) {
            switch child.name {
            case "w:p":
                let read = readParagraph(child)
                spacing.paragraph(read, into: &blocks)
            case "w:tbl":
                spacing.other(into: &blocks)
                blocks += readTable(child)
            case "w:altChunk":
                context.notice("a document embedded whole (w:altChunk) is not read; paste its text into the document itself",
                               at: SourcePlace(line: max(1, paragraphCount)))
            default: break
            }
        }
        spacing.end(into: &blocks)
        return blocks
    }

    /// The block-level children, with content controls, custom XML and alternate content
    /// opened where they stand.
    private func blockChildren(_ container: WordElement) -> [WordElement] {
        var out: [WordElement] = []
        for child in container.children {
            switch child.name {
            case "w:sdt": out += child.child("w:sdtContent").map(blockChildren) ?? []
            case "w:customXml", "w:smartTag": out += blockChildren(child)
            case "mc:AlternateContent": out += alternative(child).map(blockChildren) ?? []
            case "w:ins", "w:moveTo": out += blockChildren(child)
            default: out.append(child)
            }
        }
        return out
    }

    /// The branch of an `mc:AlternateContent` to read: its first choice (what current Word
    /// shows), else its fallback.
    func alternative(_ element: WordElement) -> WordElement? {
        element.child("mc:Choice") ?? element.child("mc:Fallback")
    }

    /// A paragraph as read, with what stands around it for the spacing pass.
    struct ReadParagraph {
        var blocks: [ImportBlock] = []
        /// Index in `blocks` of the paragraph itself, nil when it had no text.
        var paragraphIndex: Int?
        var spaceBefore = 0
        var spaceAfter = 0
        var style: String?
        var contextual = false
    }

    /// Reads a `w:p`: its text as inlines with the marker split off, what its style and
    /// numbering say, and the images and text boxes it holds, as blocks in order.
    func readParagraph(_ element: WordElement) -> ReadParagraph {
        paragraphCount += 1
        let place = SourcePlace(line: paragraphCount)
        let pPr = element.child("w:pPr")
        let styleID = pPr?.child("w:pStyle")?["w:val"]
        let direct = ParagraphFormat(pPr)
        let styled = context.styles.paragraphFormat(styleID)
        // Numbering: the paragraph's own w:numPr over its style's; numId 0 takes it away.
        let numID = direct.numID ?? styled.numID
        let level = direct.level ?? styled.level ?? 0
        let listLevel = numID.flatMap { $0 == "0" ? nil : context.numbering.level($0, level) }
        let format = direct.over((listLevel?.paragraph ?? ParagraphFormat()).over(styled))

        var state = RunState(place: place, base: context.styles.runFormat(paragraphStyle: styleID))
        walkRuns(element.children.filter { $0.name != "w:pPr" }, link: nil, state: &state)

        var read = ReadParagraph(spaceBefore: format.spaceBefore ?? 0, spaceAfter: format.spaceAfter ?? 0, style: styleID,
                                 contextual: format.contextual ?? false)
        var marker: String?
        var markerIndent: Double?
        if let numID, listLevel != nil {
            // Word prints the number even on an empty paragraph, so it counts there too.
            marker = counters.marker(numID, level: level, in: context.numbering)
            if marker != nil { markerIndent = format.indent.firstLineStart }
        }
        var pieces = state.pieces
        let text = pieces.plainText
        if !state.setAside.isEmpty {
            context.setAside(state.setAside, at: place, reason: state.setAsideReason)
        }
        if marker == nil, let (typed, length) = typedMarker(text) {
            marker = typed
            markerIndent = format.indent.firstLineStart
            pieces = pieces.dropping(first: length)
        }
        let visible = pieces.plainText
        if !visible.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || !pieces.notes.isEmpty {
            let allBold = pieces.allCharacters { bold, _ in bold }
            let allItalic = pieces.allCharacters { _, italic in italic }
            var (inlines, references) = pieces.inlines(allBold: allBold, allItalic: allItalic)
            // Each footnote goes into the text at its reference (the last first, so the earlier
            // positions stand), as the model holds notes: the rules and the writer carry it.
            for reference in references.reversed() {
                if let note = context.notes[reference.key] {
                    inlines.insert(.note(note), at: min(reference.at, inlines.count))
                } else {
                    context.notice("a footnote reference whose note is missing from the document (its number is dropped)", at: place)
                }
            }
            let lines = ((marker.map { $0 + " " } ?? "") + visible).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let heading = context.styles.headingLevel(styleID) ?? direct.outlineLevel.flatMap { (0...8).contains($0) ? $0 + 1 : nil }
            let paragraph = ImportParagraph(
                inlines: inlines, marker: marker, lines: lines, place: place, indent: format.indent.textStart, markerIndent: markerIndent,
                sizeRatio: state.dominantSize ?? context.styles.defaultRun.size ?? 10, isBold: allBold, isItalic: allItalic,
                boxed: format.boxed ?? false, headingLevel: heading, styleName: styleID == nil && context.styles.name(nil) == nil ? nil : context.styles.name(styleID))
            if isBody { state.countSizes(into: context) }
            read.paragraphIndex = state.imagesFirst ? state.blocks.count : 0
            read.blocks = [.paragraph(paragraph)]
        }
        if state.imagesFirst {
            read.blocks = state.blocks + read.blocks
        } else {
            read.blocks += state.blocks
        }
        return read
    }

    /// A number or bullet typed at the start of a paragraph ("1.1<tab>The council…", "(a) …",
    /// "• …"), as printed, and how many characters it takes; nil unless text follows it. A
    /// lone letter "o" counts only before a tab (it is a word too).
    private func typedMarker(_ text: String) -> (String, Int)? {
        let leading = text.prefix { $0 == " " || $0 == "\t" }
        let rest = text.dropFirst(leading.count)
        guard let end = rest.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }) else { return nil }
        let word = String(rest[..<end])
        let after = rest[end...].drop { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
        guard !after.isEmpty, !after.hasPrefix("\n"), isMarker(word) else { return nil }
        if word == "o" || word == "-", rest[end] != "\t" { return nil }
        return (word, leading.count + word.count)
    }
}

/// Sets `isolated` on each paragraph of a container: space (paragraph spacing, an empty
/// paragraph, the container's edge, a table) on both sides of it, as a blank line does in a
/// text export.
struct SpacingTracker {
    private var previous: (block: Int, gapBefore: Bool, after: Int, style: String?, contextual: Bool)?
    private var gapPending = true

    mutating func paragraph(_ read: WordBlockReader.ReadParagraph, into blocks: inout [ImportBlock]) {
        guard let own = read.paragraphIndex else {
            // An empty paragraph is a blank line; images and text boxes stand apart too.
            close(gap: true, into: &blocks)
            blocks += read.blocks
            gapPending = true
            return
        }
        let sameContextual = read.contextual && previous?.contextual == true && previous?.style == read.style
        let gap = gapPending || (!sameContextual && (read.spaceBefore > 0 || (previous?.after ?? 0) > 0))
        close(gap: gap, into: &blocks)
        previous = (blocks.count + own, gap, read.spaceAfter, read.style, read.contextual)
        blocks += read.blocks
        gapPending = read.blocks.count > 1
    }

    mutating func other(into blocks: inout [ImportBlock]) {
        close(gap: true, into: &blocks)
        gapPending = true
    }

    mutating func end(into blocks: inout [ImportBlock]) { close(gap: true, into: &blocks) }

    private mutating func close(gap: Bool, into blocks: inout [ImportBlock]) {
        guard let last = previous else { return }
        if case .paragraph(var p) = blocks[last.block] {
            p.isolated = last.gapBefore && gap
            blocks[last.block] = .paragraph(p)
        }
        previous = nil
    }
}
