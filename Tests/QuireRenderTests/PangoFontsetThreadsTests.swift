import CLazyLoad
import Foundation
import QuireKit
import QuireTestSupport
import Testing

/// Pango's per-pattern fontconfig threads run on the thread that asked for them
/// (Sources/CLazyLoad/pango_fontset_threads.c): a typesetter with new font maps meets new
/// patterns, and its render must run them here and still draw every word.
@Suite struct PangoFontsetThreadsTests {
    @Test func aFreshFontMapsPatternsAreMatchedOnTheCallingThread() throws {
        let before = quire_pango_fontset_threads_run_here()
        let fresh = Typesetter(resources: Resources(root: repositoryRoot))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("fontset-threads-\(getpid()).pdf").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let rendered = try fresh.renderPDF(file: repositoryRoot.appendingPathComponent("assets/service/example-paper.md").path, to: output)
        #expect(rendered.pages == 3)
        let ran = quire_pango_fontset_threads_run_here() - before
        #expect(ran >= 2, "match and sort threads run here: \(ran)")
        let text = String(decoding: try runProcess("/usr/bin/pdftotext", [output, "-"]).stdoutData, as: UTF8.self)
        #expect(text.contains("Child Protection Plan"), "the words are drawn")
    }
}
