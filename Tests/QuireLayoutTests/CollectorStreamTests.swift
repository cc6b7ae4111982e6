@testable import QuireLayout
import QuirePages
import Testing

/// `Collector.stream` hands the flow on a chunk at a time; each chunk shapes the requests of
/// the elements in it. These check the hand-off on element shapes the corpus cannot reach.
@Suite("Collector streaming")
struct CollectorStreamTests {
    /// Pages from the flow built at once, and from the flow streamed `chunk` paragraphs at a time.
    func pages(chunk: Int, _ collect: (Collector) -> Void) -> (whole: [Frame], streamed: [Frame]) {
        let theme = testTheme(lines: 10)
        let size = Size(width: theme.contentWidth, height: theme.contentHeight)
        let shaper = FixedPitchShaper()
        let once = Collector(theme: theme, file: "t.md", images: [:])
        collect(once)
        let whole = distribute(once.build(with: shaper.shapeAligned(once.specs)), size: size, file: "t.md").pages
        let inChunks = Collector(theme: theme, file: "t.md", images: [:])
        collect(inChunks)
        var distributor = Distributor(size: size, file: "t.md")
        var streamed: [BodyPage] = []
        inChunks.stream(through: shaper, chunk: chunk) { streamed += distributor.feed($0, final: false) }
        streamed += distributor.feed([], final: true)
        return (whole.map(\.frame), streamed.map(\.frame))
    }

    @Test("a structure mark added between an element's requests and its builder stays out of its chunk", arguments: [1, 2, 3])
    func markBetweenRequestsAndBuilder(chunk: Int) {
        // A contents entry requests its title and page number, then opens its TOCI element,
        // then adds the builder that reads both paragraphs.
        let (whole, streamed) = pages(chunk: chunk) { collector in
            collector.collectContents((1...12).map { (title: "Section \($0)", pageIndex: $0, number: $0, y: 0) })
        }
        #expect(whole.count > 1)
        #expect(streamed == whole)
    }
}
