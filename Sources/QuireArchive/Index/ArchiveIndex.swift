public import QuireModel

/// `archive.yaml`: the papers of an archive, one folder each (its source, data and assets),
/// with what a reader looks them up by.
public struct ArchiveIndex: Sendable {
    public var file: String
    public var papers: [ArchiveEntry]

    public init(file: String, papers: [ArchiveEntry]) {
        self.file = file
        self.papers = papers
    }
}

public struct ArchiveEntry: Sendable, Hashable {
    /// The paper's folder, relative to the archive; also names its PDF (`<path>.pdf`).
    public var path: String
    /// The source in that folder (default `paper.md`).
    public var source: String
    public var year: Int
    public var committee: String
    public var date: CalendarDate
    public var title: String
    /// Where the entry starts in `archive.yaml`.
    public var line: Int

    public init(path: String, source: String = "paper.md", year: Int, committee: String, date: CalendarDate, title: String, line: Int) {
        self.path = path
        self.source = source
        self.year = year
        self.committee = committee
        self.date = date
        self.title = title
        self.line = line
    }
}
