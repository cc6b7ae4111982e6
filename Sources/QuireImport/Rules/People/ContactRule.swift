import Foundation
import QuireModel

/// Contacts from groups of lines (a "Contact details" section's paragraphs, a contact
/// column): one contact per group, a group with several emails split after each.
///
/// Shapes:
/// ```
/// Mark Janaway, Programme and Performance Manager      "Name, role" (or "role, Name")
/// Kent Safeguarding Children Board                     more of the role
/// 03000 417103                                         a phone number anywhere
/// mark.janaway@kent.gov.uk                             an email anywhere
/// Tel: 03000 123456 / Email: jo@x.gov.uk               labels dropped
/// Report Author:                                       a column's heading label, dropped
/// Mark Janaway Programme and Performance Manager …     a name run into its role: the
///                                                      words spelling the email's name
/// ```
/// A group with a phone or email but no name is returned as left over.
func readContacts(_ groups: [[String]], notes: inout Notes, place: SourcePlace) -> (contacts: [Contact], leftOver: [String]) {
    var contacts: [Contact] = []
    var leftOver: [String] = []
    for group in groups.flatMap(splitAfterEmails) {
        var email: String?, phone: String?
        var pieces: [String] = []
        for raw in group {
            var text = tidiedText(raw)
            if let label = matchGroups(contactLabel, text) {
                notes.drop(label[0], at: place, .label)
                text = String(text.dropFirst(label[0].count))
            }
            if email == nil, let found = matchGroups(#"([A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})"#, text) {
                email = found[0]
                text = text.replacingOccurrences(of: found[0], with: " ")
            }
            if phone == nil, let found = matchGroups(#"((?:\+\d{1,3}[\s-]?)?\(?0\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?:\s*(?:ext\.?|extension)\s*\d+)?)"#, text) {
                phone = tidiedText(found[0])
                text = text.replacingOccurrences(of: found[0], with: " ")
            }
            // Labels left beside what was taken out ("Tel:", "Email:" after a name).
            text = text.replacingOccurrences(of: #"(?i)\b(e-?mail|tel(ephone)?|phone|mobile|direct line)\s*:?\s*$"#, with: " ", options: .regularExpression)
            let rest = tidiedText(text).trimmingCharacters(in: CharacterSet(charactersIn: " ,;–-/|"))
            if !rest.isEmpty { pieces.append(rest) }
        }
        guard !pieces.isEmpty else {
            if email != nil || phone != nil { leftOver.append(([phone, email].compactMap { $0 }).joined(separator: " ")) }
            continue
        }
        let (name, role) = nameAndRole(pieces, email: email)
        contacts.append(Contact(name: name, role: role.isEmpty ? nil : role, phone: phone, email: email))
    }
    return (contacts, leftOver)
}

/// Labels at the start of a contact line, dropped: the layout prints its own.
private let contactLabel = #"^((?i:e-?mail(?: address)?|tel(?:ephone)?(?: no\.?| number)?|phone|mobile|direct line|ext(?:ension)?)\b\.?\s*:?\s*|(?i:name|job title|title|role|post|position|contact officer|contact|report author|author|officer|lead officer|relevant director|director|responsible officer)\s*:\s*)"#

/// The contact's name and role from its remaining pieces: "Name, role" or "role, Name" in
/// the first piece, or the piece reading as a name with the others as the role.
private func nameAndRole(_ pieces: [String], email: String?) -> (String, String) {
    let first = pieces[0]
    if first.contains(",") {
        let people = readPeople([first])
        if let person = people.first, people.count == 1, person.role != nil {
            return (person.name, ([person.role!] + pieces.dropFirst()).joined(separator: ", "))
        }
    }
    if pieces.count == 1 { return splitNameFromRole(first, email: email) }
    if personNameScore(first) <= 0, let index = pieces.firstIndex(where: { personNameScore($0) > 0 }) {
        return (pieces[index], pieces.enumerated().filter { $0.offset != index }.map(\.element).joined(separator: ", "))
    }
    return (first, pieces.dropFirst().joined(separator: ", "))
}

/// A group with several emails is several contacts: it ends after each email's line.
private func splitAfterEmails(_ group: [String]) -> [[String]] {
    var out: [[String]] = [[]]
    for line in group {
        out[out.count - 1].append(line)
        if line.contains("@") { out.append([]) }
    }
    return out.filter { !$0.isEmpty }
}

/// "Mark Janaway Programme and Performance Manager" → ("Mark Janaway", "Programme and …"):
/// the leading words spelling the email's local part, or the longest run of leading words
/// that reads as a name, or the first two words.
private func splitNameFromRole(_ text: String, email: String?) -> (String, String) {
    let words = text.split(separator: " ").map(String.init)
    let local = Set((email?.split(separator: "@").first ?? "").lowercased().split(whereSeparator: { ".-_".contains($0) }).map(String.init))
    var count = words.prefix { local.contains($0.lowercased().filter(\.isLetter)) }.count
    if count == 0 {
        count = (1...min(4, words.count)).reversed().first { personNameScore(words.prefix($0).joined(separator: " ")) > 0 } ?? min(2, words.count)
    }
    return (words.prefix(count).joined(separator: " "), words.dropFirst(count).joined(separator: " "))
}

/// Groups of contact lines from a block of two columns side by side (a report author and a
/// director): each column its own group, when both read as contacts (a name or an email);
/// nil otherwise.
func contactColumns(_ lines: [String]) -> [[String]]? {
    guard let split = splitAtGutter(lines) else { return nil }
    let left = split.map(\.left).filter { !$0.isEmpty }, right = split.map(\.right).filter { !$0.isEmpty }
    func readsAsContact(_ column: [String]) -> Bool {
        column.contains { $0.contains("@") || personNameScore($0) > 0 }
    }
    guard readsAsContact(left), readsAsContact(right) else { return nil }
    return [left, right]
}
