import CCairo
import Foundation
import QuireLayout
import QuirePages
import QuirePDF
import QuireRender
import QuireSystem
import QuireTestSupport
import Testing
@testable import QuireKit
@testable import QuirePangoCairo

/// A long document is drawn in parts side by side, each on a cairo surface of its own, and
/// the parts are joined (`DrawingParts`, `CairoPDFJoin`). The example committee pack drawn in
/// parts of a few pages must write the same bytes whatever the threads, and read, through
/// tools Quire did not write, exactly as the pack drawn on one surface does.
@Suite("Drawing in parts")
struct DrawnPartsTests {
    /// The example pack's pages, laid out once.
    static let pack: (pages: [Page], outline: [OutlineEntry], metadata: DocumentMetadata) = {
        let folder = repositoryRoot.appendingPathComponent("examples/county-council-2017-10-19")
        let result = try! typesetter.layoutPack(manifest: folder.appendingPathComponent("pack.yaml").path, root: folder.deletingLastPathComponent(),
                                                edition: .fullPack)
        return (Array(result.pack.pages), result.pack.outline, result.pack.metadata)
    }()

    static func draw(threads: Int, partPages: Int, spool: (chunkSize: Int, memoryChunks: Int) = (ByteSpool.defaultChunkSize, ByteSpool.defaultMemoryChunks))
        throws -> Data
    {
        let renderer = PangoCairoRenderer(contexts: 1, spool: spool, drawingThreads: threads, partPages: partPages)
        let memory = PDFInMemory()
        let failure = renderer.writePDF(pages: pack.pages, outline: pack.outline, metadata: pack.metadata, into: .memory(memory))
        #expect(failure == nil)
        return memory.bytes
    }

    static func write(_ data: Data, _ name: String) throws -> String {
        let path = try scratchDirectory().appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Pages whose iterator says when it is gone.
    struct WatchedPages: Sequence {
        final class Watch: @unchecked Sendable { weak var iterator: Token? }
        final class Token {}
        let pages: [Page]
        let watch: Watch

        struct Iterator: IteratorProtocol {
            var base: IndexingIterator<[Page]>
            let token: Token
            mutating func next() -> Page? { base.next() }
        }

        func makeIterator() -> Iterator {
            let token = Token()
            watch.iterator = token
            return Iterator(base: pages.makeIterator(), token: token)
        }
    }

    @Test("the pages' iterator is let go before drawing returns, on one part or several: it may hold a closure lent for the drawing only")
    func iteratorReleasedWhenDrawn() {
        for partPages in [3, 1000] {
            for _ in 0..<20 {
                let renderer = PangoCairoRenderer(contexts: 1, spool: (ByteSpool.defaultChunkSize, ByteSpool.defaultMemoryChunks), drawingThreads: 2,
                                                  partPages: partPages)
                let watch = WatchedPages.Watch()
                let drawn = renderer.draw(WatchedPages(pages: Self.pack.pages, watch: watch), outline: Self.pack.outline, metadata: Self.pack.metadata,
                                          archival: false)
                #expect(watch.iterator == nil, "parts of \(partPages) pages: the reading thread still held the iterator")
                if case .failure(let failure) = drawn { Issue.record("\(failure.message)") }
            }
        }
    }

    @Test("parts of three pages write the same bytes on one, two or three threads, and spilled to disk")
    func sameBytesWhateverTheThreads() throws {
        let one = try Self.draw(threads: 1, partPages: 3)
        #expect(try Self.draw(threads: 2, partPages: 3) == one)
        #expect(try Self.draw(threads: 3, partPages: 3) == one)
        #expect(try Self.draw(threads: 2, partPages: 3, spool: (chunkSize: 4096, memoryChunks: 1)) == one)
        // Parts that are each the whole document: the bytes one surface writes.
        #expect(try Self.draw(threads: 2, partPages: 1_000) == Self.draw(threads: 1, partPages: 1_000))
        #expect(try Self.draw(threads: 2, partPages: 1_000) != one)
    }

    @Test("the pack joined from parts reads as the pack drawn whole: pages, words, structure, artifacts, links and bookmarks")
    func joinedReadsAsWhole() throws {
        let whole = try Self.write(try Self.draw(threads: 2, partPages: 1_000), "whole.pdf")
        let parts = try Self.write(try Self.draw(threads: 2, partPages: 3), "parts.pdf")
        #expect(try run("qpdf", ["--check", parts]).status == 0)
        #expect(try pdfInfo(parts)["Pages"] == String(Self.pack.pages.count))
        #expect(try run("pdftotext", [parts, "-"]).out == run("pdftotext", [whole, "-"]).out)
        let (a, b) = (try PDFReading(whole), try PDFReading(parts))
        #expect(b.tree.map(\.role) == a.tree.map(\.role))
        #expect(b.tree.map(\.mcids) == a.tree.map(\.mcids))
        #expect(b.artifacts == a.artifacts && b.unmarked == 0 && b.marked)
        #expect(b.fonts.values.allSatisfy { $0 })
        let links = try LinkTests.follow(parts)
        #expect(links.count == (try LinkTests.follow(whole)).count && !links.isEmpty)
        for link in links where link.target_page != nil { #expect(link.target_error == nil, "\(link.text)") }
        #expect(try Self.outline(parts) == Self.outline(whole))
        #expect(try Self.outline(parts).count == Self.pack.outline.count)
        // Parts of the pages as they were drawn: one subset of each face per part.
        let fontLines = { (path: String) in try run("pdffonts", [path]).out.split(separator: "\n").count }
        #expect(try fontLines(parts) > fontLines(whole))
        let check = try run("pdfua", ["check", parts])
        #expect(check.status == 0, "\(check.out)")
    }

    @Test("a drawing context whose cairo fonts are kept apart draws the same bytes as the first")
    func keyedContextDrawsTheSame() throws {
        // The pack first: laying it out configures the bundled fonts, which both contexts must
        // be made with (a context made before that would use the system's fonts).
        let pages = Self.pack.pages
        func draw(_ fonts: PangoContextOwner) throws -> [UInt8] {
            let bytes = PDFBytes()
            var canvas = CairoCanvas(pdfInto: bytes, fonts: fonts)
            // A fixed creation date: without one cairo stamps the clock's second, and two
            // drawings a second apart would differ in it alone.
            cairo_pdf_surface_set_metadata(canvas.pdfSurface, CAIRO_PDF_METADATA_CREATE_DATE, "1970-01-01T00:00:00Z")
            renderPages(pages, on: &canvas)
            #expect(canvas.finish() == nil)
            let spooled = bytes.take()
            return try spooled.bytes(0..<spooled.count)
        }
        let keyed = try draw(PangoContextOwner(fontKey: 3))
        #expect(String(decoding: keyed, as: UTF8.self).contains("/CreationDate (19700101000000Z)"))
        #expect(try keyed == draw(PangoContextOwner()))
    }

    @Test("a part ends only where no element is open, and only once it holds its pages")
    func partBoundaries() {
        func page(_ opens: Int, _ closes: Int) -> Page {
            var frame = Frame(size: .a4)
            for _ in 0..<opens { frame.open(.section) }
            frame.open(.paragraph)
            frame.close()
            frame.close(closes)
            return Page(frame: frame, number: 1, label: .decimal(1))
        }
        // A section opened on page 1 and closed on page 3, another on pages 4 and 5.
        let pages = [page(1, 0), page(0, 0), page(0, 1), page(1, 0), page(0, 1), page(0, 0)]
        var two = DrawingParts(minimumPages: 2)
        #expect(pages.map { two.endsPart(after: $0) } == [false, false, true, false, true, false])
        var one = DrawingParts(minimumPages: 1)
        #expect(pages.map { one.endsPart(after: $0) } == [false, false, true, false, true, true])
        var four = DrawingParts(minimumPages: 4)
        #expect(pages.map { four.endsPart(after: $0) } == [false, false, false, false, true, false])
    }

    /// The bookmarks as pikepdf reads them: depth, title, page and the destination's top.
    static func outline(_ pdf: String) throws -> [String] {
        let script = """
        import pikepdf, sys
        pdf = pikepdf.open(sys.argv[1])
        pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
        def walk(items, depth):
            for item in items:
                d = item.destination
                print(depth, item.title, pages[d[0].objgen], round(float(d[3]), 2))
                walk(item.children, depth + 1)
        with pdf.open_outline() as outline:
            walk(outline.root, 0)
        """
        let result = try run("python3", ["-c", script, pdf])
        guard result.status == 0 else { throw PDFReading.ReadingFailed(message: result.err) }
        return result.out.split(separator: "\n").map(String.init)
    }
}
