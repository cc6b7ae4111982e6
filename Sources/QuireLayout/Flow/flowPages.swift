import QuireModel
import QuirePages

/// The layout sequence for a part laid out whole (a cover, a contents page, a pack's front
/// sheet, a withheld item's notice): collect its elements, shape every paragraph in one
/// batch, build flow items, distribute them into pages. The body of a paper streams instead
/// (`Collector.stream`, `Distributor.feed`); both reach the same pages.
func flowPages(theme: Theme, file: String, images: [String: ImageInfo] = [:], shaper: any TextShaper,
               _ collect: (Collector) -> Void) -> (pages: [BodyPage], diagnostics: [Diagnostic]) {
    let collector = Collector(theme: theme, file: file, images: images)
    collect(collector)
    let region = Size(width: theme.contentWidth, height: theme.contentHeight)
    let laid = distribute(collector.build(with: shaper.shapeAligned(collector.specs)), size: region, file: file)
    return (laid.pages, collector.diagnostics + laid.diagnostics)
}

/// Something whose own length moves what it lists (a contents page pointing at the pages
/// after it, a front sheet giving each item's page range), laid out until its length
/// settles: `layout(count)` assumes it takes `count` pages and says how many it took; it is
/// laid out again with that count until the two agree (in practice at once), at most
/// `attempts` more times. One that never settles is reported, not looped on.
func settled<Value>(_ what: String, at location: SourceLocation, attempts: Int = 3, diagnostics: inout [Diagnostic],
                    layout: (Int) -> (value: Value, count: Int)) -> Value {
    var assumed = 1
    var result = layout(assumed)
    for _ in 0..<attempts where result.count != assumed {
        assumed = result.count
        result = layout(assumed)
    }
    if result.count != assumed {
        diagnostics.append(Diagnostic(at: location, "the \(what) page count did not settle; its page numbers may be off by a page"))
    }
    return result.value
}
