/// One structure element as the drawing layer wrote it, in the order elements were opened:
/// the depth-first order of the structure tree in the file. `finishPDF` walks the tree in
/// that order and completes each element with what cairo cannot write.
public struct WrittenElement: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A structure element, kept.
        case element
        /// Page furniture written as a placeholder element: its content becomes /Artifact
        /// marked content and the element leaves the tree.
        case artifact
        /// The rest of an element interrupted by furniture (a paragraph running onto the next
        /// page); merged back into the element at that index.
        case continuation(of: Int)
        /// A link annotation's element; `contents` describes the target for assistive technology.
        case link(contents: String)
    }

    /// The structure type written (/S).
    public var role: String
    public var kind: Kind
    /// A figure's text alternative (/Alt).
    public var alt: String?
    /// A header cell's scope ("Row", "Column").
    public var scope: String?
    /// A merged table cell's extent (/RowSpan, /ColSpan), when more than one.
    public var rowSpan: Int?
    public var columnSpan: Int?

    public init(role: String, kind: Kind = .element, alt: String? = nil, scope: String? = nil, rowSpan: Int? = nil, columnSpan: Int? = nil) {
        self.role = role
        self.kind = kind
        self.alt = alt
        self.scope = scope
        self.rowSpan = rowSpan
        self.columnSpan = columnSpan
    }
}
