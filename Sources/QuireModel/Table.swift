/// A GFM table: one header row, body rows, and per-column alignment.
public struct Table: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable { case left, center, right }

    public var header: [[Inline]]
    public var rows: [[[Inline]]]
    public var alignments: [Alignment]
    public var line: Int
    /// Shown above the table (tables built from data have one).
    public var caption: [Inline]?
    /// Per column, the figure style its cells are written in; nil for a column of text. A
    /// figure column is right-aligned and lined up on the decimal point. Before figures are
    /// resolved this holds what the author wrote (`{: …}` under a Markdown table); after,
    /// the style each column's figures were written in.
    public var figures: [FigureStyle?]
    /// Keep the whole table on one page (`true`), let it break (`false`), or leave it to the
    /// layout (nil: tables up to `table.keep-together-rows` rows stay whole).
    public var keepTogether: Bool?
    /// The source line of each body row, for messages about a cell (empty: all at `line`).
    public var rowLines: [Int]

    public init(header: [[Inline]], rows: [[[Inline]]], alignments: [Alignment], line: Int, caption: [Inline]? = nil,
                figures: [FigureStyle?] = [], keepTogether: Bool? = nil, rowLines: [Int] = []) {
        self.header = header
        self.rows = rows
        self.alignments = alignments
        self.line = line
        self.caption = caption
        self.figures = figures
        self.keepTogether = keepTogether
        self.rowLines = rowLines
    }

    /// The figure style of `column`, or nil when it holds text.
    public func figureStyle(_ column: Int) -> FigureStyle? { column < figures.count ? figures[column] : nil }

    /// The source line of body row `index`.
    public func line(ofRow index: Int) -> Int { index < rowLines.count ? rowLines[index] : line }
}
