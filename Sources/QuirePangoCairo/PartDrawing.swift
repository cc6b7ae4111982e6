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

/// One part of a document after the first, drawn on a surface of its own by a thread of its
/// own while the calling thread reads on (`DrawingParts` says where parts may end).
private final class Part: @unchecked Sendable {
    let index: Int
    let pages: BoundedChannel<Page>
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

struct DrawFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

extension PangoCairoRenderer {
    /// Draws `pages` as cairo PDFs. The first part is drawn here as the pages come, finished
    /// a few ahead on a thread of their own (`Prefetched`); a document that never reaches a
    /// place to split (`DrawingParts`) is that part alone, written as one surface writes it.
    /// After it, this thread reads the pages on and hands each further part to a thread of its
    /// own, up to `drawingThreads` at once, and the parts are joined in order. The parts, and
    /// so the bytes, depend on the pages alone, not on the threads.
    func draw(_ pages: some Sequence<Page>, outline: [OutlineEntry], metadata: DocumentMetadata, archival: Bool) -> Result<DrawnDocument, DrawFailure> {
        var boundaries = DrawingParts(minimumPages: partPages)
        var labels: [PageLabel] = []
        let iterator = Prefetched(pages).makeIterator()
        var following: Page?  // the first page after the first part
        let first = Part(index: 0, depth: 1)
        drawPart(first, metadata: metadata, archival: archival) { draw in
            var mayEnd = false
            while let page = iterator.next() {
                if mayEnd {
                    following = page
                    return false
                }
                labels.append(page.label)
                draw(page)
                mayEnd = boundaries.endsPart(after: page)
            }
            return true
        } whole: { surface in writeOutline(outline, surface) }
        guard var page = following else {
            guard let drawn = first.drawn else { return .failure(DrawFailure(first.failure ?? "cairo drew nothing")) }
            return .success(DrawnDocument(bytes: drawn.bytes, elements: drawn.elements, labels: labels, imported: drawn.imported))
        }
        let join = PartJoin()
        join.ended(first)
        let drawers = DispatchSemaphore(value: drawingThreads)
        var parts: [Part] = []
        var more = true
        while more {
            let part = Part(index: parts.count + 1, depth: partPages)
            parts.append(part)
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
            // A part ends only once another page comes: the last part is the document's end.
            more = false
            while true {
                labels.append(page.label)
                part.pages.put(page)
                let mayEnd = boundaries.endsPart(after: page)
                guard let next = iterator.next() else { break }
                page = next
                if mayEnd {
                    more = true
                    break
                }
            }
            part.pages.close()
        }
        for part in parts { part.ended.wait() }
        return join.finish(outline: outline).map { DrawnDocument(bytes: $0.bytes, elements: $0.elements, labels: labels, imported: $0.imported) }
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
