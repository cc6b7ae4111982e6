import Foundation
import QuireLayout
import QuireModel
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
        let header = "# shaper: fixed-pitch 0.5 em; theme: testTheme(lines: 18)\n"
        try expectSnapshot(header + dump, at: folder.appendingPathComponent("committee-paper.txt"))
    }
}
