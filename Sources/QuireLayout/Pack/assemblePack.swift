public import QuireModel
public import QuirePages

/// A pack page before numbering: what it shows and which item it belongs to.
struct Sheet {
    enum Body {
        /// The next page of a laid-out paper (papers are numbered in pack order), and its size.
        case paperPage(paper: Int, size: Size)
        case pdf(path: String, index: Int, size: Size, withStructure: Bool)
        /// A body laid out here (the front sheet, a withheld item's notice), set in the margins.
        case frame(Frame)
        /// Left blank so that the next item starts on a right-hand page.
        case blank
    }
    var body: Body
    /// The item's index in the pack, and its agenda number for the stamp.
    var item: Int? = nil
    var itemNumber: String? = nil
    var band: ExemptParagraph? = nil
    var outline: [(title: String, level: Int, y: Double)] = []
    /// A PDF document's first and last page: its pages are wrapped in one element, which
    /// opens with `heading` (an appendix's title) when it has one.
    var startsPDF = false, endsPDF = false
    var heading: String? = nil
}

/// Front sheet + items → the pack's pages: continuous page numbers from `firstPage` stamped
/// on every page, "Agenda Item N" on each item's first page (the item's heading), a PDF
/// appendix's title on its first page (its heading), a band on every page of exempt
/// content, blank pages so that items start on odd pages when printing, the front sheet's
/// page ranges resolved after layout, bookmarks per item and appendix, and each item a
/// `Part` of the structure tree (papers keep their own tags).
public func assemblePack(_ manifest: PackManifest, items: [PackItemContent], options: PackOptions, theme: Theme,
                         shaper: any TextShaper) -> StreamedPack {
    var diagnostics: [Diagnostic] = []
    func flow(_ collect: (Collector) -> Void) -> [BodyPage] {
        let result = flowPages(theme: theme, file: manifest.file, shaper: shaper, collect)
        diagnostics += result.diagnostics
        return result.pages
    }
    var papers: [PackPaper] = []
    let itemSheets = items.enumerated().map { index, item in sheets(for: item, index: index, papers: &papers, theme: theme, flow: flow) }

    // The front sheet's length moves every item, so it is laid out until its count settles;
    // the notes of the attempt kept are the ones reported.
    var frontNotes: [Diagnostic] = []
    let (plan, front) = settled("front sheet", at: SourceLocation(file: manifest.file, line: 1), diagnostics: &diagnostics) { frontCount in
        let plan = numbered(itemSheets, items: items, frontCount: frontCount, options: options)
        let laid = flowPages(theme: theme, file: manifest.file, shaper: shaper) { $0.collectFrontSheet(manifest, entries: plan.entries, supplement: options.supplement) }
        frontNotes = laid.diagnostics
        return ((plan, laid.pages), laid.pages.count)
    }
    diagnostics += frontNotes
    var sheetsInOrder = front.map { Sheet(body: .frame($0.frame), outline: $0.bookmarks) }
    if !sheetsInOrder.isEmpty { sheetsInOrder[0].outline.insert((theme.pack.title, 1, 0), at: 0) }
    sheetsInOrder += plan.sheets
    let pages = PackPages(sheets: sheetsInOrder, papers: papers, stamps: packStamps(sheetsInOrder, theme: theme, options: options, shaper: shaper),
                          theme: theme, options: options)
    let outline = sheetsInOrder.enumerated().flatMap { index, sheet in
        sheet.outline.map { OutlineEntry(title: $0.title, level: $0.level, pageIndex: index, y: $0.y) }
    }
    let meeting = manifest.meeting
    let metadata = DocumentMetadata(
        title: "\(meeting.committee), \(formatDate(meeting.date, theme.headerBlock.dateFormat, language: theme.language)): \(options.supplement ? theme.pack.supplementTitle : theme.pack.title)",
        author: meeting.contact?.name ?? meeting.committee, subject: items.map { "\($0.item.number). \($0.item.title)" }.joined(separator: "; "),
        keywords: meeting.committee, creationDate: meeting.date.iso, language: theme.language)
    // The number the pack prints on each paper's first page.
    var paperFirstPages = [Int](repeating: 0, count: papers.count)
    for (index, sheet) in sheetsInOrder.enumerated().reversed() {
        if case .paperPage(let paper, _) = sheet.body { paperFirstPages[paper] = options.firstPage + index }
    }
    return StreamedPack(pageCount: sheetsInOrder.count, outline: outline, metadata: metadata, diagnostics: diagnostics,
                        paperFirstPages: paperFirstPages, pages: pages)
}

/// A laid-out pack: everything but the pages, which are made as they are drawn.
public struct StreamedPack: Sendable {
    public var pageCount: Int
    public var outline: [OutlineEntry]
    public var metadata: DocumentMetadata
    public var diagnostics: [Diagnostic]
    /// Each paper's first page as the pack numbers it, papers in pack order.
    public var paperFirstPages: [Int]
    /// The pages, in order; walk them once.
    public var pages: PackPages
}

/// An item's pages, unnumbered, with its bookmarks: the report and appendices in order.
private func sheets(for content: PackItemContent, index: Int, papers: inout [PackPaper], theme: Theme,
                    flow: ((Collector) -> Void) -> [BodyPage]) -> [Sheet] {
    var out: [Sheet] = []
    for document in content.documents {
        let level = document.isAppendix ? 2 : 1
        let title = document.isAppendix ? document.title : "\(content.item.number). \(document.title)"
        var sheets: [Sheet]
        switch document.content {
        case .paper(let paper):
            papers.append(paper)
            let size = theme.page.size  // a paper's own layout may differ; its pages say so when drawn
            sheets = (0..<paper.pageCount).map { _ in
                Sheet(body: .paperPage(paper: papers.count - 1, size: size), item: index, itemNumber: content.item.number, band: document.exempt)
            }
            for entry in paper.outline where entry.pageIndex < sheets.count {
                sheets[entry.pageIndex].outline.append((entry.title, level + entry.level, entry.y))
            }
        case .pdf(let path, let sizes, let withStructure):
            sheets = sizes.enumerated().map { Sheet(body: .pdf(path: path, index: $0.offset, size: $0.element, withStructure: withStructure),
                                                  item: index, itemNumber: content.item.number, band: document.exempt) }
            if !sheets.isEmpty {
                sheets[0].startsPDF = true
                sheets[sheets.count - 1].endsPDF = true
                // The item's own document is headed by the item's stamp; an appendix by its title.
                if document.isAppendix { sheets[0].heading = document.title }
            }
        case .withheld(let paragraph):
            let notice = flow { $0.collectWithheld(title: title, paragraph: paragraph) }
            sheets = notice.map { Sheet(body: .frame($0.frame), item: index, itemNumber: content.item.number) }
        }
        if !sheets.isEmpty { sheets[0].outline.insert((title, level, 0), at: 0) }
        out += sheets
    }
    return out
}

/// Pack page numbers for a given front-sheet length: blank pages where printing needs them,
/// and each item's page range for the front sheet.
private func numbered(_ itemSheets: [[Sheet]], items: [PackItemContent], frontCount: Int, options: PackOptions)
    -> (sheets: [Sheet], entries: [AgendaEntry])
{
    var sheets: [Sheet] = []
    var entries: [AgendaEntry] = []
    for (index, itemPages) in itemSheets.enumerated() {
        guard !itemPages.isEmpty else {
            entries.append(AgendaEntry(item: items[index].item, pages: nil, pageIndex: nil))
            continue
        }
        if options.print, (options.firstPage + frontCount + sheets.count) % 2 == 0 {
            sheets.append(Sheet(body: .blank))
        }
        let first = options.firstPage + frontCount + sheets.count
        entries.append(AgendaEntry(item: items[index].item, pages: first...(first + itemPages.count - 1), pageIndex: frontCount + sheets.count))
        sheets += itemPages
    }
    return (sheets, entries)
}
