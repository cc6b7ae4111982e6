public import QuireModel

/// A stretch of a page's lines after table detection: running text, or a table.
enum FlowSegment: Sendable {
    case lines([FlowLine])
    case table(ReadTable)
}

/// A table as a page shows it, with the geometry joining it to its continuation overleaf needs.
struct ReadTable: Sendable {
    var table: ImportTable
    var columns: [ColumnSpan]
    var top: Double
    var bottom: Double
    /// The source lines it was read from, in order, for the ledger of repeated header rows.
    var lineNumbers: [Int]
}
