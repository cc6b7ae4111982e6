public import QuireModel
public import QuirePages

/// What layout produced: the pages and anything it had to give up on.
public struct LayoutResult: Sendable {
    public var document: PagedDocument
    public var diagnostics: [Diagnostic]
}

/// Paper + house style → finished pages. Shapes every paragraph through `shaper` in one
/// batch, distributes the lines into pages, then numbers them.
public func layoutPaper(_ paper: Paper, theme: Theme, shaper: any TextShaper, images: [String: ImageInfo] = [:]) -> LayoutResult {
    let collector = Collector(theme: theme, file: paper.file, images: images)
    collector.collectHeaderBlock(paper.frontMatter)
    var numbering = Numbering()
    collector.collectBody(paper.body, numbering: &numbering)
    collector.collectClosingSections(paper, numbering: &numbering)

    let shaped = shaper.shape(collector.specs)
    let items = collector.build(with: shaped)
    let region = Size(width: theme.contentWidth, height: theme.contentHeight)
    let (bodies, diagnostics) = distribute(items, size: region, file: paper.file)

    let matter = paper.frontMatter
    let values = RunningValues(subject: matter.subject?.plainText ?? "", classification: matter.classification?.plainText ?? "")
    let (pages, outline) = finalize(bodies, theme: theme, values: values, shaper: shaper)
    let metadata = DocumentMetadata(
        title: matter.subject?.plainText ?? "", author: matter.by.map(\.name).joined(separator: ", "),
        subject: matter.summary?.plainText ?? "", keywords: matter.classification?.plainText ?? "",
        creationDate: matter.date?.iso, language: theme.language)
    return LayoutResult(document: PagedDocument(pages: pages, outline: outline, metadata: metadata), diagnostics: diagnostics)
}
