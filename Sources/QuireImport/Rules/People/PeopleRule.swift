import Foundation
import QuireModel

/// People under "By:" / "From:" / "Report of": one or more per row, each "Name, role" or
/// "role, Name", roles wrapped over lines.
///
/// Shapes:
/// ```
/// By: Roger Gough, Cabinet Member for Specialist Children’s Services     Name, role
///     Andrew Ireland, Corporate Director, Families and Social Care       (commas in the role)
/// From: Deputy Leader and Cabinet Member for Parks, Leisure and          role, Name, the role
///       Open Spaces, Alex Example                                        wrapped over two lines
///       Director of Green Spaces, Sam Sample
/// Report of: Jo Bloggs, Director; Sam Sample, Head of Finance            several on one line
/// RESPONSIBLE OFFICER: DIRECTOR OF GREEN SPACES                          a post without a name
/// ```
/// Which part is the name is decided by which reads as a person's name (`personNameScore`);
/// a line that starts in lower case, or follows one ending in "and", "of", "for" or a comma,
/// continues the line before. A post with no name is kept whole as the name, so no word is
/// lost and nothing is invented.
func readPeople(_ lines: [String]) -> [Person] {
    var people: [Person] = []
    // Entries without a name one after another are one post wrapped over lines.
    var entries: [String] = []
    for entry in peopleEntries(lines) {
        if let last = entries.last, splitNameAndRole(last).person == nil, splitNameAndRole(entry).person == nil {
            entries[entries.count - 1] = last + " " + entry
        } else {
            entries.append(entry)
        }
    }
    for entry in entries {
        let parts = splitNameAndRole(entry)
        if let person = parts.person {
            people.append(person)
        } else if let last = people.last, let continuation = parts.unnamed, isRoleContinuation(continuation) {
            people[people.count - 1].role = [last.role, continuation].compactMap { $0 }.joined(separator: ", ")
        } else {
            people.append(Person(name: entry, role: nil))
        }
    }
    return people
}

/// The lines joined where one continues the last, then split at semicolons: one entry per
/// person.
func peopleEntries(_ lines: [String]) -> [String] {
    var joined: [String] = []
    for raw in lines {
        let line = tidiedText(raw)
        guard !line.isEmpty else { continue }
        if let last = joined.last, continuesLine(last, with: line) {
            joined[joined.count - 1] = last + " " + line
        } else {
            joined.append(line)
        }
    }
    return joined.flatMap { $0.split(separator: ";").map { tidiedText(String($0)) } }.filter { !$0.isEmpty }
}

/// Whether `line` goes on with `previous`: it starts in lower case or with "&", or the line
/// before stopped on a joining word or a comma.
private func continuesLine(_ previous: String, with line: String) -> Bool {
    if let first = line.first, first.isLowercase || first == "&" { return true }
    let lastWord = previous.split(separator: " ").last.map { $0.lowercased() } ?? ""
    return ["and", "of", "for", "&", "the", "to", "in", "with", "-", "–"].contains(lastWord) || previous.hasSuffix(",")
}

/// One entry's person: the part reading as a name, the rest the role. `unnamed` is the
/// entry when no part reads as a name.
private func splitNameAndRole(_ entry: String) -> (person: Person?, unnamed: String?) {
    var parts = entry.split(separator: ",").map { tidiedText(String($0)) }.filter { !$0.isEmpty }
    // "Alex Example – Cabinet Member for Parks": a dash where others write a comma.
    if parts.count == 1, let dash = entry.range(of: #"\s[–—-]\s"#, options: .regularExpression) {
        parts = [tidiedText(String(entry[..<dash.lowerBound])), tidiedText(String(entry[dash.upperBound...]))]
    }
    guard let first = parts.first else { return (nil, entry) }
    if parts.count == 1 { return readsAsPersonName(first) ? (Person(name: first, role: nil), nil) : (nil, entry) }
    let last = parts[parts.count - 1]
    let firstScore = personNameScore(first), lastScore = personNameScore(last)
    if firstScore > 0, firstScore >= lastScore {
        return (Person(name: first, role: parts.dropFirst().joined(separator: ", ")), nil)
    }
    if lastScore > 0 {
        return (Person(name: last, role: parts.dropLast().joined(separator: ", ")), nil)
    }
    return (nil, entry)
}

/// A line with no name after a named person is more of that person's role only when it
/// reads as one (a department or post, not a sentence).
private func isRoleContinuation(_ text: String) -> Bool {
    !text.contains(".") && text.split(separator: " ").count <= 12
}
