/// A GFM table: one header row, body rows, and per-column alignment.
public struct Table: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable { case left, center, right }

    public var header: [[Inline]]
    public var rows: [[[Inline]]]
    public var alignments: [Alignment]
    public var line: Int
    /// Shown above the table (tables built from data have one).
    public var caption: [Inline]?

    public init(header: [[Inline]], rows: [[[Inline]]], alignments: [Alignment], line: Int, caption: [Inline]? = nil) {
        self.header = header
        self.rows = rows
        self.alignments = alignments
        self.line = line
        self.caption = caption
    }
}
