import QuireModel

/// The numbers the output prints for the body's paragraphs and sections, as the layout
/// counts them (every `#` a section, every top-level paragraph after the first section
/// numbered in the paragraph style, restarting per section unless `count: document`),
/// checked against the numbers the source printed.
///
/// Where they differ (a number given twice, one skipped, a paragraph without one among
/// numbered ones) the author is told what the output prints instead ("paragraph numbered 1.3
/// follows 1.1; the output prints 1.2"), and the map from the source's numbers to the
/// printed ones moves cross-references with their paragraphs (`rewriteReferences`).
struct Renumbering {
    /// Source number → printed number, as references write them ("2.3" → "2.2", "12" →
    /// "11", "2(11)" → "2(12)").
    var printed: [String: String] = [:]
    /// Source numbers given to more than one paragraph: a reference to one cannot be moved.
    var ambiguous: Set<String> = []
    /// Whether any number changes: without that, references are left alone.
    var changes: Bool { printed.contains { $0.key != $0.value } }
    /// Per block index, the section (as the source numbered it) it is in, for "(11)"-style
    /// references that name a paragraph of their own section.
    var sectionOfBlock: [Int: String] = [:]
}

func checkNumbering(_ body: BodyBuilt, options: NumberingOptions, notes: inout Notes) -> Renumbering {
    let style = options.paragraphs ?? .parenthesized
    let documentCount = options.count == .document
    var map = Renumbering()
    var seen: [String: Int] = [:]
    var section = 0, paragraph = 0
    var sourceSection = 0
    var lastSource: Marker?
    var lastOffset = 0
    // Unnumbered paragraphs of a section the source numbered none of get one warning.
    var unnumberedRun: [SourcePlace] = []
    var sectionHasNumbers = false

    func sectionHasSourceNumbers(from index: Int) -> Bool {
        for (block, origin) in zip(body.blocks[index...], body.origins[index...]).dropFirst() {
            if case .heading(1, _, _) = block { break }
            if origin.marker != nil { return true }
        }
        return false
    }
    func flushUnnumbered() {
        guard let first = unnumberedRun.first, style != .none else { unnumberedRun = []; return }
        let count = unnumberedRun.count
        notes.warn(first, count == 1 ? "a paragraph without a number in a numbered report; the output numbers it"
                                     : "\(count) paragraphs here have no numbers in the source; the output numbers them")
        unnumberedRun = []
    }

    for (index, (block, origin)) in zip(body.blocks, body.origins).enumerated() {
        switch block {
        case .heading(1, _, _):
            flushUnnumbered()
            section += 1
            if !documentCount { paragraph = 0; lastSource = nil; lastOffset = 0 }
            sourceSection = origin.sectionNumber?.first ?? section
            if let number = origin.sectionNumber?.first, options.sections != false, number != section {
                notes.warn(origin.place, "section numbered \(number) is the output's section \(section); the output prints \(section).")
                map.printed["section \(number)"] = "section \(section)"
            }
            sectionHasNumbers = sectionHasSourceNumbers(from: index)
        case .paragraph:
            map.sectionOfBlock[index] = String(sourceSection)
            guard section > 0, style != .none else {
                if let marker = origin.marker {
                    notes.warn(origin.place, "paragraph numbered \(marker.written) " + (section == 0 ? "comes before the first heading" : "is in a report the layout numbers no paragraphs of") + "; the output prints no number")
                }
                continue
            }
            paragraph += 1
            let printed = label(style, section: section, paragraph: paragraph)
            guard let marker = origin.marker else {
                if sectionHasNumbers {
                    notes.warn(origin.place, "paragraph without a number among numbered ones; the output prints \(printed), and the numbers after it here one more")
                    lastOffset -= 1
                } else {
                    unnumberedRun.append(origin.place)
                }
                continue
            }
            flushUnnumbered()
            let sourceKey = key(marker, style: style, documentCount: documentCount, section: sourceSection)
            let printedKey = key(printed: printed, style: style, documentCount: documentCount, section: section, paragraph: paragraph)
            seen[sourceKey, default: 0] += 1
            if seen[sourceKey]! > 1 { map.ambiguous.insert(sourceKey) }
            map.printed[sourceKey] = printedKey
            let written = displayed(marker, style: style)
            // Told where the numbers part: a paragraph whose number moves by as much as the
            // one before it is the same change going on.
            let offset = (marker.value ?? 0) - paragraph
            if written != printed, offset != lastOffset || sourceSectionOf(marker, sourceSection) != section {
                let context = lastSource.map { "follows \(displayed($0, style: style))" } ?? "opens its " + (documentCount ? "report" : "section")
                notes.warn(origin.place, "paragraph numbered \(written) \(context); the output prints \(printed)")
            }
            lastOffset = written == printed ? 0 : offset
            lastSource = marker
        default:
            continue
        }
    }
    flushUnnumbered()
    return map
}

/// The section a dotted marker names ("2.3" → 2), or the section it is in.
private func sourceSectionOf(_ marker: Marker, _ section: Int) -> Int {
    if case .dotted(let parts) = marker.form, parts.count >= 2 { return parts[0] }
    return section
}

/// A paragraph label in a style.
func label(_ style: ParagraphNumbering, section: Int, paragraph: Int) -> String {
    switch style {
    case .parenthesized: "(\(paragraph))"
    case .decimal: "\(section).\(paragraph)"
    case .period: "\(paragraph)."
    case .parenthesis: "\(paragraph))"
    case .none: ""
    }
}

/// A source marker as the output's style would write its number ("1.3", "(11)").
private func displayed(_ marker: Marker, style: ParagraphNumbering) -> String {
    switch marker.form {
    case .dotted(let parts): parts.map(String.init).joined(separator: ".")
    case .number(let n, _): label(style == .decimal ? .period : style, section: 0, paragraph: n)
    default: marker.written
    }
}

/// How a reference names a source paragraph: "2.3" (decimal), "12" (one count through the
/// report), "2(11)" (a count per section: section, then paragraph).
private func key(_ marker: Marker, style: ParagraphNumbering, documentCount: Bool, section: Int) -> String {
    switch marker.form {
    case .dotted(let parts): return parts.map(String.init).joined(separator: ".")
    case .number(let n, _): return documentCount ? String(n) : "\(section)(\(n))"
    default: return marker.written
    }
}

private func key(printed: String, style: ParagraphNumbering, documentCount: Bool, section: Int, paragraph: Int) -> String {
    switch style {
    case .decimal: "\(section).\(paragraph)"
    default: documentCount ? String(paragraph) : "\(section)(\(paragraph))"
    }
}
