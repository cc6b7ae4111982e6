import Foundation
import QuirePages
import QuirePDF
import QuireRender
import QuireSystem

/// What cairo drew for a document, ready for `finishPDF`: its PDF, the structure elements
/// written and the tagged pages placed, in document order.
struct DrawnDocument {
    var bytes: SpooledBytes
    var elements: [WrittenElement]
    var labels: [PageLabel]
    var imported: [ImportedPDFPage]
}

/// One part of a document, drawn on a surface of its own (`DrawingParts` says where parts
/// may end): the first by the calling thread, each later one by a thread of its own.
private final class Part: @unchecked Sendable {
    let index: Int
    let pages: BoundedChannel<Page>
    /// Set before `pages` is closed: whether this part is the whole document.
    var isWhole = false
    var drawn: (bytes: SpooledBytes, elements: [WrittenElement], imported: [ImportedPDFPage])?
    var failure: String?
    let ended = DispatchSemaphore(value: 0)

    init(index: Int, depth: Int) {
        self.index = index
        pages = BoundedChannel(depth: depth)
    }
}

/// Parts joined in document order as they end, each released once joined, so a long pack
/// holds only the parts still being drawn (`CairoPDFJoin`).
private final class PartJoin: @unchecked Sendable {
    private let lock = NSLock()
    private var ended: [Int: Part] = [:]
    private var next = 0
    private let join = CairoPDFJoin()
    private var failure: String?

    func ended(_ part: Part) {
        lock.withLock {
            ended[part.index] = part
            while let part = ended.removeValue(forKey: next) {
                next += 1
                guard failure == nil else { continue }
                if let problem = part.failure {
                    failure = problem
                } else if let drawn = part.drawn {
                    do {
                        try join.append(drawn.bytes, elements: drawn.elements, imported: drawn.imported)
                    } catch {
                        failure = "joining the drawn parts: \(error)"
                    }
                }
                part.drawn = nil
            }
        }
    }

    func finish(outline: [OutlineEntry]) -> Result<(bytes: SpooledBytes, elements: [WrittenElement], imported: [ImportedPDFPage]), DrawFailure> {
        lock.withLock {
            if let failure { return .failure(DrawFailure(failure)) }
            guard ended.isEmpty else { return .failure(DrawFailure("the drawn parts did not all end")) }
            do {
                return .success(try join.finish(outline: outline))
            } catch {
                return .failure(DrawFailure("joining the drawn parts: \(error)"))
            }
        }
    }
}

/// What the reading thread hands back once it has read the last page: the later parts it
/// started and every page's label, in order.
private final class RoutedParts: @unchecked Sendable {
    var parts: [Part] = []
    var labels: [PageLabel] = []
    let done = DispatchSemaphore(value: 0)
}

/// The pages' iterator, handed to the reading thread and used by it alone, which lets go of
/// it (`close`) before it says it is done: the iterator may hold a closure the caller lends
/// only while the PDF is drawn (`withoutActuallyEscaping`), and the thread's job, holding this
/// source, is released a moment after it ends. Holding the iterator to then crashed a render
/// now and then ("closure argument was escaped").
private final class PageSource<Base: IteratorProtocol<Page>>: @unchecked Sendable {
    private var iterator: Base?
    init(_ iterator: Base) { self.iterator = iterator }
    func next() -> Page? { iterator?.next() }
    func close() { iterator = nil }
}

struct DrawFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

extension PangoCairoRenderer {
    /// Pages read ahead of a later part's drawing thread: 16 drew the 250-paper pack as fast
    /// as 64 (1.34 s against 1.44 s, alternated) in 7 MiB less.
    static let queuedPages = 16

    /// Draws `pages` as cairo PDFs. A thread of its own reads the pages (each finished as it is
    /// read: back from the spool, running header and footer added) and routes them: the first
    /// part's to this thread, which draws them as they come, as a paper always was drawn; a
    /// document that never reaches a place to split (`DrawingParts`) is that part alone,
    /// written as one surface writes it. Each later part goes to a thread of its own, up to
    /// `drawingThreads` drawing at once with this one, and the parts are joined in order. The
    /// first part's queue is as long as a part, so the reader reaches the second part while
    /// the first is still being drawn. The parts, and so the bytes, depend on the pages
    /// alone, not on the threads.
    func draw(_ pages: some Sequence<Page>, outline: [OutlineEntry], metadata: DocumentMetadata, archival: Bool) -> Result<DrawnDocument, DrawFailure> {
        let first = Part(index: 0, depth: max(8, partPages))
        let routed = RoutedParts()
        let drawers = DispatchSemaphore(value: drawingThreads)
        let join = PartJoin()
        let source = PageSource(pages.makeIterator())
        drawers.wait()  // held by this thread while it draws the first part
        SpareThreads.run { [self] in
            route(source, first: first, into: routed, drawers: drawers, join: join, metadata: metadata, archival: archival)
        }
        drawPart(first, metadata: metadata, archival: archival) { draw in
            while let page = first.pages.take() { draw(page) }
            return first.isWhole
        } whole: { surface in writeOutline(outline, surface) }
        drawers.signal()
        // Joined now, not once every page is read: the later parts drawn meanwhile are joined
        // (and released) as they end instead of all waiting for the first.
        if !first.isWhole { join.ended(first) }
        routed.done.wait()
        guard !routed.parts.isEmpty else {
            guard let drawn = first.drawn else { return .failure(DrawFailure(first.failure ?? "cairo drew nothing")) }
            return .success(DrawnDocument(bytes: drawn.bytes, elements: drawn.elements, labels: routed.labels, imported: drawn.imported))
        }
        for part in routed.parts { part.ended.wait() }
        return join.finish(outline: outline).map { DrawnDocument(bytes: $0.bytes, elements: $0.elements, labels: routed.labels, imported: $0.imported) }
    }

    /// The reading thread: each page into its part's queue; a new part, on a thread of its
    /// own, once the part before may end and another page comes (so the last part is the
    /// document's end).
    private func route(_ source: PageSource<some IteratorProtocol<Page>>, first: Part, into routed: RoutedParts, drawers: DispatchSemaphore,
                       join: PartJoin, metadata: DocumentMetadata, archival: Bool) {
        var boundaries = DrawingParts(minimumPages: partPages)
        var current = first
        var mayEnd = false
        while let page = source.next() {
            if mayEnd {
                current.pages.close()
                let part = Part(index: routed.parts.count + 1, depth: Self.queuedPages)
                routed.parts.append(part)
                drawers.wait()
                SpareThreads.run { [self] in
                    drawPart(part, metadata: metadata, archival: archival) { draw in
                        while let page = part.pages.take() { draw(page) }
                        return false
                    }
                    drawers.signal()
                    join.ended(part)
                    part.ended.signal()
                }
                current = part
            }
            routed.labels.append(page.label)
            current.pages.put(page)
            mayEnd = boundaries.endsPart(after: page)
        }
        source.close()
        // Written only while the first part's queue is open: its drawer reads it once closed.
        if routed.parts.isEmpty { first.isWhole = true }
        current.pages.close()
        routed.done.signal()
    }

    /// One part on a surface of its own, with a drawing context no other thread uses
    /// meanwhile: `pages` draws each page it reads with the function it is given, and says
    /// whether they were the whole document (cairo then writes the bookmarks, `whole`).
    private func drawPart(_ part: Part, metadata: DocumentMetadata, archival: Bool, pages: ((Page) -> Void) -> Bool,
                          whole: (OpaquePointer) -> Void = { _ in }) {
        withFonts { fonts in
            let drawn = PDFBytes(ByteSpool(chunkSize: spool.chunkSize, memoryChunks: spool.memoryChunks))
            var canvas = CairoCanvas(pdfInto: drawn, fonts: fonts, archival: archival)
            if let surface = canvas.pdfSurface { writeMetadata(metadata, surface) }
            let isWhole = pages { page in renderPages(CollectionOfOne(page), on: &canvas) }
            if isWhole, let surface = canvas.pdfSurface { whole(surface) }
            if let failure = canvas.finish() {
                part.failure = failure
            } else {
                part.drawn = (drawn.take(), canvas.tagger.elements, canvas.tagger.importedPages)
            }
        }
    }
}
