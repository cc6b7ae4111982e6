import Foundation
import Testing

/// The preview page at `/`, used in a real headless Chromium as a person would: the example's
/// pages appear, typing grows the paper, a broken line gets its error beside it, the PDF
/// downloads. The browser is driven by Tests/Tools/browser_preview.py over the DevTools protocol.
@Suite struct PreviewPageTests {
    @Test func previewPageRendersEditsShowsErrorsAndDownloadsInChromium() throws {
        // Missing tools fail loudly: CI installs both (scripts/test.sh), so a skip would hide a gap.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else {
            Issue.record("/usr/bin/chromium is missing: apt-get install -y chromium (scripts/test.sh does this)")
            return
        }
        guard (try? runWithLimit("python3", ["-c", "import websocket"], seconds: 30))?.status == 0 else {
            Issue.record("python3 lacks websocket-client: python3 -m pip install websocket-client (scripts/test.sh does this)")
            return
        }

        let server = try ServerProcess()
        defer { server.stop() }
        let script = repositoryRoot.appendingPathComponent("Tests/Tools/browser_preview.py").path
        // The script saves the final page here and the error state beside it (-error.png).
        let name = "quire-preview-\(UUID().uuidString)"
        let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent(name + ".png")
        defer {
            try? FileManager.default.removeItem(at: screenshot)
            try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent(name + "-error.png"))
        }
        let run = try runWithLimit("python3", [script, server.baseURL, screenshot.path], seconds: 120)
        #expect(!run.timedOut, "the browser test ran past 120 s")
        #expect(run.status == 0, "browser_preview.py failed:\n\(run.output)")

        struct Summary: Decodable { let ok: Bool; let pages: [Int]; let checks: [String: Bool] }
        let last = run.output.split(separator: "\n").last.map(String.init) ?? ""
        let summary = try #require(try? JSONDecoder().decode(Summary.self, from: Data(last.utf8)),
                                   "no JSON summary on the last line:\n\(run.output)")
        #expect(summary.ok)
        #expect(summary.pages == [3, 4])
        #expect(summary.checks.count == 6 && summary.checks.values.allSatisfy { $0 }, "\(summary.checks)")
        #expect(FileManager.default.fileExists(atPath: screenshot.path))
    }
}

/// Runs a tool, stdout and stderr together, killing it (SIGTERM, which the script turns into
/// closing its browser) if it runs past `seconds`.
private func runWithLimit(_ tool: String, _ arguments: [String], seconds: Double) throws -> (status: Int32, output: String, timedOut: Bool) {
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("quire-tool-\(UUID().uuidString).log")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: log) }
    let handle = try FileHandle(forWritingTo: log)
    defer { try? handle.close() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning, Date() < deadline { usleep(50_000) }
    let timedOut = process.isRunning
    if timedOut {
        process.terminate()
        let grace = Date().addingTimeInterval(10)
        while process.isRunning, Date() < grace { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
    process.waitUntilExit()
    return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "", timedOut)
}
