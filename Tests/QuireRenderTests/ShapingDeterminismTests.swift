import Foundation
import QuireKit
import QuireLayout
import QuirePangoCairo
import Testing
import QuireSystem

/// Output must not depend on thread timing. Pango's own justification once made a quarter of
/// font maps set up while others were busy justify some lines differently, so two renders in
/// one process could differ; lines are now justified by `justified`, and this guards it.
@Suite("Shaping determinism")
struct ShapingDeterminismTests {
    /// Records the paragraphs a layout asks for, shaping them with the fixed-pitch shaper.
    final class Recorder: TextShaper, @unchecked Sendable {
        var specs: [ParagraphSpec] = []
        func shape(_ paragraphs: [ParagraphSpec]) -> [ShapedParagraph] {
            specs += paragraphs
            return FixedPitchShaper().shape(paragraphs)
        }
    }

    final class Mismatches: Sendable {
        private let counted = Locked(0)
        var count: Int { counted.value }
        func add() { counted.withLock { $0 += 1 } }
    }

    @Test("shapers set up concurrently shape like one set up alone")
    func concurrentSetUp() throws {
        let result = try typesetter.layout(file: examplePath("kscb-2016-17"))
        let recorder = Recorder()
        _ = layoutPaper(result.paper, theme: result.theme, shaper: recorder)
        let specs = recorder.specs
        let reference = PangoShaper(threads: 1).shape(specs)
        let shapers = (0..<4).map { _ in PangoShaper(threads: 1) }  // set up lazily, inside the race below
        let mismatches = Mismatches()
        DispatchQueue.concurrentPerform(iterations: 24) { index in
            if shapers[index % 4].shape(specs) != reference { mismatches.add() }
        }
        #expect(mismatches.count == 0, "\(mismatches.count) of 24 concurrent shapings differ")
        let twoWorkers = PangoShaper(threads: 2).shape(specs) == reference
        #expect(twoWorkers, "two workers agree with one")
    }
}
