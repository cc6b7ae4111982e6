import Foundation

/// The import report (`paper.md.import-report.txt`): what a person should check, line by line.
/// Unplaced lines are in the body too; this names them so they can be moved by hand.
public func writeReport(_ result: ImportResult, output: String) -> String {
    func located(_ line: UnplacedLine) -> String {
        "\(result.file):\(line.line)" + (line.page.map { " (page \($0))" } ?? "") + ": \(line.text.trimmingCharacters(in: .whitespaces))\n    \(line.reason)"
    }
    var sections = ["Import of \(result.file) into \(output)"]
    sections.append(section("Lines not placed (kept in the body as paragraphs)", result.unplaced.map(located)))
    sections.append(section("Warnings", result.warnings.map(\.description)))
    if !result.furniture.isEmpty {
        sections.append(section("Dropped as page furniture", result.furniture.map(located)))
    }
    return sections.joined(separator: "\n\n") + "\n"
}

private func section(_ title: String, _ entries: [String]) -> String {
    "\(title): \(entries.count)" + (entries.isEmpty ? "" : "\n" + entries.map { "  " + $0 }.joined(separator: "\n"))
}
