import Foundation
import QuireModel

/// A "Contact details" section's lines → contacts: one per group of lines (blank lines, or a
/// line with an email, end a group). In each group the email and phone number are found
/// anywhere; labels such as "Tel:" or "Email:" are dropped; the first remaining line is
/// "Name, Role" (split at the first comma) or the name alone, and the other lines are the role.
/// A one-line contact without commas ("Mark Janaway Programme and Performance Manager …")
/// takes as its name the leading words that spell the email's local part ("mark.janaway"),
/// or else its first two words. A group without a name is returned as left over.
func readContacts(_ groups: [[LegacyText.Line]], ledger: inout WordLedger) -> (contacts: [Contact], leftOver: [LegacyText.Line]) {
    var contacts: [Contact] = []
    var leftOver: [LegacyText.Line] = []
    for group in groups.flatMap(splitAfterEmails) {
        var email: String?, phone: String?
        var pieces: [String] = []
        for line in group {
            var text = line.text
            if let label = matchGroups(#"^(\s*(?:(?i:e-?mail(?: address)?|tel(?:ephone)?|phone|mobile)\b\.?\s*:?|(?i:name|job title|title|role|contact officer)\s*:)\s*)"#, text) {
                ledger.drop(label[0])
                text = String(text.dropFirst(label[0].count))
            }
            if email == nil, let found = matchGroups(#"([A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})"#, text) {
                email = found[0]
                text = text.replacingOccurrences(of: found[0], with: " ")
            }
            if phone == nil, let found = matchGroups(#"((?:\+\d{1,3}[\s-]?)?\(?0\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4})\b"#, text) {
                phone = found[0]
                text = text.replacingOccurrences(of: found[0], with: " ")
            }
            let rest = text.split(whereSeparator: \.isWhitespace).joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,;–-"))
            if !rest.isEmpty { pieces.append(rest) }
        }
        guard let first = pieces.first else {
            if email != nil || phone != nil { leftOver += group }
            continue
        }
        var name: String
        var role: [String] = []
        if let comma = first.firstIndex(of: ",") {
            name = String(first[..<comma])
            role.append(first[first.index(after: comma)...].trimmingCharacters(in: .whitespaces))
        } else if pieces.count == 1 {
            (name, role) = splitNameFromRole(first, email: email)
        } else {
            name = first
        }
        role += pieces.dropFirst()
        let roleText = role.filter { !$0.isEmpty }.joined(separator: ", ")
        contacts.append(Contact(name: name, role: roleText.isEmpty ? nil : roleText, phone: phone, email: email))
    }
    return (contacts, leftOver)
}

/// A group with several emails is several contacts: it ends after each email's line.
private func splitAfterEmails(_ group: [LegacyText.Line]) -> [[LegacyText.Line]] {
    var out: [[LegacyText.Line]] = [[]]
    for line in group {
        out[out.count - 1].append(line)
        if line.text.contains("@") { out.append([]) }
    }
    return out.filter { !$0.isEmpty }
}

/// "Mark Janaway Programme and Performance Manager" → ("Mark Janaway", ["Programme and …"]).
private func splitNameFromRole(_ text: String, email: String?) -> (String, [String]) {
    let words = text.split(separator: " ").map(String.init)
    let local = Set((email?.split(separator: "@").first ?? "").lowercased().split(whereSeparator: { ".-_".contains($0) }).map(String.init))
    var count = words.prefix { local.contains($0.lowercased().filter(\.isLetter)) }.count
    if count == 0 { count = min(2, words.count) }
    let role = words.dropFirst(count).joined(separator: " ")
    return (words.prefix(count).joined(separator: " "), role.isEmpty ? [] : [role])
}
