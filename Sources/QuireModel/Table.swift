/// A table: header rows, body rows, per-column alignment, and cells merged across columns
/// or rows. The grid is `header` (row 0) followed by `rows` (row 1 on); a merged cell's
/// content is in its top-left position, and the positions it covers hold nothing.
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
    /// How many rows of the grid head the table (repeated on every page it spans): `header`
    /// and the first `headerRows - 1` of `rows` ("Balance £m" over "2024/25 | 2025/26").
    public var headerRows: Int
    /// Cells that cover more than their own position, in grid coordinates.
    public var spans: [CellSpan]

    public init(header: [[Inline]], rows: [[[Inline]]], alignments: [Alignment], line: Int, caption: [Inline]? = nil,
                figures: [FigureStyle?] = [], keepTogether: Bool? = nil, rowLines: [Int] = [], headerRows: Int = 1, spans: [CellSpan] = []) {
        self.header = header
        self.rows = rows
        self.alignments = alignments
        self.line = line
        self.caption = caption
        self.figures = figures
        self.keepTogether = keepTogether
        self.rowLines = rowLines
        self.headerRows = headerRows
        self.spans = spans
    }

    /// The figure style of `column`, or nil when it holds text.
    public func figureStyle(_ column: Int) -> FigureStyle? { column < figures.count ? figures[column] : nil }

    /// The source line of body row `index`.
    public func line(ofRow index: Int) -> Int { index < rowLines.count ? rowLines[index] : line }
}

/// A merged cell: the cell at (`row`, `column`) of the grid (0 is the `header` row) covering
/// `rows` rows and `columns` columns, itself included.
public struct CellSpan: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var rows: Int
    public var columns: Int

    public init(row: Int, column: Int, rows: Int = 1, columns: Int = 1) {
        self.row = row
        self.column = column
        self.rows = rows
        self.columns = columns
    }
}
