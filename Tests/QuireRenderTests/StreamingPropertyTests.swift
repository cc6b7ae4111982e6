import Foundation
@testable import QuireKit
import QuireLayout
import QuireModel
import QuirePages
import Testing

/// Long papers are laid out a chunk of paragraphs at a time (`layoutPaperStreaming`), each
/// chunk shaped, built and handed to the distributor before the next. Where the chunks fall
/// must not show: for every paper in examples/, with the fixed-pitch shaper and with Pango,
/// chunks of 1, 3 and 17 paragraphs give exactly the pages `layoutPaper` gives (the layout
/// corpus gets the same check in QuireLayoutTests).
@Suite("Streaming layout: examples")
struct StreamingPropertyTests {
    /// Every paper source under examples/, each once (the pack links some papers in again).
    static let papers: [String] = {
        let root = repositoryRoot.appendingPathComponent("examples")
        let all = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        let sources = Set(all.filter { $0.pathExtension == "md" }.map { $0.resolvingSymlinksInPath().path })
        return sources.map { String($0.dropFirst(repositoryRoot.path.count + 1)) }.sorted()
    }()

    @Test("chunks of 1, 3 and 17 paragraphs give the pages of layoutPaper", arguments: papers, ["fixed-pitch", "pango"])
    func chunkingDoesNotShow(_ paper: String, _ shaperName: String) throws {
        let path = repositoryRoot.appendingPathComponent(paper).path
        // The paper and layout as every render prepares them (figures resolved, fields checked).
        let prepared = try typesetter.layout(file: path)
        let images = try resolveImages(prepared.paper, theme: prepared.theme, paperDirectory: URL(fileURLWithPath: path).deletingLastPathComponent(),
                                       assets: typesetter.resources.assets)
        let shaper: any TextShaper = shaperName == "pango" ? typesetter.shaper : FixedPitchShaper()
        let reference = layoutPaper(prepared.paper, theme: prepared.theme, shaper: shaper, images: images)
        #expect(!reference.document.pages.isEmpty)
        for chunk in [1, 3, 17] {
            var frames: [Frame] = []
            let streamed = layoutPaperStreaming(prepared.paper, theme: prepared.theme, shaper: shaper, images: images, chunk: chunk,
                                                store: { frames.append($0) }, load: { frames[$0] })
            let document = PagedDocument(pages: Array(streamed.pages()), outline: streamed.outline, metadata: streamed.metadata,
                                         figures: streamed.figures)
            guard document != reference.document else {
                #expect(streamed.diagnostics.map(\.description) == reference.diagnostics.map(\.description), "chunk \(chunk)")
                continue
            }
            Issue.record("chunk \(chunk): \(firstDifference(dumpPageTree(reference.document), dumpPageTree(document)))")
        }
    }
}

/// Where two dumps first differ, as two lines to read (or, if the dumps agree, that the
/// difference is below what the dump shows: glyph positions inside a run, colours).
func firstDifference(_ expected: String, _ actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    guard let index = (0..<max(a.count, b.count)).first(where: { $0 >= a.count || $0 >= b.count || a[$0] != b[$0] }) else {
        return "the dumps agree; the pages differ in what the dump does not print (glyph offsets, colours)"
    }
    return "line \(index + 1)\n  expected: \(index < a.count ? a[index] : "(end)")\n  actual:   \(index < b.count ? b[index] : "(end)")"
}
