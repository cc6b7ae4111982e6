import Foundation
import QuireTestSupport
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
        guard (try? runProcess("python3", ["-c", "import websocket"], timeout: 30))?.status == 0 else {
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
        let run = try runProcess("python3", [script, server.baseURL, screenshot.path], timeout: 120)
        #expect(run.status == 0, "browser_preview.py failed:\n\(run.stdout)\n\(run.stderr)")

        struct Summary: Decodable { let ok: Bool; let pages: [Int]; let checks: [String: Bool] }
        let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let summary = try #require(try? JSONDecoder().decode(Summary.self, from: Data(last.utf8)),
                                   "no JSON summary on the last line:\n\(run.stdout)\n\(run.stderr)")
        #expect(summary.ok)
        #expect(summary.pages == [3, 4])
        #expect(summary.checks.count == 6 && summary.checks.values.allSatisfy { $0 }, "\(summary.checks)")
        #expect(FileManager.default.fileExists(atPath: screenshot.path))
    }
}
