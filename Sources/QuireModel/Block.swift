/// A block of the body. Numbering is not stored: the layout numbers sections and paragraphs
/// from their order, so a source can never carry a duplicate or skipped number.
public indirect enum Block: Hashable, Sendable {
    /// `#` is a numbered section, `##` and deeper are unnumbered subheadings.
    case heading(level: Int, [Inline], line: Int)
    case paragraph([Inline], line: Int)
    /// Ordered lists become lettered sub-items of the paragraph before them; bullets stay bullets.
    case list(ordered: Bool, items: [[Block]], line: Int)
    case table(Table)
    case quote([Block], line: Int)
    case code(String, line: Int)
    case thematicBreak(line: Int)
    case image(path: String, alt: String, line: Int)
    /// A chart resolved from data.
    case chart(Chart)
}

extension Block {
    /// The source line the block starts on.
    public var line: Int {
        switch self {
        case .heading(_, _, let line), .paragraph(_, let line), .list(_, _, let line), .quote(_, let line), .code(_, let line),
             .thematicBreak(let line), .image(_, _, let line):
            line
        case .table(let table): table.line
        case .chart(let chart): chart.line
        }
    }
}
