import Foundation
import QuireLayout
import QuirePages
import Testing

@Suite("Shaped paragraph cache")
struct ShapedParagraphCacheTests {
    /// The fixed-pitch shaper, counting the paragraphs it is asked to shape.
    final class CountingShaper: @unchecked Sendable {
        private let lock = NSLock()
        private var shapedCount = 0
        var shaped: Int { lock.withLock { shapedCount } }

        func shape(_ specs: [ParagraphSpec]) -> [ShapedParagraph] {
            lock.withLock { shapedCount += specs.count }
            return FixedPitchShaper().shape(specs)
        }
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [[ShapedParagraph]] = []
        var all: [[ShapedParagraph]] { lock.withLock { values } }
        func add(_ value: [ShapedParagraph]) { lock.withLock { values.append(value) } }
    }

    func spec(_ text: String, width: Double = 200, bold: Bool = false) -> ParagraphSpec {
        ParagraphSpec(text: StyledText(text, style: SpanStyle(bold: bold)), family: "Liberation Sans", size: 10, width: width, alignment: .justify)
    }

    @Test("a paragraph shaped once is not shaped again, and comes back as the shaper made it")
    func repeatsAreShapedOnce() {
        let cache = ShapedParagraphCache()
        let shaper = CountingShaper()
        let specs = [spec("Recommendation: that the committee notes the report."), spec("Background"), spec("Background")]
        let first = cache.shaped(specs, by: shaper.shape)
        #expect(shaper.shaped == 2)  // the batch's repeat is shaped once too
        let second = cache.shaped(specs.reversed(), by: shaper.shape)
        #expect(shaper.shaped == 2)
        #expect(first == FixedPitchShaper().shape(specs))
        #expect(second == first.reversed())
    }

    @Test("anything that changes the lines is a different paragraph: width, style, text")
    func everyFieldOfTheSpecIsItsKey() {
        let cache = ShapedParagraphCache()
        let shaper = CountingShaper()
        let text = "The council's budget for 2025/26 is set out in Appendix A, with the reserves."
        let variants = [spec(text), spec(text, width: 120), spec(text, bold: true), spec(text + " "), spec(text)]
        let out = cache.shaped(variants, by: shaper.shape)
        #expect(shaper.shaped == 4)
        #expect(out == FixedPitchShaper().shape(variants))
        #expect(out[0].lines.count < out[1].lines.count)
    }

    @Test("what it holds stays under its limit however many paragraphs pass through it")
    func memoryIsBounded() {
        let cache = ShapedParagraphCache(byteLimit: 256 << 10)
        let shaper = CountingShaper()
        for batch in 0..<200 {
            let specs = (0..<20).map { spec("Paragraph \(batch)-\($0): the officer's report on the matter, as amended.") }
            #expect(cache.shaped(specs, by: shaper.shape) == FixedPitchShaper().shape(specs))
        }
        #expect(shaper.shaped == 4_000)
        let held = cache.held
        #expect(held.bytes <= 256 << 10)
        #expect(held.paragraphs > 50 && held.paragraphs < 4_000)
        // The newest paragraphs are still held; the first were dropped and are shaped again.
        _ = cache.shaped([spec("Paragraph 199-0: the officer's report on the matter, as amended.")], by: shaper.shape)
        #expect(shaper.shaped == 4_000)
        _ = cache.shaped([spec("Paragraph 0-0: the officer's report on the matter, as amended.")], by: shaper.shape)
        #expect(shaper.shaped == 4_001)
    }

    @Test("two threads asking at once get the same paragraphs as one asking alone")
    func concurrentCallersAgree() {
        let cache = ShapedParagraphCache()
        let shaper = CountingShaper()
        let specs = (0..<64).map { spec("Item \($0 % 16): a line of a committee paper, repeated across the pack.") }
        let expected = FixedPitchShaper().shape(specs)
        let results = Collected()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in results.add(cache.shaped(specs, by: shaper.shape)) }
        #expect(results.all.count == 8)
        #expect(results.all.allSatisfy { $0 == expected })
        #expect(shaper.shaped >= 16 && shaper.shaped <= 8 * 16)
    }
}
