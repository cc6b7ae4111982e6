/// One finished page: size, everything drawn on it, and its printed number.
public struct Page: Hashable, Sendable {
    public var frame: Frame
    public var number: Int
    /// What the footer printed (e.g. "3"); equals the PDF page label.
    public var label: PageLabel

    public init(frame: Frame, number: Int, label: PageLabel) {
        self.frame = frame
        self.number = number
        self.label = label
    }

    public var size: Size { frame.size }
}

/// A bookmark: a title pointing at a place on a page.
public struct OutlineEntry: Hashable, Sendable {
    public var title: String
    public var level: Int
    /// 0-based page index.
    public var pageIndex: Int
    public var y: Double

    public init(title: String, level: Int, pageIndex: Int, y: Double) {
        self.title = title
        self.level = level
        self.pageIndex = pageIndex
        self.y = y
    }
}

/// A figure (chart, logo) and its text alternative, kept for accessible output.
public struct FigureEntry: Hashable, Sendable {
    public var alt: String
    public var pageIndex: Int
    public var rect: Rect

    public init(alt: String, pageIndex: Int, rect: Rect) {
        self.alt = alt
        self.pageIndex = pageIndex
        self.rect = rect
    }
}

/// Document properties written to the PDF's info dictionary.
public struct DocumentMetadata: Hashable, Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: String
    /// ISO 8601 date or UTC date-time ("2017-10-19", "2017-07-14T02:40:00Z"); never the wall
    /// clock, so output is reproducible.
    public var creationDate: String?
    public var language: String

    public init(title: String = "", author: String = "", subject: String = "", keywords: String = "", creationDate: String? = nil, language: String = "en-GB") {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creationDate = creationDate
        self.language = language
    }
}

/// The layout's result: pages ready to draw, bookmarks and metadata. Renderers only walk it.
public struct PagedDocument: Hashable, Sendable {
    public var pages: [Page]
    public var outline: [OutlineEntry]
    public var metadata: DocumentMetadata
    public var figures: [FigureEntry]

    public init(pages: [Page], outline: [OutlineEntry], metadata: DocumentMetadata, figures: [FigureEntry] = []) {
        self.pages = pages
        self.outline = outline
        self.metadata = metadata
        self.figures = figures
    }
}
