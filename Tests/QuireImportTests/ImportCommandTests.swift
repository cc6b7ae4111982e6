import Foundation
import QuireTestSupport
import Testing

/// `quire import`: writes the source and the report, warns on stderr, and the source renders;
/// unreadable input exits 2 with a located message and writes nothing.
@Suite struct ImportCommandTests {
    /// Runs `quire` in `folder`.
    func quire(_ arguments: [String], in folder: URL) throws -> (status: Int32, stderr: String) {
        let result = try runProcess(try quireExecutable().path, arguments, in: folder)
        return (result.status, result.stderr)
    }

    @Test func importWritesSourceAndReportAndTheSourceRenders() throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try seed("000_").text.write(to: folder.appendingPathComponent("old-paper.txt"), atomically: true, encoding: .utf8)

        let imported = try quire(["import", "old-paper.txt", "-o", "paper.md"], in: folder)
        #expect(imported.status == 0, "stderr: \(imported.stderr)")
        #expect(imported.stderr.contains("old-paper.txt:"))
        #expect(imported.stderr.contains(": warning: paragraph numbered (11) follows (11); the output prints (12)"))
        let source = try String(contentsOf: folder.appendingPathComponent("paper.md"), encoding: .utf8)
        #expect(source.hasPrefix("---\nlayout: committee-paper\n"))
        #expect(source.contains("\nimported-from: old-paper.txt\n"))
        let report = try String(contentsOf: folder.appendingPathComponent("paper.md.import-report.txt"), encoding: .utf8)
        #expect(report.contains("Layout: committee-paper (closest house style"))
        #expect(report.contains("Lines not placed (kept in the body as paragraphs): 0"))
        #expect(report.contains("paragraph numbered (11) follows (11)"))
        #expect(report.contains("every other word is in the paper"))

        let rendered = try quire(["render", "paper.md", "-o", "paper.pdf"], in: folder)
        #expect(rendered.status == 0, "stderr: \(rendered.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("paper.pdf").path))
    }

    @Test func reportPathAndLayoutCanBeChosen() throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try seed("002_").text.write(to: folder.appendingPathComponent("old.txt"), atomically: true, encoding: .utf8)
        let imported = try quire(["import", "old.txt", "--report", "notes.txt", "--layout", "cabinet-decision"], in: folder)
        #expect(imported.status == 0, "stderr: \(imported.stderr)")
        let source = try String(contentsOf: folder.appendingPathComponent("old.md"), encoding: .utf8)
        #expect(source.hasPrefix("---\nlayout: cabinet-decision\n"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes.txt").path))
        #expect(imported.stderr.contains("old.txt:4: warning: label 'То:' has look-alike letters"))
    }

    @Test func binaryFileExitsTwoWithItsLine() throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("By: someone\n".utf8 + [0x00, 0xFF, 0xD8, 0x01, 0x02]).write(to: folder.appendingPathComponent("scan.bin"))
        let imported = try quire(["import", "scan.bin", "-o", "paper.md"], in: folder)
        #expect(imported.status == 2)
        #expect(imported.stderr.hasPrefix("scan.bin:2: error: the file is neither UTF-8 text nor a PDF"), "stderr: \(imported.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("paper.md").path))
    }

    @Test func textWithoutAHeaderExitsTwo() throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "\n1. Introduction\n\nJust a body.\n".write(to: folder.appendingPathComponent("bare.txt"), atomically: true, encoding: .utf8)
        let imported = try quire(["import", "bare.txt"], in: folder)
        #expect(imported.status == 2)
        #expect(imported.stderr.hasPrefix("bare.txt:2: error: no header block found"), "stderr: \(imported.stderr)")
    }
}
