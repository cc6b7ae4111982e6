public import QuireModel
public import QuirePages

/// What layout produced: the pages and anything it had to give up on.
public struct LayoutResult: Sendable {
    public var document: PagedDocument
    public var diagnostics: [Diagnostic]

    public init(document: PagedDocument, diagnostics: [Diagnostic]) {
        self.document = document
        self.diagnostics = diagnostics
    }
}

/// Paper + house style → finished pages, all in memory: the page tree tests and `quire dump`
/// read. Long documents go through `layoutPaperStreaming` instead.
public func layoutPaper(_ paper: Paper, theme: Theme, shaper: any TextShaper, images: [String: ImageInfo] = [:]) -> LayoutResult {
    var frames: [Frame] = []
    let streamed = layoutPaperStreaming(paper, theme: theme, shaper: shaper, images: images,
                                        store: { frames.append($0) }, load: { frames[$0] })
    let document = PagedDocument(pages: Array(streamed.pages()), outline: streamed.outline, metadata: streamed.metadata,
                                 figures: streamed.figures)
    return LayoutResult(document: document, diagnostics: streamed.diagnostics)
}

/// A laid-out paper whose pages are finished on demand, in order, from body frames the caller
/// stored (on disk, for a long document), so memory does not grow with the page count.
public struct StreamedLayout {
    public let pageCount: Int
    public let outline: [OutlineEntry]
    public let figures: [FigureEntry]
    public let metadata: DocumentMetadata
    public let diagnostics: [Diagnostic]
    fileprivate let runs: [PageRun]
    fileprivate let front: [Frame]
    fileprivate let load: (Int) -> Frame
    fileprivate let finish: ([Frame], ArraySlice<PageRun>, Int) -> [Page]

    /// The finished pages, in order, made a batch at a time. An iterator over a closure, not a
    /// chain of lazy sequences: the chain's nested generic types were built at run time when
    /// the drawing took them, 0.8 ms of a cold render (perf).
    public func pages(batch: Int = 32) -> AnyIterator<Page> {
        var next = 0
        var made: [Page] = []
        var taken = 0
        return AnyIterator { [self] in
            while taken == made.count {
                guard next < pageCount else { return nil }
                let range = next..<min(next + batch, pageCount)
                let frames = range.map { $0 < front.count ? front[$0] : load($0 - front.count) }
                made = finish(frames, runs[range], next)
                taken = 0
                next = range.upperBound
            }
            taken += 1
            return made[taken - 1]
        }
    }
}

/// Paper + house style → pages, a chunk of paragraphs at a time: each finished body frame is
/// handed to `store` (in order) and fetched back by index with `load` when pages are finished.
/// Cover and contents pages, laid out after the body (they need its page numbers), stay in
/// memory. A `budget` that runs out stops the layout early, with the pages made so far; the
/// caller reports `budget.exceeded`.
public func layoutPaperStreaming(_ paper: Paper, theme fileTheme: Theme, shaper: any TextShaper, images: [String: ImageInfo] = [:],
                                 chunk: Int = 2048, budget: any WorkBudget = UnlimitedBudget(),
                                 store: (Frame) -> Void, load: @escaping (Int) -> Frame) -> StreamedLayout {
    // The layout in the paper's language, with its numbering options over the layout's.
    let theme = fileTheme.resolved(for: paper.frontMatter)
    let region = Size(width: theme.contentWidth, height: theme.contentHeight)
    func flow(_ collect: (Collector) -> Void) -> (pages: [BodyPage], diagnostics: [Diagnostic]) {
        flowPages(theme: theme, file: paper.file, images: images, shaper: shaper, collect)
    }

    let body = Collector(theme: theme, file: paper.file, images: images)
    body.reserveLogoSpace()
    body.collectMasthead(paper.frontMatter)
    body.collectHeaderBlock(paper.frontMatter)
    var numbering = Numbering(style: theme.numbering)
    body.collectBody(paper.body, numbering: &numbering)
    body.collectClosingSections(paper, numbering: &numbering)
    var distributor = Distributor(size: region, file: paper.file, notes: NoteArea(theme.notes))
    var bodyRuns: [PageRun] = []
    func keep(_ pages: [BodyPage]) {
        for page in pages {
            store(page.frame)
            bodyRuns.append(PageRun(page))
        }
    }
    body.stream(through: shaper, chunk: chunk, while: { budget.allows(pages: bodyRuns.count) }) {
        keep(distributor.feed($0, final: false))
    }
    if budget.allows(pages: bodyRuns.count) { keep(distributor.feed([], final: true)) }
    // The source's own warnings (parsing's, then collecting's) before pagination's, each in line order.
    var diagnostics = (paper.warnings + body.diagnostics).sorted { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) } + distributor.diagnostics

    var front: [BodyPage] = []
    var frontRuns: [PageRun] = []
    if theme.cover.enabled, budget.allows(pages: bodyRuns.count) {
        let cover = flow { $0.collectCover(paper.frontMatter) }
        front += cover.pages
        frontRuns += cover.pages.map { PageRun($0, furniture: false) }
        diagnostics += cover.diagnostics
    }
    if theme.contents.enabled, budget.allows(pages: bodyRuns.count) {
        let contents = contentsPages(bodyRuns, after: front.count, flow: flow, theme: theme, diagnostics: &diagnostics, file: paper.file)
        front += contents
        frontRuns += contents.map { PageRun($0, section: theme.contents.title) }
    }

    // Front pages are numbered in roman, so the body's page 1 is its first page (as printed
    // reports are); the PDF's page labels say the same.
    for index in frontRuns.indices { frontRuns[index].label = .roman(index + 1) }
    var numberedBody = sectionRuns(bodyRuns)
    if !frontRuns.isEmpty { for index in numberedBody.indices { numberedBody[index].label = .decimal(index + 1) } }
    let runs = frontRuns + numberedBody
    let (outline, figures) = outlineAndFigures(runs, theme: theme)
    let matter = paper.frontMatter
    let furniture = PageFurniture(theme: theme, matter: matter, images: images)
    let values = RunningValues(subject: matter.text(.subject)?.plainText ?? "", classification: matter.text(.classification)?.plainText ?? "",
                               marking: furniture.marking ?? "")
    let metadata = DocumentMetadata(
        title: matter.text(.subject)?.plainText ?? "", author: matter.by.map(\.name).joined(separator: ", "),
        subject: matter.text(.summary)?.plainText ?? "", keywords: matter.text(.classification)?.plainText ?? "",
        creationDate: matter.date?.iso, language: theme.language)
    let total = runs.count, printedTotal = bodyRuns.count
    return StreamedLayout(
        pageCount: total, outline: outline, figures: figures, metadata: metadata, diagnostics: diagnostics, runs: runs,
        front: front.map(\.frame), load: load,
        finish: { frames, batch, first in
            finalize(frames, runs: batch, first: first, total: printedTotal, theme: theme, values: values, furniture: furniture, shaper: shaper)
        })
}

/// Contents pages whose numbers point at where each section landed. Their own length moves
/// the body, so they are laid out until their page count settles.
private func contentsPages(_ body: [PageRun], after frontCount: Int, flow: ((Collector) -> Void) -> (pages: [BodyPage], diagnostics: [Diagnostic]),
                           theme: Theme, diagnostics: inout [Diagnostic], file: String) -> [BodyPage] {
    let sections = body.enumerated().flatMap { index, page in
        page.bookmarks.filter { $0.level == 1 }.map { (title: $0.title, bodyIndex: index, y: $0.y + theme.page.marginTop) }
    }
    // The printed numbers count body pages only, so the contents never moves them (in a
    // pack they count from the pack's number for the cover); the links still need the
    // contents' own length.
    var notes: [Diagnostic] = []
    let pages = settled("contents", at: SourceLocation(file: file, line: 1), diagnostics: &diagnostics) { count in
        // In a pack, the number the pack prints on the section's page.
        let number = { (bodyIndex: Int) in theme.contents.firstPageNumber.map { $0 + frontCount + count + bodyIndex } ?? bodyIndex + 1 }
        let laid = flow { $0.collectContents(sections.map { ($0.title, frontCount + count + $0.bodyIndex, number($0.bodyIndex), $0.y) }) }
        notes = laid.diagnostics
        return (laid.pages, laid.pages.count)
    }
    diagnostics += notes
    return pages
}
