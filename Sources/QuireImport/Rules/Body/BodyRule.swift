import QuireModel

/// Where a top-level body block came from, for the numbering check and cross-references.
struct BlockOrigin {
    var place: SourcePlace
    /// A paragraph's printed number, read (nil: none).
    var marker: Marker?
    /// A heading's printed section number.
    var sectionNumber: [Int]?
}

/// The body as Quire blocks, with the numbering the source showed.
struct BodyBuilt {
    var blocks: [Block] = []
    /// One per block of `blocks`.
    var origins: [BlockOrigin] = []
    /// The numbering options that reproduce the source's style.
    var numbering = NumberingOptions()
    /// Each ordered list's label style, by depth.
    var itemStyles: [ListBuilder.StyleUse] = []
}

/// The body's units as Quire blocks: headings at their levels, numbered paragraphs (their
/// numbers taken off: Quire numbers from order), lists nested, tables with captions,
/// images; and the numbering options the source's numbers show (`readParagraphStyle`).
func buildBody(_ units: [BodyUnit], notes: inout Notes) -> BodyBuilt {
    let units = resolveHeadingLevels(units)
    let paragraphs = readParagraphStyle(units)
    // Where the body's own text starts: the indent most of its paragraphs (unmarked, or
    // numbered in the paragraph style) have; an item's further paragraph is deeper.
    let bodyIndent = mostCommon(units.compactMap { unit -> Double? in
        guard case .paragraph(let p, let marker) = unit else { return nil }
        return marker == nil || (paragraphs.style != nil && paragraphStyle(of: marker!) == paragraphs.style) ? p.indent : nil
    }) ?? 0
    var lists = ListBuilder(bodyIndent: bodyIndent)
    var built = BodyBuilt()
    var previousText = ""
    var leadInItems = false
    var lastNumber: Int?
    /// Source lines of the paragraph the body ends with (a page-broken one counts all).
    var lastParagraphLines = 0

    func closeLists() {
        for list in lists.close() {
            built.blocks.append(list)
            built.origins.append(BlockOrigin(place: SourcePlace(line: list.line), marker: nil))
        }
        built.itemStyles += lists.styles
        lists = ListBuilder(bodyIndent: bodyIndent)
    }

    for unit in units {
        switch unit {
        case .heading(let p, let heading):
            closeLists()
            if let marker = p.marker { notes.drop(marker, at: p.place, .number) }
            // The layout sets headings in its own weight: bold throughout is the source's look.
            let title = p.inlines.isAllStrong ? p.inlines.flatMap { if case .strong(let inner) = $0 { inner } else { [$0] } }.tidied : p.inlines.tidied
            built.blocks.append(.heading(level: heading.level, title, line: p.place.line))
            built.origins.append(BlockOrigin(place: p.place, marker: nil, sectionNumber: heading.number))
            previousText = ""
            leadInItems = false
        case .paragraph(let p, let marker):
            let inlines = normaliseRunInHeading(p.inlines.tidied)
            let continuing = marker == nil && !lists.isOpen && continuesParagraph(p, after: built.blocks.last, lines: lastParagraphLines)
            if let marker {
                notes.drop(marker.written, at: p.place, .number)
                let isParagraphStyle = paragraphs.style != nil && paragraphStyle(of: marker) == paragraphs.style
                // "1." items after "The Committee is asked to:" in a report numbered "1.": a
                // list opening at 1 where the paragraph count is further on.
                if isParagraphStyle, paragraphs.style != .decimal, let value = marker.value,
                   (previousText.hasSuffix(":") && value == 1 && (lastNumber ?? 0) >= 1) || (leadInItems && lists.isOpen) {
                    leadInItems = true
                    lists.add(marker, p, inlines: inlines, notes: &notes)
                } else if isParagraphStyle {
                    closeLists()
                    leadInItems = false
                    lastNumber = marker.value
                    built.blocks.append(.paragraph(inlines, line: p.place.line))
                    built.origins.append(BlockOrigin(place: p.place, marker: marker))
                } else {
                    lists.add(marker, p, inlines: inlines, notes: &notes)
                }
            } else if lists.isOpen, lists.continues(p) {
                lists.addParagraph(inlines, line: p.place.line)
            } else if !lists.isOpen, continuesParagraph(p, after: built.blocks.last, lines: lastParagraphLines), case .paragraph(let before, let line)? = built.blocks.last {
                // A paragraph carried over a page break: it goes on in lower case after one that
                // did not end its sentence.
                built.blocks[built.blocks.count - 1] = .paragraph(joinedInlines([before, inlines]), line: line)
            } else {
                closeLists()
                leadInItems = false
                if !inlines.isEmpty {
                    built.blocks.append(.paragraph(inlines, line: p.place.line))
                    built.origins.append(BlockOrigin(place: p.place, marker: nil))
                }
            }
            previousText = tidiedText(p.text)
            lastParagraphLines = (continuing ? lastParagraphLines : 0) + max(1, p.lines.count)
        case .table(let t):
            closeLists()
            var caption: [Inline]?
            // "Table 1: …" just above, unnumbered, captions it.
            if case .paragraph(let text, _)? = built.blocks.last, built.origins.last?.marker == nil, isTableCaption(text.plainText) {
                caption = text
                built.blocks.removeLast()
                built.origins.removeLast()
            }
            built.blocks.append(.table(convertTable(t, caption: caption)))
            built.origins.append(BlockOrigin(place: t.place, marker: nil))
            previousText = ""
        case .image(let image):
            closeLists()
            built.blocks.append(.image(path: image.name, alt: image.alt, line: image.place.line))
            built.origins.append(BlockOrigin(place: image.place, marker: nil))
            previousText = ""
        }
    }
    closeLists()
    built.numbering = detectedNumbering(units, paragraphs: paragraphs, itemStyles: built.itemStyles)
    return built
}

/// The options that reproduce what the source printed: sections numbered or not, the
/// paragraph style and count, the item labels by depth.
private func detectedNumbering(_ units: [BodyUnit], paragraphs: ParagraphStyleRead, itemStyles: [ListBuilder.StyleUse]) -> NumberingOptions {
    var options = NumberingOptions()
    let sections = units.compactMap { if case .heading(_, let h) = $0, h.level == 1 { h } else { nil } }
    if !sections.isEmpty {
        options.sections = sections.filter { $0.number != nil }.count * 2 >= sections.count
        options.paragraphs = paragraphs.style ?? ParagraphNumbering.none
    } else if let style = paragraphs.style {
        options.paragraphs = style
    }
    options.count = paragraphs.count
    if let deepest = itemStyles.map(\.depth).max() {
        let items = (0...deepest).map { depth in mostCommon(itemStyles.filter { $0.depth == depth }.map(\.style)) }
        if items.allSatisfy({ $0 != nil }) { options.items = items.compactMap { $0 } }
        else if let first = items.first, let first { options.items = [first] }
    }
    return options
}

/// Whether a paragraph without a marker continues the paragraph before it, broken by a page:
/// the one before did not end its sentence, and this one starts in lower case or the one
/// before ran over several lines (a one-line caption or name without a full stop is no
/// broken paragraph).
private func continuesParagraph(_ p: ImportParagraph, after block: Block?, lines: Int) -> Bool {
    guard case .paragraph(let before, _)? = block, let first = p.text.first(where: { !$0.isWhitespace }), !endsSentence(before.plainText) else { return false }
    return first.isLowercase || lines >= 2
}

/// The value seen most often (the first of equals), or nil for none.
func mostCommon<T: Hashable>(_ values: [T]) -> T? {
    var counts: [T: Int] = [:]
    for value in values { counts[value, default: 0] += 1 }
    return values.first { counts[$0] == counts.values.max() }
}
