public import QuireModel

/// A block of one page before the pages are joined: a paragraph with the lines it came from
/// (a paragraph running on overleaf is rebuilt from both pages' lines), or a table.
enum PageItem: Sendable {
    case paragraph(ImportParagraph, lines: [FlowLine], gauge: WrapGauge, left: Double)
    case table(ReadTable)

    var top: Double {
        switch self {
        case .paragraph(_, let lines, _, _): lines.first?.line.top ?? 0
        case .table(let table): table.top
        }
    }
}
