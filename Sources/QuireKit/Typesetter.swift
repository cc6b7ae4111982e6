public import Foundation
public import QuireLayout
public import QuireModel
public import QuirePages
public import QuirePangoCairo
import QuirePDF
import QuireImport
import QuireSource
import CLazyLoad

/// The composition root: source file → paper → pages → PDF/PNG, wiring the Pango/Cairo
/// backend into the layout. One instance can render many papers (it keeps its font maps).
public final class Typesetter: Sendable {
    public let resources: Resources
    public let shaper: PangoShaper
    let renderer: PangoCairoRenderer

    /// - Parameters:
    ///   - threads: shaping threads (and Pango contexts) for one render's paragraphs.
    ///   - concurrentRenders: renders this instance may draw at once, each with its own
    ///     context (the service's slots; the CLI draws one).
    public init(resources: Resources = .locate(), threads: Int = ProcessInfo.processInfo.activeProcessorCount, concurrentRenders: Int = 1) {
        self.resources = resources
        FontConfiguration.use(fontsDirectory: resources.fonts.path)
        // The renderer first: it sets the process's one cairo variable before threads start.
        renderer = PangoCairoRenderer(contexts: concurrentRenders)
        shaper = PangoShaper(threads: threads)
        // Warmed up already (`warmUp`), its contexts are taken as needed; else warm them now.
        if !TextStackWarmUp.isStarted {
            shaper.prewarm()
            renderer.prewarm()
        }
    }

    /// Starts making the text stack ready for the `Typesetter` a command will make with the
    /// default threads, on a thread of its own (`TextStackWarmUp`): cmark-gfm first, which
    /// the source's parser needs before Pango, then the fonts, Pango, and a context for each
    /// shaping thread and the drawing. A command that typesets calls it before its command
    /// line is parsed, and `warmedUp()` before it exits.
    public static func warmUp(resources: Resources = .locate()) {
        TextStackWarmUp.start(fontsDirectory: resources.fonts.path, contexts: ProcessInfo.processInfo.activeProcessorCount + 1,
                              first: { quire_stack_bind_markdown() })
    }

    /// Waits for a warm-up under way to end (`TextStackWarmUp.wait`).
    public static func warmedUp() { TextStackWarmUp.wait() }

    /// A paper laid out, with the theme it used and the files it read.
    public struct Result: Sendable {
        public var paper: Paper
        public var theme: Theme
        public var layout: LayoutResult
        /// The source, its data files, images and layout: what an output must never replace.
        public var inputs: [InputFile]
        /// What must outlive the pages: an imported Word document's pictures, drawn from files.
        var retained: ImportedWord?
    }

    /// Reads, parses, checks and lays out one paper. `layout` overrides the front matter's.
    /// `root` is the job's folder a layout named by path may also be read from (the CLI's
    /// current directory); the paper's own folder always is.
    public func layout(file: String, root: URL? = nil, layout override: LayoutChoice? = nil) throws(QuireError) -> Result {
        let (data, directory) = try readSource(file)
        return try layout(data: data, file: file, directory: directory, root: root, layout: override)
    }

    /// Lays out source bytes; `directory` is where relative image paths are looked up, `root`
    /// (default: `directory`) the job's folder, which a layout named by path must stay in. A
    /// `budget` bounds the time and pages the layout may take.
    public func layout(data: Data, file: String, directory: URL, root: URL? = nil, layout override: LayoutChoice? = nil,
                       origin: PaperOrigin = .new, budget: any WorkBudget = UnlimitedBudget()) throws(QuireError) -> Result {
        let prepared = try prepare(data: data, file: file, directory: directory, root: root, layout: override, origin: origin)
        var frames: [Frame] = []
        let streamed = try lay(prepared, budget: budget, store: { frames.append($0) }, load: { frames[$0] })
        var document = PagedDocument(pages: Array(streamed.pages()), outline: streamed.outline, metadata: streamed.metadata,
                                     figures: streamed.figures)
        stampCreationDate(&document.metadata)
        return Result(paper: prepared.paper, theme: prepared.theme,
                      layout: LayoutResult(document: document, diagnostics: prepared.warnings + streamed.diagnostics),
                      inputs: prepared.inputs, retained: prepared.imported)
    }

    /// Renders a paper straight to PDF, finished body pages waiting in a spool file rather than
    /// in memory: the path for long documents, with the same bytes as `layout` + `writePDF`.
    /// `pdfa` forces PDF/A-2b output on (or off); nil leaves it to the layout.
    public func renderPDF(file: String, root: URL? = nil, layout override: LayoutChoice? = nil, pdfa: Bool? = nil,
                          to output: String) throws(QuireError) -> Rendered {
        let (data, directory) = try readSource(file)
        return try renderPDF(data: data, file: file, directory: directory, root: root, layout: override, pdfa: pdfa, to: output)
    }

    /// `renderPDF` for source bytes. A `budget` bounds the time and pages it may take; past
    /// it, the render stops and nothing is written.
    /// `observe` sees each page as it is drawn (the archive hashes them). `root` and `origin`
    /// as for `layout`; `linkRoot` is a folder the paper's symbolic links may also lead into
    /// (an archive's root: its papers may share files).
    public func renderPDF(data: Data, file: String, directory: URL, root: URL? = nil, linkRoot: URL? = nil, layout override: LayoutChoice? = nil,
                          origin: PaperOrigin = .new, pdfa: Bool? = nil, budget: any WorkBudget = UnlimitedBudget(),
                          observe: (Page) -> Void = { _ in }, to output: String) throws(QuireError) -> Rendered {
        try renderPDF(data: data, file: file, directory: directory, root: root, linkRoot: linkRoot, layout: override, origin: origin, pdfa: pdfa,
                      budget: budget, observe: observe) { inputs, write throws(QuireError) in
            try writeAtomically(output, inputs: inputs, budget: budget) { write(.descriptor($0)) }
        }
    }

    /// `renderPDF` into memory, for a caller that sends the bytes on (the service): no file
    /// is written, so none is read back.
    public func renderPDF(data: Data, file: String, directory: URL, layout override: LayoutChoice? = nil, pdfa: Bool? = nil,
                          budget: any WorkBudget = UnlimitedBudget()) throws(QuireError) -> (rendered: Rendered, pdf: Data) {
        let memory = PDFInMemory()
        let rendered = try renderPDF(data: data, file: file, directory: directory, layout: override, pdfa: pdfa,
                                     budget: budget) { _, write throws(QuireError) in
            let failure = write(.memory(memory))
            // As `writeAtomically` asks: a page that took the render past its deadline must not make it count as done.
            if !budget.allows(), let crossed = budget.exceeded { throw crossed }
            if let failure { throw QuireError(.io, at: nil, "cannot make the PDF: \(failure)") }
        }
        return (rendered, memory.bytes)
    }

    /// The one render pipeline: prepared, laid out into a spool, drawn and finished by the
    /// `write` that `deliver` calls with the destination it chose (nil, or what failed).
    private func renderPDF(data: Data, file: String, directory: URL, root: URL? = nil, linkRoot: URL? = nil, layout override: LayoutChoice?,
                           origin: PaperOrigin = .new, pdfa: Bool?, budget: any WorkBudget, observe: (Page) -> Void = { _ in },
                           deliver: (_ inputs: [InputFile], _ write: (PDFDestination) -> String?) throws(QuireError) -> Void) throws(QuireError) -> Rendered {
        let prepared = try prepare(data: data, file: file, directory: directory, root: root, linkRoot: linkRoot, layout: override, origin: origin)
        let spool = FrameSpool()
        let streamed = try lay(prepared, budget: budget, store: spool.append, load: spool.frame(at:))
        var metadata = streamed.metadata
        stampCreationDate(&metadata)
        let profile = try archivalProfile(pdfa ?? prepared.theme.pdfa)
        try withoutActuallyEscaping(observe) { observe throws(QuireError) in
            // The page iterator holds `observe` only while the PDF is written.
            try deliver(prepared.inputs) { destination in
                renderer.writePDF(pages: budget.pages(streamed.pages(), observe: observe),
                                  outline: streamed.outline, metadata: metadata, archivalProfile: profile, into: destination) ?? spool.failure
            }
        }
        return Rendered(pages: streamed.pageCount, diagnostics: prepared.warnings + streamed.diagnostics)
    }

    /// A paper laid out into a spool file, its pages finished when drawn (a pack's papers: its
    /// memory does not grow with its page count). The theme is changed first by `adjust`.
    /// `root` is the pack's folder, which a layout the paper names by path must stay in and
    /// the paper's symbolic links may lead into.
    func layoutSpooled(file: String, root: URL, budget: any WorkBudget, adjust: (inout Theme) -> Void) throws(QuireError)
        -> (paper: PackPaper, spool: FrameSpool, diagnostics: [Diagnostic], inputs: [InputFile])
    {
        let (data, directory) = try readSource(file)
        var prepared = try prepare(data: data, file: file, directory: directory, root: root, linkRoot: root, layout: nil, origin: .new)
        adjust(&prepared.theme)
        let spool = FrameSpool()
        spool.retained = prepared.imported
        let streamed = try lay(prepared, budget: budget, store: spool.append, load: spool.frame(at:))
        let paper = PackPaper(pageCount: streamed.pageCount, outline: streamed.outline, printsPageNumbers: prepared.theme.contents.enabled,
                              firstPageNumber: prepared.theme.contents.firstPageNumber, pages: { AnySequence(streamed.pages()) })
        return (paper, spool,
                prepared.warnings + streamed.diagnostics, prepared.inputs)
    }

    /// What a render wrote.
    public struct Rendered: Sendable {
        public var pages: Int
        public var diagnostics: [Diagnostic]
    }

    /// A source file's bytes and the folder its relative paths start from.
    package func readSource(_ file: String) throws(QuireError) -> (Data, URL) {
        let url = URL(fileURLWithPath: file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw QuireError(.io, at: nil, "cannot read '\(file)'", hint: "check the path; the file must exist and be readable")
        }
        return (data, url.deletingLastPathComponent())
    }

    /// A paper ready to lay out: parsed and checked, with its layout, its images and every
    /// file that took reading (what an output must never replace).
    private struct Prepared {
        var paper: Paper
        var theme: Theme
        var images: [String: ImageInfo]
        var inputs: [InputFile]
        /// What preparing found to say: a Word document's import warnings, fields an
        /// imported or archived paper lacks.
        var warnings: [Diagnostic] = []
        /// A Word document imported for this render: its pictures' folder lives as long as this.
        var imported: ImportedWord?
    }

    /// The one layout step every path takes: the paper laid out a chunk at a time, finished
    /// body frames handed to `store`, and the budget's limit thrown if the layout crossed it.
    private func lay(_ prepared: Prepared, budget: any WorkBudget, store: (Frame) -> Void,
                     load: @escaping (Int) -> Frame) throws(QuireError) -> StreamedLayout {
        let streamed = layoutPaperStreaming(prepared.paper, theme: prepared.theme, shaper: shaper, images: prepared.images,
                                            budget: budget, store: store, load: load)
        try budget.check(pages: streamed.pageCount)
        return streamed
    }

    /// Parse, resolve figures, load the layout, check fields and fonts, insert the layout's
    /// report sections (new papers only), find images; and the files all that read. A Word
    /// document (known by its bytes, or a Word name) is imported in memory first and its
    /// source read in its place, its pictures in a temporary folder, its import warnings kept
    /// for the render's.
    /// Data files and images may be links leading anywhere inside the paper's folder,
    /// `assets/` or `linkRoot`, never out of them.
    private func prepare(data: Data, file: String, directory: URL, root: URL?, linkRoot: URL? = nil, layout override: LayoutChoice?,
                         origin: PaperOrigin) throws(QuireError) -> Prepared {
        var imported: ImportedWord?
        if WordFileKind.readsAsWord(data, file: file) {
            imported = try ImportedWord.importing(data, file: file, layout: override?.name, resources: resources)
        }
        let source = try parseSource(data: imported?.source ?? data, file: file)
        let choice = override ?? source.frontMatter.layout.map(LayoutChoice.reference) ?? .reference("committee-paper")
        let location = source.frontMatter.lines["layout"].map { SourceLocation(file: file, line: $0) }
        let theme = try resources.theme(choice, referrer: directory, root: root ?? directory, requestedAt: override == nil ? location : nil)
        // The layout's figure style is the default every figure is written in.
        let linkRoots = linkRoot.map { [$0] } ?? []
        let (dataSet, dataFiles) = try loadData(source.frontMatter, file: file, paperDirectory: directory, linkRoots: linkRoots)
        var paper = try source.paper(figures: FigureData(data: dataSet, style: theme.figures))
        let resolved = theme.resolved(for: paper.frontMatter)
        let fieldWarnings = try checkRequiredFields(paper, theme: resolved, origin: origin)
        if origin == .new, paper.frontMatter.name(.importedFrom) == nil { paper = insertReportSections(paper, theme: resolved) }
        try checkFonts(theme)
        let images = try resolveImages(paper, theme: theme, paperDirectory: imported?.folder ?? directory, assets: resources.assets,
                                       linkRoots: linkRoots)
        // `file` is as the caller named it; relative to the current folder unless absolute.
        let sourcePath = directory.appendingPathComponent((file as NSString).lastPathComponent).path
        let inputs = [InputFile(sourcePath, role: "the source")] + dataFiles.map { InputFile($0.path, role: "a data file") }
            + images.values.map { InputFile($0.path, role: "an image") }.sorted { $0.path < $1.path } + [InputFile(theme.file, role: "the layout")]
        return Prepared(paper: paper, theme: theme, images: images, inputs: inputs, warnings: (imported?.warnings ?? []) + fieldWarnings, imported: imported)
    }

    /// A layout may only name bundled fonts: anything else would silently fall back to
    /// another face and change every line break.
    private func checkFonts(_ theme: Theme) throws(QuireError) {
        let families = FontConfiguration.families
        for (key, family) in [("body.font", theme.body.family), ("code.font", theme.code.family)] where !families.contains(family) {
            throw QuireError(
                .layout, at: theme.location(ofKey: key), field: key,
                families.isEmpty ? "no fonts could be loaded from \(resources.fonts.path)" : "font family '\(family)' is not among the bundled fonts",
                hint: families.isEmpty ? "check that fonts/ holds fonts.conf and the font files, or set QUIRE_HOME"
                    : "bundled families: \(families.joined(separator: ", ")); add the font files and their licence to fonts/ to use another")
        }
    }

    /// Writes the PDF beside its destination, then renames it into place: a failed render
    /// never leaves a partial file, and none of `inputs` is replaced.
    public func writePDF(_ document: PagedDocument, pdfa: Bool = false, inputs: [InputFile] = [], to output: String) throws(QuireError) {
        let profile = try archivalProfile(pdfa)
        try writeAtomically(output, inputs: inputs) { descriptor in
            renderer.writePDF(pages: document.pages, outline: document.outline, metadata: document.metadata, archivalProfile: profile,
                              into: .descriptor(descriptor))
        }
    }

    /// The sRGB profile PDF/A output embeds (bundled, so every machine embeds the same bytes).
    func archivalProfile(_ pdfa: Bool) throws(QuireError) -> String? {
        guard pdfa else { return nil }
        let path = resources.assets.appendingPathComponent("icc/sRGB.icc").path
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw QuireError(.io, at: nil, "PDF/A output needs the colour profile \(path)", hint: "restore assets/icc/sRGB.icc, or set QUIRE_HOME")
        }
        return path
    }

    /// Writes `page-1.png`, `page-2.png`, … into `directory` (created if missing), each file
    /// as `writeAtomically` writes, so none replaces one of `inputs`.
    public func writePNGs(_ document: PagedDocument, directory: String, dpi: Double = 96, inputs: [InputFile] = []) throws(QuireError) {
        var status = stat()
        if stat(directory, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
            throw QuireError(.io, at: nil, field: "--png", "'\(directory)' is not a folder; PNG pages are written into a folder, one file a page",
                             hint: "name a folder (it is created if missing), e.g. --png pages")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw QuireError(.io, at: nil, "cannot create the folder '\(directory)'")
        }
        for (index, page) in document.pages.enumerated() {
            let path = (directory as NSString).appendingPathComponent("page-\(index + 1).png")
            try writeAtomically(path, inputs: inputs, option: "--png") { descriptor in renderer.writePNG(page, dpi: dpi, toDescriptor: descriptor) }
        }
    }
}
