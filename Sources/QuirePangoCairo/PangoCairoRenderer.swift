import CCairo
import Foundation
public import QuirePages
public import QuirePDF
import QuireRender
import QuireSystem

/// Renders page trees to PDF and PNG through Cairo. Fonts are resolved through a Pango
/// context of its own, set up exactly as the shapers' (so glyph ids and advances match), and
/// separate from them: pages finished lazily while drawing still need the shapers.
public final class PangoCairoRenderer: @unchecked Sendable {
    /// One surface at a time uses each context: `contexts` renders, each drawing up to
    /// `drawingThreads` parts, can draw side by side.
    private let fonts: ContextPool
    private let renders: Int
    /// How cairo's output is spooled (chunk size, chunks kept in memory); tests make it spill.
    let spool: (chunkSize: Int, memoryChunks: Int)
    /// Threads drawing one document's parts, and the pages a part holds at least (`DrawingParts`).
    let drawingThreads: Int, partPages: Int

    public convenience init(contexts: Int = 1) {
        self.init(contexts: contexts, spool: (ByteSpool.defaultChunkSize, ByteSpool.defaultMemoryChunks))
    }

    init(contexts: Int, spool: (chunkSize: Int, memoryChunks: Int), drawingThreads: Int = ProcessInfo.processInfo.activeProcessorCount,
         partPages: Int = DrawingParts.defaultMinimumPages) {
        _ = Self.contentLeftUncompressed
        renders = max(1, contexts)
        self.drawingThreads = max(1, drawingThreads)
        self.partPages = partPages
        // Made on first use: a paper, one part, never makes the contexts a long pack draws with.
        fonts = ContextPool(count: renders * self.drawingThreads)
        self.spool = spool
    }

    /// Cairo 1.16 has no call to leave page content uncompressed, only this variable, read as
    /// each PDF surface is made. This renderer's PDFs always go through `finishPDF`, which
    /// decodes every page's content to re-mark it and compresses it once, on every core:
    /// cairo's own compression, on the one thread that draws, was work thrown away. Set once
    /// per process, when the first renderer is made, while the warm-up thread may be reading
    /// the environment (so not with `setenv`); a PDF drawn with cairo elsewhere (the bench's
    /// bare loop) is not affected unless a renderer exists.
    private static let contentLeftUncompressed: Void = { Platform.setEnvironmentValue("CAIRO_DEBUG_PDF", "1") }()

    /// Sets up the drawing contexts on background threads (see `PangoShaper.prewarm`).
    public func prewarm(family: String = "Liberation Sans") {
        for index in 0..<renders {
            DispatchQueue.global().async {
                self.fonts.with(index) { fonts in _ = fonts.scaledFont(for: FontRef(family: family, size: 12)) }
            }
        }
    }

    func withFonts<T>(_ body: (PangoContextOwner) -> T) -> T {
        fonts.withAny(body)
    }

    /// Writes a tagged PDF with metadata and bookmarks; returns an error text on failure.
    /// `archivalProfile` (an sRGB ICC profile) makes it PDF/A-2b.
    public func writePDF(_ document: PagedDocument, archivalProfile: String? = nil, to path: String) -> String? {
        writePDF(pages: document.pages, outline: document.outline, metadata: document.metadata, archivalProfile: archivalProfile, to: path)
    }

    /// Writes pages as they come (a lazily finished sequence keeps memory flat): cairo draws
    /// them into a spool (memory, then past 4 MiB a temporary file; about 11 KB a page, the
    /// content left uncompressed), a long document in parts side by side (`draw`), then
    /// `finishPDF` completes that into `path`.
    public func writePDF(pages: some Sequence<Page>, outline: [OutlineEntry], metadata: DocumentMetadata,
                         archivalProfile: String? = nil, to path: String) -> String? {
        writePDF(pages: pages, outline: outline, metadata: metadata, archivalProfile: archivalProfile, into: .path(path))
    }

    /// `writePDF` into a file the caller opened and closes (an exclusively created temporary
    /// file), or into memory.
    public func writePDF(pages: some Sequence<Page>, outline: [OutlineEntry], metadata: DocumentMetadata,
                         archivalProfile: String? = nil, into destination: PDFDestination) -> String? {
        let drawn: DrawnDocument
        switch draw(pages, outline: outline, metadata: metadata, archival: archivalProfile != nil) {
        case .success(let document): drawn = document
        case .failure(let failure): return failure.message
        }
        let producer = "Quire (cairo \(String(cString: cairo_version_string())))"
        // What the drawing freed stays resident in glibc's heap arenas; given back before the
        // finishing, a long pack's peak is 4-6 MB lower (a paper's PDF never spills: no call).
        if drawn.bytes.spilled { Platform.releaseFreedMemory() }
        do {
            try finishPDF(drawn.bytes, to: destination, PDFFinish(metadata: metadata, elements: drawn.elements, pageLabels: drawn.labels,
                                                  producer: producer, archivalProfile: archivalProfile, importedPages: drawn.imported))
            return nil
        } catch {
            return "finishing the PDF: \(error)"
        }
    }

    /// Writes one PNG per page, named by `path(pageNumber)`.
    public func writePNGs(_ document: PagedDocument, dpi: Double, path: @escaping (Int) -> String) -> String? {
        withFonts { fonts in
            var canvas = CairoCanvas(pngScale: dpi / 72, output: { .path(path($0)) }, fonts: fonts)
            renderPages(document.pages, on: &canvas)
            return canvas.finish()
        }
    }

    /// Writes one page as PNG into a file the caller opened and closes.
    public func writePNG(_ page: Page, dpi: Double, toDescriptor descriptor: Int32) -> String? {
        withFonts { fonts in
            var canvas = CairoCanvas(pngScale: dpi / 72, output: { _ in .descriptor(descriptor) }, fonts: fonts)
            renderPages(CollectionOfOne(page), on: &canvas)
            return canvas.finish()
        }
    }

    func writeMetadata(_ metadata: DocumentMetadata, _ surface: OpaquePointer) {
        let fields: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
            (CAIRO_PDF_METADATA_SUBJECT, metadata.subject), (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords),
            (CAIRO_PDF_METADATA_CREATOR, "Quire"),
        ]
        for (key, value) in fields where !value.isEmpty { cairo_pdf_surface_set_metadata(surface, key, value) }
        // Without a creation date cairo stamps the wall clock, and no two renders would match.
        let date = metadata.creationDate ?? "1970-01-01"
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.contains("T") ? date : date + "T00:00:00Z")
    }

    /// Bookmarks: level-2 entries nest under the level-1 entry before them.
    func writeOutline(_ outline: [OutlineEntry], _ surface: OpaquePointer) {
        var parents: [Int: Int32] = [0: 0]  // level → outline id of the latest entry at that level
        for entry in outline {
            let parent = parents[entry.level - 1] ?? 0
            let target = "page=\(entry.pageIndex + 1) pos=[0 \(max(0, entry.y - 12))]"
            let id = cairo_pdf_surface_add_outline(surface, parent, entry.title, target,
                                                   entry.level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(rawValue: 0))
            parents[entry.level] = id
        }
    }
}
