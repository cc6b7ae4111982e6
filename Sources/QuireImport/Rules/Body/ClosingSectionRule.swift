import Foundation
import QuireModel

/// The closing sections the layout prints from the front matter: "Background documents"
/// (or papers) and "Contact details" (officers, contact), numbered or not, moved out of the
/// body into `background-documents:` and `contact:`.
///
/// Shapes:
/// ```
/// 5. Background Documents          a heading, then its entries (paragraphs or bullets)
/// None
/// Background papers: none          the value on the heading's line
/// 6. Contact details               a heading, then contacts (paragraphs of lines, or
/// Report Author:   Relevant Director:    two columns side by side: two contacts)
/// Jo Bloggs        Sam Sample
/// ```
/// A section runs to the next heading of the same or a higher rank. What cannot be read as
/// a contact stays in the body where it was, and is reported.
struct ClosingSections {
    var backgroundDocuments: [[Inline]] = []
    var contacts: [Contact] = []
    /// The body's units without the closing sections.
    var body: [BodyUnit] = []
}

private let closingTitle = #"^(?i:(background\s+(?:documents?|papers?|reading|information\s+papers?))|(contact\s+(?:details?|officers?|persons?|information)|contacts?|report\s+authors?|officer\s+contacts?))(?:\s*/\s*[^:/]{1,40})?\s*(?::\s*(.*?))?\s*$"#

func takeClosingSections(_ units: [BodyUnit], notes: inout Notes) -> ClosingSections {
    var out = ClosingSections()
    var index = 0
    while index < units.count {
        guard let (title, isContact, value, rank) = closingHeading(units[index]) else {
            out.body.append(units[index])
            index += 1
            continue
        }
        let place = units[index].place
        notes.drop(title, at: place, .closingHeading)
        if case .heading(let p, _) = units[index], let marker = p.marker { notes.drop(marker, at: place, .number) }
        var content: [BodyUnit] = []
        index += 1
        while index < units.count {
            // The next closing section, in either form, ends this one.
            if closingHeading(units[index]) != nil { break }
            if case .heading(let p, let heading) = units[index], heading.rank <= rank {
                // In contact details, a name alone on its line ("Jane Smith") or a line right
                // under a contact's ("Head of Safeguarding") is the contact's, not a section.
                let isName = isContact && p.marker == nil && personNameScore(p.text) > 0
                let underContact = isContact && p.marker == nil && content.last.map { unit in
                    if case .paragraph(let before, _) = unit { isAdjacent(p, after: before) }
                    else if case .heading(let before, _) = unit { isAdjacent(p, after: before) } else { false }
                } == true
                if !isName && !underContact { break }
            }
            content.append(units[index])
            index += 1
        }
        if isContact {
            var groups: [[String]] = value.map { [[$0]] } ?? []
            var previous: ImportParagraph?
            for unit in content {
                // Lines right under each other are one contact's, whatever blocks a reader made.
                let line: ImportParagraph? = switch unit {
                case .paragraph(let p, nil), .heading(let p, _): p
                default: nil
                }
                if let p = line, let before = previous, isAdjacent(p, after: before), !groups.isEmpty, contactColumns(p.lines) == nil {
                    groups[groups.count - 1] += p.lines.isEmpty ? [p.text] : p.lines
                    previous = p
                    continue
                }
                groups += contactGroups(unit)
                previous = line
            }
            let read = readContacts(groups, notes: &notes, place: place)
            out.contacts += read.contacts
            for line in read.leftOver {
                notes.warn(place, "in Contact details but no name found ('\(line)'); kept as a paragraph")
                out.body.append(.paragraph(ImportParagraph(inlines: [.text(line)], lines: [line], place: place), nil))
            }
            // Anything not made of lines (an image) stays in the body.
            out.body += content.filter { if case .image = $0 { true } else { false } }
        } else {
            if let value { out.backgroundDocuments.append([.text(value)]) }
            for unit in content {
                switch unit {
                case .paragraph(let p, let marker):
                    if let marker { notes.drop(marker.written, at: p.place, .number) }
                    if !p.inlines.tidied.isEmpty { out.backgroundDocuments.append(p.inlines.tidied) }
                case .heading(let p, _):
                    out.backgroundDocuments.append(p.inlines.tidied)
                case .table(let t):
                    for row in t.rows {
                        let text = row.filter { !$0.isCovered }.map(\.text).map(tidiedText).filter { !$0.isEmpty }.joined(separator: " – ")
                        if !text.isEmpty { out.backgroundDocuments.append([.text(text)]) }
                    }
                case .image:
                    out.body.append(unit)
                }
            }
        }
    }
    return out
}

/// A closing section's heading: its title as written, whether it is the contacts', a value
/// on its line, and its rank (a section heading's, or a paragraph's "Background papers: none"
/// as rank 0).
private func closingHeading(_ unit: BodyUnit) -> (title: String, isContact: Bool, value: String?, rank: Int)? {
    let text: String, rank: Int
    switch unit {
    case .heading(let p, let heading): (text, rank) = (tidiedText(p.text), heading.rank)
    case .paragraph(let p, nil) where p.lines.count <= 2: (text, rank) = (tidiedText(p.text), 0)
    default: return nil
    }
    guard let g = matchGroups(closingTitle, text) else { return nil }
    // A paragraph counts only with its value on the line ("Background papers: none").
    if case .paragraph = unit, g[2].isEmpty { return nil }
    let value = g[2].isEmpty ? nil : g[2]
    let title = value.flatMap { text.range(of: $0, options: .backwards) }.map { String(text[..<$0.lowerBound]) } ?? text
    return (title, !g[1].isEmpty, value, rank)
}

/// A contact section's unit as groups of lines: a paragraph's lines (two groups when it
/// holds two columns side by side), a table's columns (or its rows, when its columns do not
/// each hold a contact).
private func contactGroups(_ unit: BodyUnit) -> [[String]] {
    switch unit {
    case .paragraph(let p, _), .heading(let p, _):
        let lines = p.lines.isEmpty ? [p.text] : p.lines
        return contactColumns(lines) ?? [lines.map { line in
            // Two columns that are not two contacts ("Tel: 0300   Email: x@y") read as one line.
            splitAtGutter([line]).map { $0.map { [$0.left, $0.right].filter { !$0.isEmpty }.joined(separator: " ") }.joined(separator: " ") } ?? line
        }]
    case .table(let t):
        guard let width = t.rows.first?.count else { return [] }
        let columns = (0..<width).map { c in t.rows.compactMap { $0[c].isCovered ? nil : $0[c].text }.map(tidiedText).filter { !$0.isEmpty } }
        if width >= 2, columns.allSatisfy({ $0.contains { $0.contains("@") || personNameScore($0) > 0 } }) { return columns }
        return t.rows.map { row in row.filter { !$0.isCovered }.map(\.text).map(tidiedText).filter { !$0.isEmpty } }
    case .image:
        return []
    }
}
