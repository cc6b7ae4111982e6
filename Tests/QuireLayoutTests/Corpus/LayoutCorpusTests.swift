import Foundation
import QuireLayout
import QuirePages
import Testing

/// The layout regression corpus: one small paper per rule in `Tests/Fixtures/layout`, laid
/// out with the fixed-pitch shaper and compared with its reference dump (`<rule>.txt`, the
/// page tree as `dumpPageTree` prints it, after a header naming the rule, the layout and any
/// diagnostics). A change to where anything lands shows as a diff in the rule it touches.
/// `RECORD_SNAPSHOTS=1 swift test --filter LayoutCorpus` re-records.
@Suite("Layout corpus")
struct LayoutCorpusTests {
    @Test("the corpus holds at least 25 fixtures, each with its reference")
    func corpusIsComplete() throws {
        #expect(LayoutFixture.names.count >= 25, "\(LayoutFixture.names.count) fixtures")
        for name in LayoutFixture.names {
            let reference = LayoutFixture.folder.appendingPathComponent(name + ".txt")
            #expect(FileManager.default.fileExists(atPath: reference.path), "\(name).md has no reference \(name).txt")
        }
        // A reference whose fixture was renamed or removed would never be read again.
        let files = FileManager.default.enumerator(at: LayoutFixture.folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for reference in files where reference.pathExtension == "txt" {
            let name = String(reference.deletingPathExtension().path.dropFirst(LayoutFixture.folder.path.count + 1))
            #expect(LayoutFixture.names.contains(name), "\(name).txt has no fixture \(name).md")
        }
    }

    @Test("each fixture lays out as its reference dump", arguments: LayoutFixture.names)
    func matchesReference(_ name: String) throws {
        let fixture = try LayoutFixture(name)
        let result = layoutPaper(fixture.paper, theme: fixture.theme, shaper: FixedPitchShaper(), images: fixture.images)
        try expectSnapshot(referenceText(fixture, result), at: fixture.reference)
    }

    @Test("chunks of 1, 3 and 17 paragraphs give the pages of layoutPaper", arguments: LayoutFixture.names)
    func streamingMatches(_ name: String) throws {
        let fixture = try LayoutFixture(name)
        let shaper = FixedPitchShaper()
        let reference = layoutPaper(fixture.paper, theme: fixture.theme, shaper: shaper, images: fixture.images)
        for chunk in [1, 3, 17] {
            var frames: [Frame] = []
            let streamed = layoutPaperStreaming(fixture.paper, theme: fixture.theme, shaper: shaper, images: fixture.images, chunk: chunk,
                                                store: { frames.append($0) }, load: { frames[$0] })
            let document = PagedDocument(pages: Array(streamed.pages()), outline: streamed.outline, metadata: streamed.metadata,
                                         figures: streamed.figures)
            #expect(document == reference.document, "chunk \(chunk): \(firstDifference(dumpPageTree(reference.document), dumpPageTree(document)))")
            #expect(streamed.diagnostics == reference.diagnostics, "chunk \(chunk)")
        }
    }

    /// The reference file's text: what the fixture shows, how it was laid out, what layout
    /// had to report, then the page tree.
    private func referenceText(_ fixture: LayoutFixture, _ result: LayoutResult) -> String {
        var header = "# fixture: \(fixture.name).md\n# rule: \(fixture.rule)\n"
        header += "# shaper: fixed-pitch 0.5 em; layout: \(fixture.layoutName) (Tests/QuireLayoutTests/Corpus/TestLayouts.swift)\n"
        for diagnostic in result.diagnostics { header += "# diagnostic: \(diagnostic)\n" }
        return header + dumpPageTree(result.document)
    }
}
