import Foundation
import QuireKit
import QuireLayout
import QuirePages
import Testing

/// Page 1 of each example against a reference PNG (36 dpi, small enough to commit).
/// `RECORD_REFERENCES=1 swift test` re-records; a recorded run fails once so a human looks.
@Suite("Reference images")
struct ReferenceImageTests {
    @Test("page 1 matches its reference within a tolerance", arguments: examples)
    func pageOne(name: String) throws {
        let reference = repositoryRoot.appendingPathComponent("Tests/QuireRenderTests/References/\(name)-page-1.png").path
        let scratch = try scratchDirectory()
        let result = try typesetter.layout(file: examplePath(name))
        var first = result.layout.document
        first.pages = [first.pages[0]]
        try typesetter.writePNGs(first, directory: scratch.path, dpi: 36)
        let actual = scratch.appendingPathComponent("page-1.png").path

        if ProcessInfo.processInfo.environment["RECORD_REFERENCES"] != nil || !FileManager.default.fileExists(atPath: reference) {
            try? FileManager.default.removeItem(atPath: reference)
            try FileManager.default.copyItem(atPath: actual, toPath: reference)
            Issue.record("recorded a new reference \(reference): look at it, then run again")
            return
        }
        let expected = try #require(Bitmap(png: reference))
        let got = try #require(Bitmap(png: actual))
        let difference = compare(expected, got, tolerance: 1)
        #expect(difference.sizeMatches, "size \(got.width)×\(got.height), reference \(expected.width)×\(expected.height)")
        // A few anti-aliasing pixels may move with library patch releases; text reflow moves thousands.
        #expect(difference.differing <= 20, "\(difference.differing) pixels differ, first at \(String(describing: difference.first)); actual image: \(actual)")
    }
}
