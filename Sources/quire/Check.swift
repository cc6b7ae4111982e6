import ArgumentParser
import Foundation
import QuireCheck
import QuireModel
import QuirePDF

/// `quire check paper.pdf [--tree] [--pdfa]`: accessibility and archival basics of any PDF.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a PDF (any PDF) for tagging, language, title, headings, tables, figures, artifacts, fonts and PDF/A.",
        discussion: """
            Examples:
              quire check paper.pdf
              quire check paper.pdf --tree --pdfa
              quire check paper.pdf --json | jq '.checks[] | select(.status == "fail")'

            --json prints one object: {"file", "passed", "checks": [{"name", "status" \
            (pass, fail or info), "detail"}], and with --tree "tree": [{"depth", "role", \
            "page", "alt", "text"}]} (page and alt null where there are none).

            Exit status: 0 when every check passes, 1 when any fails, 2 when the file \
            cannot be read.
            """)

    @Argument(help: "The PDF to inspect.")
    var file: String

    @Flag(help: "Print the structure tree first: role, page, alternative text and text of each element.")
    var tree = false

    @Flag(help: "Fail unless the file claims PDF/A (and meets what the claim needs).")
    var pdfa = false

    @Flag(help: "Print the result as one JSON object (see below) instead of lines.")
    var json = false

    func run() throws {
        let report: AccessibilityReport
        do {
            report = try inspectPDF(at: file, requirePDFA: pdfa)
        } catch {
            throw failWith(QuireError(.io, at: nil, "cannot read '\(file)' as a PDF: \(error.description)"))
        }
        if json {
            print(Self.json(report, file: file, tree: tree))
            if !report.passed { throw ExitCode(1) }
            return
        }
        if tree {
            if report.tree.isEmpty { print("(no structure tree)") }
            for line in report.tree { print(Self.treeLine(line)) }
            print()
        }
        let width = max(12, (report.checks.map(\.name.count).max() ?? 0) + 2)
        for check in report.checks {
            let status = check.status == .fail ? "FAIL" : check.status.rawValue
            print(status + "  " + check.name.padding(toLength: width, withPad: " ", startingAt: 0) + check.detail)
        }
        if !report.passed { throw ExitCode(1) }
    }

    /// The report as `--json` prints it; keys sorted, so the output is stable.
    static func json(_ report: AccessibilityReport, file: String, tree: Bool) -> String {
        func value(_ text: String?) -> Any { text ?? NSNull() }
        var object: [String: Any] = [
            "file": file,
            "passed": report.passed,
            "checks": report.checks.map { ["name": $0.name, "status": $0.status.rawValue, "detail": $0.detail] },
        ]
        if tree {
            object["tree"] = report.tree.map { line -> [String: Any] in
                ["depth": line.depth, "role": line.role, "page": line.page.map { $0 as Any } ?? NSNull(), "alt": value(line.alt), "text": line.text]
            }
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// `  Role [p.N] alt="…" "text…"`: two spaces per level.
    static func treeLine(_ line: StructureLine) -> String {
        var text = String(repeating: "  ", count: line.depth) + line.role
        if let page = line.page { text += " [p.\(page)]" }
        if let alt = line.alt { text += " alt=\"\(truncated(collapsed(alt), to: 40))\"" }
        if !line.text.isEmpty { text += " \"\(truncated(line.text, to: 70))\"" }
        return text
    }

    private static func collapsed(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    private static func truncated(_ text: String, to length: Int) -> String {
        text.count > length ? String(text.prefix(length - 1)) + "…" : text
    }
}
