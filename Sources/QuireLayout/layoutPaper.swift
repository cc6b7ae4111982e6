public import QuireModel
public import QuirePages

/// What layout produced: the pages and anything it had to give up on.
public struct LayoutResult: Sendable {
    public var document: PagedDocument
    public var diagnostics: [Diagnostic]
}

/// Paper + house style → finished pages. Shapes every paragraph through `shaper` in one
/// batch, distributes the lines into pages, adds a cover and a contents page if the style has
/// them (contents numbers resolved after the body is laid out), then numbers every page.
public func layoutPaper(_ paper: Paper, theme: Theme, shaper: any TextShaper, images: [String: ImageInfo] = [:]) -> LayoutResult {
    func flow(_ collect: (Collector) -> Void) -> (pages: [BodyPage], diagnostics: [Diagnostic]) {
        let collector = Collector(theme: theme, file: paper.file, images: images)
        collect(collector)
        let items = collector.build(with: shaper.shape(collector.specs))
        return distribute(items, size: Size(width: theme.contentWidth, height: theme.contentHeight), file: paper.file)
    }
    let body = flow { collector in
        collector.collectHeaderBlock(paper.frontMatter)
        var numbering = Numbering()
        collector.collectBody(paper.body, numbering: &numbering)
        collector.collectClosingSections(paper, numbering: &numbering)
    }
    var diagnostics = body.diagnostics
    var front: [PageRun] = []
    if theme.cover.enabled {
        let cover = flow { $0.collectCover(paper.frontMatter) }
        front += cover.pages.map { PageRun(body: $0, furniture: false) }
        diagnostics += cover.diagnostics
    }
    if theme.contents.enabled {
        front += contentsRuns(body.pages, after: front.count, flow: { flow($0).pages }, theme: theme, diagnostics: &diagnostics, file: paper.file)
    }

    let matter = paper.frontMatter
    let values = RunningValues(subject: matter.subject?.plainText ?? "", classification: matter.classification?.plainText ?? "")
    let (pages, outline, figures) = finalize(front + sectionRuns(body.pages), theme: theme, values: values, shaper: shaper)
    let metadata = DocumentMetadata(
        title: matter.subject?.plainText ?? "", author: matter.by.map(\.name).joined(separator: ", "),
        subject: matter.summary?.plainText ?? "", keywords: matter.classification?.plainText ?? "",
        creationDate: matter.date?.iso, language: theme.language)
    return LayoutResult(document: PagedDocument(pages: pages, outline: outline, metadata: metadata, figures: figures), diagnostics: diagnostics)
}

/// Contents pages whose numbers point at where each section landed. Their own length moves
/// the body, so they are laid out again until the page count settles (twice at most, in
/// practice once); a contents that never settles is reported rather than looped on.
private func contentsRuns(_ body: [BodyPage], after frontCount: Int, flow: ((Collector) -> Void) -> [BodyPage], theme: Theme,
                          diagnostics: inout [Diagnostic], file: String) -> [PageRun] {
    let sections = body.enumerated().flatMap { index, page in
        page.bookmarks.filter { $0.level == 1 }.map { (title: $0.title, bodyIndex: index, y: $0.y + theme.page.marginTop) }
    }
    var count = 1
    for _ in 0..<3 {
        let offset = frontCount + count
        let pages = flow { $0.collectContents(sections.map { ($0.title, offset + $0.bodyIndex, $0.y) }) }
        if pages.count == count {
            return pages.map { PageRun(body: $0, section: theme.contents.title) }
        }
        count = pages.count
    }
    diagnostics.append(Diagnostic(at: SourceLocation(file: file, line: 1), "the contents page count did not settle; its page numbers may be off by one"))
    return flow { $0.collectContents(sections.map { ($0.title, frontCount + count + $0.bodyIndex, $0.y) }) }.map { PageRun(body: $0, section: theme.contents.title) }
}
