import Foundation
import QuireModel

/// The import report (`paper.md.import-report.txt`): what a person should check, with the
/// source line of each item. Sections: the layout and why; the fields the layout shows that
/// the source lacks (the paper renders without them); blocks kept before the header or
/// placed by the safety net; warnings; page furniture set aside; what was dropped on
/// purpose; the word check.
public func writeReport(_ result: ImportResult, output: String) -> String {
    func located(_ place: SourcePlace) -> String {
        "\(result.file):\(place.line)" + (place.page.map { " (page \($0))" } ?? "")
    }
    var sections = ["Import of \(result.file) into \(output)"]
    sections.append("Layout: \(result.layout.name) (\(result.layout.reason))")
    let numbering = result.paper.frontMatter.numbering
    sections.append("Numbering written: " + (numbering.isEmpty ? "none (the layout's own matches the source)" : describe(numbering)))
    sections.append("Numbering the output prints: " + describe(result.numbering))
    sections.append(section("Missing (the layout shows them; the source has none, so the paper renders without them)",
                            result.missing.map { $0.key }))
    sections.append(section("Lines not placed (kept in the body as paragraphs)",
                            result.unplaced.map { "\(located($0.place)): \(tidiedText($0.text))\n    \($0.reason)" }))
    sections.append(section("Warnings", result.warnings.map(\.description)))
    sections.append(section("Dropped as page furniture", result.furniture.map { "\(located($0.place)): \(tidiedText($0.text))\n    \($0.reason)" }))
    let dropped = Dictionary(grouping: result.dropped.sorted { $0.place.line < $1.place.line }, by: \.reason)
    sections.append(section("Taken out on purpose", DroppedText.Reason.allInOrder.compactMap { reason in
        guard let items = dropped[reason], !items.isEmpty else { return nil }
        return "\(reason.rawValue): " + items.map { "'\($0.text)'" }.joined(separator: ", ")
    }))
    let check = result.wordCheck
    var ledger = ["\(check.sourceWords) words in the source, \(check.furnitureWords) in page furniture, \(check.droppedWords) taken out on purpose"]
    ledger.append(result.unplaced.contains { $0.reason.contains("missing from the output") } ? "words missing: placed by the safety net (see above)" : "every other word is in the paper")
    ledger.append(check.extraWords.isEmpty ? "no word written more often than the source has it" : "\(check.extraWords.count) words more than the source has: \(check.extraWords.prefix(20).joined(separator: " "))")
    ledger.append(check.outOfOrderWords.isEmpty ? "the body's words in the source's order" : "\(check.outOfOrderWords.count) body words out of the source's order: \(check.outOfOrderWords.prefix(20).joined(separator: " "))")
    ledger.append(check.repeatedParagraphs.isEmpty ? "no paragraph written twice" : "\(check.repeatedParagraphs.count) paragraphs written twice")
    sections.append("Word check:\n" + ledger.map { "  " + $0 }.joined(separator: "\n"))
    return sections.joined(separator: "\n\n") + "\n"
}

private func section(_ title: String, _ entries: [String]) -> String {
    "\(title): \(entries.count)" + (entries.isEmpty ? "" : "\n" + entries.map { "  " + $0 }.joined(separator: "\n"))
}

/// "sections=false paragraphs=1. count=document items=a),i. recommendations=1)": the keys of
/// `numbering:`, one `key=value` each (a list's labels joined by commas), so a script can read
/// them back.
private func describe(_ n: NumberingOptions) -> String {
    var parts: [String] = []
    if let s = n.sections { parts.append("sections=\(s)") }
    if let p = n.paragraphs { parts.append("paragraphs=\(p.rawValue)") }
    if let c = n.count { parts.append("count=\(c.rawValue)") }
    if let i = n.items { parts.append("items=" + i.map(\.rawValue).joined(separator: ",")) }
    if let r = n.recommendations { parts.append("recommendations=\(r.rawValue)") }
    return parts.joined(separator: " ")
}

extension DroppedText.Reason {
    /// The reasons in the report's order.
    static let allInOrder: [DroppedText.Reason] = [.label, .number, .date, .closingHeading, .reference]
}
