import QuireModel

/// The source's paragraph numbering style: which printed numbers number the body's
/// paragraphs (as against items of a list), and whether the count restarts in each section.
///
/// Shapes: "(1)" (older county papers), "1.1" (section, then paragraph: most councils),
/// "1." and "1)" (a plain count, often one count through the whole report). The style is the
/// one most paragraphs carry, not counting runs of numbers that follow a lead-in ending in
/// ":" ("The Committee is asked to:" then "1) …", "2) …"), which are lists.
struct ParagraphStyleRead {
    var style: ParagraphNumbering?
    var count: NumberingCount?
}

/// The paragraph style a marker is written in, for a marker that could number a paragraph.
func paragraphStyle(of marker: Marker) -> ParagraphNumbering? {
    switch marker.form {
    case .number(_, let style): style
    case .dotted(let parts) where parts.count == 2: .decimal
    default: nil
    }
}

func readParagraphStyle(_ units: [BodyUnit]) -> ParagraphStyleRead {
    var counts: [ParagraphNumbering: Int] = [:]
    var afterLeadIn: ParagraphNumbering?
    var previousText = ""
    for unit in units {
        switch unit {
        case .paragraph(let p, let marker):
            if let marker, let style = paragraphStyle(of: marker) {
                if previousText.hasSuffix(":") || afterLeadIn == style {
                    afterLeadIn = style
                } else {
                    counts[style, default: 0] += 1
                    afterLeadIn = nil
                }
            } else {
                afterLeadIn = nil
            }
            previousText = tidiedText(p.text)
        case .heading:
            afterLeadIn = nil
            previousText = ""
        case .table, .image:
            previousText = ""
        }
    }
    let preference: [ParagraphNumbering] = [.decimal, .parenthesized, .period, .parenthesis]
    guard let style = counts.max(by: { a, b in
        a.value != b.value ? a.value < b.value : preference.firstIndex(of: a.key)! > preference.firstIndex(of: b.key)!
    })?.key else { return ParagraphStyleRead(style: nil, count: nil) }
    return ParagraphStyleRead(style: style, count: style == .decimal ? nil : readCount(units, style: style))
}

/// Whether numbers of `style` restart after each heading or run on through the report:
/// the first number after a heading is 1 (restart) or one more than the last (runs on).
private func readCount(_ units: [BodyUnit], style: ParagraphNumbering) -> NumberingCount? {
    var restarts = 0, runsOn = 0
    var last: Int?
    var afterHeading = false
    for unit in units {
        switch unit {
        case .heading(_, let heading) where heading.level == 1:
            afterHeading = true
        case .paragraph(_, let marker?):
            guard paragraphStyle(of: marker) == style, let value = marker.value else { continue }
            if afterHeading, let previous = last {
                if value == 1, previous >= 1 { restarts += 1 } else if value == previous + 1 { runsOn += 1 }
            }
            afterHeading = false
            last = value
        default:
            continue
        }
    }
    if runsOn > restarts { return .document }
    return restarts > 0 ? .section : nil
}
