import Foundation
import QuireLayout
import QuirePages
import Testing

/// The page tree of a small paper with the fixed-pitch shaper, as `dumpPageTree` prints it,
/// against a committed snapshot: any change to positions, breaks or numbering shows as a diff.
/// `RECORD_SNAPSHOTS=1 swift test` re-records (and fails once, so a person reads the diff).
@Suite("Page-tree snapshots")
struct SnapshotTests {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    @Test("a paper with sections, numbered paragraphs, sub-items and a table")
    func committeePaper() throws {
        let source = """
            # Introduction

            The Board publishes an annual report. It sets out the figures for the year.

            The Committee is asked to:

            1. NOTE the report;
            2. AGREE the monitoring.

            # Figures

            | Year | Plans |
            |---|---:|
            | 2016 | 1,049 |
            | 2017 | 1,185 |
            """
        var theme = testTheme(lines: 18)
        theme.headerBlock.rows = [HeaderRow(field: .subject, label: "Subject:")]
        let dump = dumpPageTree(layout(try paper(source), theme).document)
        try expectSnapshot(dump, named: "committee-paper")
    }

    private func expectSnapshot(_ text: String, named name: String) throws {
        let file = folder.appendingPathComponent(name + ".txt")
        let header = "# shaper: fixed-pitch 0.5 em; theme: testTheme(lines: 18)\n"
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil || !FileManager.default.fileExists(atPath: file.path) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try (header + text).write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded \(file.path): read it, then run again")
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        let actual = header + text
        guard expected != actual else { return }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false), b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
        Issue.record("snapshot \(name) differs at line \((first?.offset ?? min(a.count, b.count)) + 1):\n  expected: \(first?.element.0 ?? "")\n  actual:   \(first?.element.1 ?? "")")
    }
}
