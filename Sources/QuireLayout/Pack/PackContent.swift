public import QuireModel
public import QuirePages

/// One document of an agenda item as it enters the pack.
public enum PackContent: Sendable {
    /// A Quire source, laid out with the pack's footer in place of its own.
    case paper(PackPaper)
    /// An existing PDF: each page's size, and whether it is placed with its own structure (a
    /// tagged PDF the writer can carry over) or read as untagged content.
    case pdf(path: String, sizes: [Size], withStructure: Bool)
    /// Exempt content left out of the public pack: one page says what and why.
    case withheld(ExemptParagraph)
}

/// A laid-out paper whose pages are finished when the pack is drawn, in order, once (from
/// frames parked on disk: a long pack's pages cost disk, not memory).
public struct PackPaper: @unchecked Sendable {
    public var pageCount: Int
    public var outline: [OutlineEntry]
    public var pages: () -> AnySequence<Page>
    /// The number its text prints for its first page (a contents lists page numbers; nil:
    /// its text prints none, or numbers its own pages from 1), which the pack must match.
    public var firstPageNumber: Int?
    public var printsPageNumbers: Bool

    public init(pageCount: Int, outline: [OutlineEntry], printsPageNumbers: Bool = false, firstPageNumber: Int? = nil,
                pages: @escaping () -> AnySequence<Page>) {
        self.pageCount = pageCount
        self.outline = outline
        self.printsPageNumbers = printsPageNumbers
        self.firstPageNumber = firstPageNumber
        self.pages = pages
    }

    /// A paper laid out in memory.
    public init(_ document: PagedDocument) {
        self.init(pageCount: document.pages.count, outline: document.outline, pages: { AnySequence(document.pages) })
    }
}

/// A document in the pack: the item's report or one of its appendices.
public struct PackDocumentContent: Sendable {
    public var title: String
    public var content: PackContent
    /// Exempt content included in a full pack carries a band on every page.
    public var exempt: ExemptParagraph?
    public var isAppendix: Bool

    public init(title: String, content: PackContent, exempt: ExemptParagraph?, isAppendix: Bool) {
        self.title = title
        self.content = content
        self.exempt = exempt
        self.isAppendix = isAppendix
    }
}

/// An agenda item with its documents in order (none for an item with nothing in the pack).
public struct PackItemContent: Sendable {
    public var item: AgendaItem
    public var documents: [PackDocumentContent]

    public init(item: AgendaItem, documents: [PackDocumentContent]) {
        self.item = item
        self.documents = documents
    }
}

/// How the pack is put together.
public struct PackOptions: Sendable {
    /// Duplex printing: every item starts on an odd (right-hand) page.
    public var print: Bool
    /// A supplement: the front sheet says so, numbering starts at `firstPage`.
    public var supplement: Bool
    public var firstPage: Int

    public init(print: Bool = false, supplement: Bool = false, firstPage: Int = 1) {
        self.print = print
        self.supplement = supplement
        self.firstPage = firstPage
    }
}
