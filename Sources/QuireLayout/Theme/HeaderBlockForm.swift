public import QuireModel
public import QuirePages

/// How the header block sets each row's label and value.
public enum HeaderBlockForm: String, Hashable, Sendable, CaseIterable {
    /// Labels in a column, values beside them (Kent's cover reports).
    case grid
    /// "PURPOSE: Final decision report": the label leads its value on one line, which wraps
    /// back to the margin (city councils' committee reports).
    case runIn = "run-in"
    /// The label on a line of its own, its value under it.
    case stacked
}

/// Header rows drawn in a box: ruled (a border) or shaded (a fill), as councils box the
/// Summary and Recommendations. The box is decoration: the rows stay part of the header
/// table for assistive technology.
public struct PanelStyle: Hashable, Sendable {
    /// A border, a fill, or both.
    public enum Style: String, Hashable, Sendable, CaseIterable { case ruled, shaded, both }
    /// The fields boxed (none: no box), in the layout's row order.
    public var fields: [FrontMatterField] = []
    public var style = Style.ruled
    /// One box per row, or one box around consecutive boxed rows.
    public var separate = true
    public var fill = Color(red: 0.93, green: 0.95, blue: 0.98)
    public var ruleColor = Color(red: 0.12, green: 0.22, blue: 0.39)
    public var ruleWidth = 0.75
    /// Space between the box and its text.
    public var padding = 6.0
}
