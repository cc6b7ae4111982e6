import QuireModel

/// Paragraphs a reader left apart at a line end that ended neither: the next line, right
/// under it, starts in lower case (or the line before broke a word with a hyphen), so it goes
/// on with the paragraph above. A text export without indentation shows wrapped lines only so.
///
/// Shape:
/// ```
/// Summary: This report describes the safe-      one paragraph: "safeguarding",
/// guarding of children                          "… of children and the challenges
/// and the challenges ahead.                     ahead."
/// (a) NOTE the report                           an item and its wrapped line
/// in full
/// ```
/// A line with a marker, or after a blank line, is never joined here (a page break inside a
/// paragraph is the body's rule, `continuesParagraph`).
func joinContinuedLines(_ blocks: [ImportBlock], vocabulary: Set<String>) -> [ImportBlock] {
    var out: [ImportBlock] = []
    for block in blocks {
        guard case .paragraph(let p) = block, case .paragraph(var before)? = out.last, continues(p, after: before) else {
            out.append(block)
            continue
        }
        before.inlines = joinedInlines([before.inlines, p.inlines], vocabulary: vocabulary)
        before.lines += p.lines
        before.isolated = p.isolated
        out[out.count - 1] = .paragraph(before)
    }
    return out
}

private func continues(_ p: ImportParagraph, after before: ImportParagraph) -> Bool {
    guard p.marker == nil, p.headingLevel == nil, before.headingLevel == nil, isAdjacent(p, after: before), let first = p.text.first(where: { !$0.isWhitespace }) else { return false }
    let last = before.text.last(where: { !$0.isWhitespace })
    return first.isLowercase || (last == "-" && first.isLetter)
}

/// A dash a reader took for a bullet before a printed number: "- (1) The report …" (old
/// exports numbered paragraphs so) is the number "(1)" with its dash, not a bullet item.
func joinDashedNumbers(_ blocks: [ImportBlock]) -> [ImportBlock] {
    blocks.map { block in
        guard case .paragraph(var p) = block, let marker = p.marker, ["-", "–", "•"].contains(marker),
              let g = matchGroups(#"^(\(\d{1,3}\))\s+\S"#, p.text) else { return block }
        p.marker = marker + " " + g[0]
        p.inlines = p.inlines.dropping(first: g[0].count).tidied
        return .paragraph(p)
    }
}

/// Whether `p` is the line right under `before` (no blank line between, same page).
func isAdjacent(_ p: ImportParagraph, after before: ImportParagraph) -> Bool {
    p.place.page == before.place.page && p.place.line == before.place.line + max(1, before.lines.count)
}
