import Foundation
import QuireModel

/// What the header rows gave besides the front matter's values.
struct StoredHeader {
    /// The recommendation list's printed label style ("1)", "(a)"), when it was a list.
    var recommendationStyle: ItemNumbering?
}

/// Puts each header row's value under its field, by the field's kind (people, a date, a
/// text, a list, contacts); a label the registry does not know, a second row for a field,
/// or a value that cannot be read for its kind (a date that is no date) goes to `fields:`
/// under the label as written, in order, so nothing is lost and nothing is forced.
func storeHeaderRows(_ rows: [HeaderRowRead], in matter: inout FrontMatter, notes: inout Notes, vocabulary: Set<String>) -> StoredHeader {
    var stored = StoredHeader()
    for row in rows {
        // The label is dropped (the layout prints its own) unless the row keeps it in `fields:`.
        var labelKept = false
        defer { if !labelKept { notes.drop(row.written, at: row.place, .label) } }
        if !row.label.lookalikes.isEmpty {
            let letters = row.label.lookalikes.map(describeLookalike).joined(separator: ", ")
            notes.warn(row.place, "label '\(tidiedText(row.written))' has look-alike letters (\(letters)); read as '\(row.label.label)'")
        }
        let text = valueText(row.pieces, vocabulary: vocabulary)
        func further() {
            guard !text.isEmpty else {
                notes.warn(row.place, "the '\(row.label.label)' row has no value; left out")
                return
            }
            matter.fields.append(HeaderField(label: row.label.label, value: text))
            labelKept = true
        }
        guard let field = row.label.field else {
            further()
            continue
        }
        // Where the row was, for messages about its value later (a moved cross-reference).
        if matter.lines[field.key] == nil { matter.lines[field.key] = row.place.line }
        switch field.kind {
        case .people:
            let people = readPeople(row.pieces.flatMap { $0.lines.isEmpty ? [$0.text] : $0.lines })
            guard !people.isEmpty else { further(); continue }
            matter.by += people
            if row.label.isFrom { matter.byIsFrom = true }
        case .date:
            labelKept = storeDate(row, text: text, in: &matter, notes: &notes)
        case .textList:
            let list = readListValue(row.pieces, notes: &notes)
            guard !list.entries.isEmpty else { further(); continue }
            if field == .recommendation, let style = list.style { stored.recommendationStyle = stored.recommendationStyle ?? style }
            matter[field] = .textList(matter.textList(field) + list.entries)
        case .text:
            if matter.has(field) {
                notes.warn(row.place, "'\(row.label.label)' is given twice; the second is kept as a further row")
                further()
            } else if !text.isEmpty {
                matter.setText(field, text)
            } else {
                notes.warn(row.place, "the '\(row.label.label)' row has no value; left out")
            }
        case .contacts:
            let contacts = readContacts(row.pieces.map { $0.lines.isEmpty ? [$0.text] : $0.lines }, notes: &notes, place: row.place)
            matter.contact += contacts.contacts
            if !contacts.leftOver.isEmpty {
                matter.fields.append(HeaderField(label: row.label.label, value: [.text(contacts.leftOver.joined(separator: " "))]))
                labelKept = true
            }
        case .name, .files, .rows, .numbering:
            further()
        }
    }
    return stored
}

/// A value's text: its pieces joined, a paragraph break where the source had one between
/// finished sentences, a space where a value ran on (a page break mid-sentence). Printed
/// markers stay in a text value ("(a)" inside a summary is the author's).
func valueText(_ pieces: [ValuePiece], vocabulary: Set<String>) -> [Inline] {
    var out: [Inline] = []
    for piece in pieces {
        let inlines = (piece.marker.map { [Inline.text($0.written + " ")] } ?? []) + piece.inlines
        if out.isEmpty {
            out = inlines.tidied
        } else if endsSentence(out.plainText) {
            out += [.lineBreak] + inlines.tidied
        } else {
            out = joinedInlines([out, inlines], vocabulary: vocabulary)
        }
    }
    return out
}

/// The Date row: its date as ISO, the rest of the value (a weekday, a time) kept as a
/// further row under the same label. True when the label is kept (in `fields:`).
private func storeDate(_ row: HeaderRowRead, text: [Inline], in matter: inout FrontMatter, notes: inout Notes) -> Bool {
    let plain = text.plainText
    guard let date = parseLegacyDate(plain), matter.date == nil else {
        if !plain.isEmpty {
            notes.warn(row.place, matter.date == nil ? "cannot read '\(plain)' as a date; kept as a further row — write date: YYYY-MM-DD"
                                                     : "a second date row ('\(plain)'); kept as a further row")
            matter.fields.append(HeaderField(label: row.label.label, value: text))
            return true
        }
        return false
    }
    matter.date = date.date
    notes.drop(String(plain[date.range]), at: row.place, .date)
    var rest = (String(plain[..<date.range.lowerBound]) + " " + String(plain[date.range.upperBound...])).trimmingCharacters(in: CharacterSet(charactersIn: " ,;–—-/"))
    // The same date again in another language ("18 November 2025 / 18 Tachwedd 2025").
    if let again = parseLegacyDate(rest), again.date == date.date {
        notes.drop(String(rest[again.range]), at: row.place, .date)
        rest = (String(rest[..<again.range.lowerBound]) + " " + String(rest[again.range.upperBound...])).trimmingCharacters(in: CharacterSet(charactersIn: " ,;–—-/"))
    }
    let leftover = rest.split(separator: " ").filter { !weekdays.contains($0.lowercased().trimmingCharacters(in: .punctuationCharacters)) }
    for word in rest.split(separator: " ") where weekdays.contains(word.lowercased().trimmingCharacters(in: .punctuationCharacters)) {
        notes.drop(String(word), at: row.place, .date)
    }
    if !leftover.isEmpty {
        matter.fields.append(HeaderField(label: row.label.label, value: [.text(tidiedText(leftover.joined(separator: " ")))]))
        notes.warn(row.place, "the date row gives more than the date ('\(tidiedText(rest))'); kept as a further '\(row.label.label)' row")
        return true
    }
    return false
}

private let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                     "dydd", "llun", "mawrth", "mercher", "iau", "gwener", "sadwrn", "sul"]

/// "To: County Council – 19th October 2017": without a Date row, the date comes from the To
/// row, which keeps the committee.
func takeDateFromTo(_ matter: inout FrontMatter, rows: [HeaderRowRead], notes: inout Notes) {
    guard matter.date == nil, let to = matter.text(.to), let date = parseLegacyDate(to.plainText),
          let row = rows.first(where: { $0.label.field == .to }) else { return }
    let plain = to.plainText
    let start = plain.distance(from: plain.startIndex, to: date.range.lowerBound)
    let end = plain.distance(from: plain.startIndex, to: date.range.upperBound)
    let written = String(plain[date.range])
    matter.date = date.date
    let before = to.slice(0..<start), after = to.dropping(first: end)
    let separators = CharacterSet(charactersIn: " \t,;–—-").union(.whitespaces)
    let kept = (trimmedEnd(before, separators) + trimmedStart(after, separators)).tidied
    matter.setText(.to, kept.isEmpty ? nil : kept)
    notes.drop(written, at: row.place, .date)
    // Separators and a weekday between the committee and the date go with the date.
    for word in plain.split(separator: " ") where weekdays.contains(word.lowercased().trimmingCharacters(in: .punctuationCharacters)) && !kept.plainText.contains(word) {
        notes.drop(String(word), at: row.place, .date)
    }
    notes.warn(row.place, "the To row gives the date ('\(written)'); read as date: \(date.iso)")
}

/// Inlines without the characters of `set` at their end.
private func trimmedEnd(_ inlines: [Inline], _ set: CharacterSet) -> [Inline] {
    let text = inlines.plainText
    let kept = text.reversed().drop { $0.unicodeScalars.allSatisfy(set.contains) }.count
    return inlines.slice(0..<kept)
}

private func trimmedStart(_ inlines: [Inline], _ set: CharacterSet) -> [Inline] {
    let text = inlines.plainText
    let dropped = text.prefix { $0.unicodeScalars.allSatisfy(set.contains) }.count
    return inlines.dropping(first: dropped)
}

/// A protective marking in the page furniture ("OFFICIAL") is the classification when the
/// header gives none.
func takeMarking(_ marking: String?, into matter: inout FrontMatter, notes: inout Notes, place: SourcePlace) {
    guard let marking, !matter.has(.classification) else { return }
    matter.setText(.classification, [.text(marking)])
    notes.takeFromFurniture(marking)
    notes.warn(place, "no Classification row; the protective marking '\(marking)' in the page headers or footers is used")
}
