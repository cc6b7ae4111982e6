import CCairo
import CPangoCairo
import CPopplerGlib
import Foundation
import QuirePages
import QuirePDF
import QuireRender
import QuireSystem

/// Draws pages with Cairo, on a PDF surface (one page per page) or on one image surface per
/// page written as PNG. Fonts are resolved through the same Pango context kind that shaped
/// the text, so glyph ids and advances match exactly.
struct CairoCanvas: Canvas {
    enum Target {
        case pdf
        /// Pixels per point and where a 1-based page number's PNG goes.
        case png(scale: Double, output: (Int) -> PNGOutput)
    }

    /// Where one page's PNG is written: a path cairo opens, or a descriptor the caller opened.
    enum PNGOutput {
        case path(String)
        case descriptor(Int32)
    }

    private let fonts: PangoContextOwner
    private let target: Target
    private var surface: OpaquePointer?
    private var cr: OpaquePointer?
    private var pageNumber = 0
    private(set) var failure: String?
    /// Structure elements as written (PDF only).
    private(set) var tagger = CairoTagger()
    /// Archival output: images are drawn without interpolation, which PDF/A forbids.
    private let archival: Bool
    /// Appendix PDFs, each opened once for all its pages.
    private let appendices = PDFDocumentCache()

    /// A PDF canvas writing into `sink` (the finisher reads it back from there).
    init(pdfInto sink: PDFBytes, fonts: PangoContextOwner, archival: Bool = false) {
        self.fonts = fonts
        self.target = .pdf
        self.archival = archival
        surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            return closure.assumingMemoryBound(to: ByteSpool.self).pointee.append(data, Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_NO_MEMORY
        }, sink.sink, Size.a4.width, Size.a4.height)
        cr = cairo_create(surface)
    }

    /// A PNG canvas; pages are written as they end.
    init(pngScale scale: Double, output: @escaping (Int) -> PNGOutput, fonts: PangoContextOwner) {
        self.fonts = fonts
        self.target = .png(scale: scale, output: output)
        self.archival = false
    }

    private var tagged: Bool { if case .pdf = target { true } else { false } }

    var pdfSurface: OpaquePointer? { surface }

    // MARK: - Canvas

    mutating func beginPage(size: Size) {
        pageNumber += 1
        switch target {
        case .pdf:
            cairo_pdf_surface_set_size(surface, size.width, size.height)
            if pageNumber == 1 { tagger.beginDocument(cr) }
        case .png(let scale, _):
            surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32((size.width * scale).rounded(.up)), Int32((size.height * scale).rounded(.up)))
            cr = cairo_create(surface)
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
            cairo_scale(cr, scale, scale)
        }
    }

    mutating func drawGlyphs(_ run: GlyphRun, at origin: Point) {
        guard !run.glyphs.isEmpty, let font = fonts.scaledFont(for: run.font) else { return }
        let extent = Rect(origin: Point(x: origin.x, y: origin.y - run.font.size * 0.8), size: Size(width: run.width, height: run.font.size))
        let wrapped = tagged && tagger.beforeContent(text: true, extent: extent, page: pageNumber - 1, cr)
        defer { if wrapped { tagger.afterContent(true, cr) } }
        cairo_set_scaled_font(cr, font)
        setColor(run.color)
        var utf8 = Array(run.text.utf8CString)
        let byteCount = utf8.count - 1
        var shown = run.glyphs
        // A space layout added after the last word (endingWord) has no glyph: the font's
        // space, which draws nothing, carries it into the text.
        if run.text.utf8.last == 0x20, let last = shown.last, Int(last.cluster) < byteCount - 1, let space = spaceGlyph(font) {
            shown.append(Glyph(id: space, x: Float(run.width), y: 0, cluster: Int32(byteCount - 1)))
        }
        var glyphs = shown.map { cairo_glyph_t(index: UInt($0.id), x: origin.x + Double($0.x), y: origin.y + Double($0.y)) }
        guard let clusters = textClusters(shown, byteCount: byteCount) else {
            cairo_show_glyphs(cr, &glyphs, Int32(glyphs.count))
            return
        }
        clusters.withUnsafeBufferPointer { c in
            cairo_show_text_glyphs(cr, &utf8, Int32(byteCount), &glyphs, Int32(glyphs.count), c.baseAddress, Int32(c.count),
                                   cairo_text_cluster_flags_t(rawValue: 0))
        }
    }

    mutating func drawLine(from: Point, to: Point, width: Double, color: Color) {
        let extent = Rect(origin: Point(x: min(from.x, to.x) - width / 2, y: min(from.y, to.y) - width / 2),
                          size: Size(width: abs(to.x - from.x) + width, height: abs(to.y - from.y) + width))
        let wrapped = tagged && tagger.beforeContent(text: false, extent: extent, page: pageNumber - 1, cr)
        defer { if wrapped { tagger.afterContent(true, cr) } }
        setColor(color)
        cairo_set_line_width(cr, width)
        cairo_move_to(cr, from.x, from.y)
        cairo_line_to(cr, to.x, to.y)
        cairo_stroke(cr)
    }

    mutating func fill(_ rect: Rect, color: Color) {
        let wrapped = tagged && tagger.beforeContent(text: false, extent: rect, page: pageNumber - 1, cr)
        defer { if wrapped { tagger.afterContent(true, cr) } }
        setColor(color)
        cairo_rectangle(cr, rect.origin.x, rect.origin.y, rect.size.width, rect.size.height)
        cairo_fill(cr)
    }

    /// Draws a PNG, JPEG or SVG figure into `rect`, clipped to it. The clip is not only tidy:
    /// cairo 1.16's recording surface treats an unclipped `cairo_paint` on a page with nothing
    /// drawn yet as covering the page and discards the page's commands so far, its structure
    /// tags among them, so the tag closed after the figure has no opening and the whole PDF
    /// fails ("invalid tag name, attributes, or nesting"). A raster image is painted that way,
    /// and librsvg paints an SVG's filtered groups that way, so a figure first on a page hit it.
    mutating func drawImage(path: String, in rect: Rect) {
        let wrapped = tagged && tagger.beforeContent(text: false, extent: rect, page: pageNumber - 1, cr)
        defer { if wrapped { tagger.afterContent(true, cr) } }
        cairo_save(cr)
        defer { cairo_restore(cr) }
        cairo_rectangle(cr, rect.origin.x, rect.origin.y, rect.size.width, rect.size.height)
        cairo_clip(cr)
        guard let format = RasterImage.format(of: path) else {
            if !SVGImage.draw(path, cr: cr, x: rect.origin.x, y: rect.origin.y, width: rect.size.width, height: rect.size.height) {
                failure = "cannot draw SVG image \(path)"
            }
            return
        }
        let image: OpaquePointer
        switch RasterImage.surface(path, format: format) {
        case .success(let surface): image = surface
        case .failure(let problem): failure = problem.message; return
        }
        defer { cairo_surface_destroy(image) }
        let w = Double(cairo_image_surface_get_width(image)), h = Double(cairo_image_surface_get_height(image))
        cairo_translate(cr, rect.origin.x, rect.origin.y)
        cairo_scale(cr, rect.size.width / w, rect.size.height / h)
        cairo_set_source_surface(cr, image, 0, 0)
        if archival { cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_FAST) }
        cairo_paint(cr)
    }

    /// Poppler replays the page's own drawing operators on our surface, so on a PDF target
    /// its text stays text and its vectors stay vectors.
    mutating func drawPDFPage(path: String, index: Int, in rect: Rect) {
        let wrapped = tagged && tagger.beforeContent(text: true, extent: rect, page: pageNumber - 1, cr)
        defer { if wrapped { tagger.afterContent(true, cr) } }
        let page: OpaquePointer
        switch appendices.page(path, index: index) {
        case .success(let opened): page = opened
        case .failure(let problem): failure = problem.message; return
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        let size = pageSize(page)
        guard size.width > 0, size.height > 0 else { failure = "appendix \(path) page \(index + 1) has no size"; return }
        cairo_save(cr)
        cairo_rectangle(cr, rect.origin.x, rect.origin.y, rect.size.width, rect.size.height)
        cairo_clip(cr)  // nothing drawn outside the page's place, whatever the file holds
        cairo_translate(cr, rect.origin.x, rect.origin.y)
        cairo_scale(cr, rect.size.width / size.width, rect.size.height / size.height)
        poppler_page_render(page, cr)
        cairo_restore(cr)
    }

    /// On a PDF target nothing is drawn: the finisher copies the page's own content and
    /// structure into the file (see `ImportedPDFPage`). Other targets draw it.
    mutating func placeTaggedPDFPage(path: String, index: Int, in rect: Rect) {
        guard tagged else { return drawPDFPage(path: path, index: index, in: rect) }
        let box = ElementBox(pageIndex: pageNumber - 1, x: rect.origin.x, y: rect.origin.y, width: rect.size.width, height: rect.size.height)
        tagger.importPage(ImportedPDFPage(path: path, sourceIndex: index, place: box), cr)
    }

    mutating func addLink(url: String, in rect: Rect) {
        guard case .pdf = target else { return }
        let escaped = url.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        let attributes = "uri='\(escaped)' rect=[\(rect.origin.x) \(rect.origin.y) \(rect.size.width) \(rect.size.height)]"
        let contents = url.hasPrefix("mailto:") ? "Email " + url.dropFirst(7) : "Link to " + url
        tagger.link(attributes: attributes, contents: contents, destination: nil, cr)
    }

    mutating func addPageLink(pageIndex: Int, y: Double, in rect: Rect) {
        guard case .pdf = target else { return }
        let attributes = "page=\(pageIndex + 1) pos=[0 \(max(0, y - 12))] rect=[\(rect.origin.x) \(rect.origin.y) \(rect.size.width) \(rect.size.height)]"
        // Cairo 1.16 writes no destination: the finisher does, and the description from the
        // target's printed label, which only the finished document knows.
        tagger.link(attributes: attributes, contents: nil, destination: PageDestination(pageIndex: pageIndex, y: y), cr)
    }

    mutating func beginTag(_ tag: StructureTag) {
        if tagged { tagger.begin(tag, cr) }
    }

    mutating func endTag() {
        if tagged { tagger.end(cr) }
    }

    mutating func endPage() {
        switch target {
        case .pdf:
            tagger.endPage(cr)
            cairo_show_page(cr)
        case .png(_, let output):
            cairo_surface_flush(surface)
            switch output(pageNumber) {
            case .path(let path):
                if cairo_surface_write_to_png(surface, path) != CAIRO_STATUS_SUCCESS { failure = "cannot write \(path)" }
            case .descriptor(var descriptor):
                let status = cairo_surface_write_to_png_stream(surface, { closure, data, length in
                    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                    let descriptor = closure.assumingMemoryBound(to: Int32.self).pointee
                    return writeFully(descriptor, data, Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
                }, &descriptor)
                if status != CAIRO_STATUS_SUCCESS { failure = "cannot write page \(pageNumber)'s PNG: \(String(cString: strerror(errno)))" }
            }
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
            cr = nil
            surface = nil
        }
    }

    // MARK: - Finish

    /// Ends the document; returns an error text if cairo failed anywhere.
    mutating func finish() -> String? {
        defer { appendices.close() }
        if case .pdf = target, pageNumber > 0 { tagger.endDocument(cr) }
        if let cr {
            let status = cairo_status(cr)
            if status != CAIRO_STATUS_SUCCESS, failure == nil { failure = String(cString: cairo_status_to_string(status)) }
            cairo_destroy(cr)
        }
        if let surface {
            cairo_surface_finish(surface)
            let status = cairo_surface_status(surface)
            if status != CAIRO_STATUS_SUCCESS, failure == nil { failure = String(cString: cairo_status_to_string(status)) }
            cairo_surface_destroy(surface)
        }
        cr = nil
        surface = nil
        return failure
    }

    private func setColor(_ color: Color) {
        cairo_set_source_rgb(cr, color.red, color.green, color.blue)
    }
}

/// Writes all `count` bytes to `descriptor`, retrying short writes and interruptions.
func writeFully(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var written = 0
    while written < count {
        let result = write(descriptor, bytes + written, count - written)
        if result < 0 {
            if errno == EINTR { continue }
            return false
        }
        written += result
    }
    return true
}

/// The bytes cairo writes, spooled for the finisher (`ByteSpool`: in memory, past a few
/// MiB in an unlinked temporary file).
final class PDFBytes {
    /// Cairo hands its output over in pieces of a few bytes (an operator, a number): appended
    /// to a Swift array through this class, each cost a retain, a release, a uniqueness and
    /// an exclusivity check, 4% of a service render (perf); copied into raw memory, next to
    /// nothing. The spool is reached through a plain pointer, never through the class.
    fileprivate let sink = UnsafeMutablePointer<ByteSpool>.allocate(capacity: 1)

    init(_ spool: ByteSpool = ByteSpool()) { sink.initialize(to: spool) }

    deinit {
        sink.pointee.release()
        sink.deinitialize(count: 1)
        sink.deallocate()
    }

    /// The bytes, leaving none behind.
    func take() -> SpooledBytes {
        sink.pointee.seal()
    }
}

/// Cairo's cluster map (bytes ↔ glyphs) from each glyph's cluster offset, so PDF text
/// extraction returns the source text. Nil when clusters run backwards (right-to-left runs),
/// which this map cannot express; those are drawn without text.
func textClusters(_ glyphs: [Glyph], byteCount: Int) -> [cairo_text_cluster_t]? {
    var clusters: [cairo_text_cluster_t] = []
    clusters.reserveCapacity(glyphs.count)
    var index = 0
    var byteStart = 0  // the first cluster also takes any bytes before its glyph (skipped empty glyphs)
    while index < glyphs.count {
        let cluster = Int(glyphs[index].cluster)
        var end = index
        while end < glyphs.count, Int(glyphs[end].cluster) == cluster { end += 1 }
        let nextByte = end < glyphs.count ? Int(glyphs[end].cluster) : byteCount
        guard nextByte > byteStart || (end == glyphs.count && nextByte >= byteStart) else { return nil }
        clusters.append(cairo_text_cluster_t(num_bytes: Int32(nextByte - byteStart), num_glyphs: Int32(end - index)))
        byteStart = nextByte
        index = end
    }
    return clusters
}

/// The glyph of a space in `font`, or nil when it has none.
func spaceGlyph(_ font: OpaquePointer) -> UInt32? {
    var glyphs: UnsafeMutablePointer<cairo_glyph_t>?
    var count: Int32 = 0
    guard cairo_scaled_font_text_to_glyphs(font, 0, 0, " ", 1, &glyphs, &count, nil, nil, nil) == CAIRO_STATUS_SUCCESS, let glyphs else { return nil }
    defer { cairo_glyph_free(glyphs) }
    return count == 1 ? UInt32(glyphs[0].index) : nil
}
