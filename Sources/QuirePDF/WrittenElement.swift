import QuirePages

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
        /// A link annotation's element: `contents` describes the target for assistive
        /// technology (nil: "Go to page" and the target's printed label); `destination` is
        /// where an internal link goes, which cairo 1.16 does not write.
        indirect case link(contents: String?, destination: PageDestination?)
    }

    /// The structure type written (/S).
    public var role: String {
        get { roleCode == Self.otherRole ? details?.value.otherRole ?? "" : Self.roleNames[Int(roleCode)] }
        set {
            if let code = Self.roleCodes[newValue] {
                roleCode = code
                if details?.value.otherRole != nil { change { $0.otherRole = nil } }
            } else {
                roleCode = Self.otherRole
                change { $0.otherRole = newValue }
            }
        }
    }
    public var kind: Kind {
        get {
            switch kindCode {
            case .element: .element
            case .artifact: .artifact
            case .continuation: .continuation(of: Int(origin))
            case .link: .link(contents: details?.value.linkContents, destination: details?.value.destination)
            }
        }
        set {
            var contents: String?, destination: PageDestination?
            origin = -1
            switch newValue {
            case .element: kindCode = .element
            case .artifact: kindCode = .artifact
            case .continuation(let index):
                kindCode = .continuation
                origin = Self.compact(index)
            case .link(let linkContents, let linkDestination):
                kindCode = .link
                (contents, destination) = (linkContents, linkDestination)
            }
            if details?.value.linkContents != contents || details?.value.destination != destination {
                change {
                    $0.linkContents = contents
                    $0.destination = destination
                }
            }
        }
    }
    /// The element (by index) this one belongs inside: cairo marks content only in elements
    /// without children, so a link met inside a paragraph is written as its sibling,
    /// between the paragraph and its continuation, and the finisher moves it back in.
    public var nestedIn: Int? {
        get { nest < 0 ? nil : Int(nest) }
        set { nest = newValue.map(Self.compact) ?? -1 }
    }

    // A pack holds tens of thousands of elements until the finisher writes them (about 40 a
    // page): inline, the fields made each 216 bytes, then 56 with the rare ones out of line
    // (the largest share of a 2,000-page pack's peak); packed as below, 24.
    /// What few elements have, out of line.
    private var details: Details?
    /// The continued element (`.continuation`), or -1.
    private var origin: Int32 = -1
    /// `nestedIn`, or -1.
    private var nest: Int32 = -1
    /// The role's index in `roleNames`, or `otherRole` (its name is in `details`).
    private var roleCode: UInt16 = 0
    private var kindCode: KindCode = .element

    private enum KindCode: UInt8, Hashable, Sendable { case element, artifact, continuation, link }

    /// Every role the drawing layer writes: the standard structure types, the root, and the
    /// placeholder of page furniture.
    private static let roleNames: [String] = StructureRole.allCases.map(\.rawValue) + ["Document", "Private"]
    private static let roleCodes: [String: UInt16] = Dictionary(roleNames.enumerated().map { ($1, UInt16($0)) }, uniquingKeysWith: { first, _ in first })
    private static let otherRole = UInt16.max

    /// An element index as stored: past 2^31 elements (50 million pages) the finisher's own
    /// counts would fail first.
    private static func compact(_ index: Int) -> Int32 {
        guard let value = Int32(exactly: index), value >= 0 else { preconditionFailure("element index \(index) out of range") }
        return value
    }

    /// A figure's text alternative (/Alt).
    public var alt: String? {
        get { details?.value.alt }
        set { change { $0.alt = newValue } }
    }
    /// A header cell's scope ("Row", "Column").
    public var scope: String? {
        get { details?.value.scope }
        set { change { $0.scope = newValue } }
    }
    /// A merged table cell's extent (/RowSpan, /ColSpan), when more than one.
    public var rowSpan: Int? {
        get { details?.value.rowSpan }
        set { change { $0.rowSpan = newValue } }
    }
    public var columnSpan: Int? {
        get { details?.value.columnSpan }
        set { change { $0.columnSpan = newValue } }
    }
    /// A list's /ListNumbering ("Decimal", "LowerAlpha", "None"…).
    public var listNumbering: String? {
        get { details?.value.listNumbering }
        set { change { $0.listNumbering = newValue } }
    }
    /// A caption that belongs inside the figure written after it, its next sibling: the
    /// finisher moves it there, as the figure's first kid.
    public var captionsNext: Bool {
        get { details?.value.captionsNext ?? false }
        set { change { $0.captionsNext = newValue } }
    }
    /// Where a figure or table was drawn, when all of it is on one page (/BBox).
    public var box: ElementBox? {
        get { details?.value.box }
        set { change { $0.box = newValue } }
    }

    public init(role: String, kind: Kind = .element, alt: String? = nil, scope: String? = nil, rowSpan: Int? = nil, columnSpan: Int? = nil,
                nestedIn: Int? = nil) {
        let fields = Details.Fields(alt: alt, scope: scope, rowSpan: rowSpan, columnSpan: columnSpan)
        details = fields == Details.Fields() ? nil : Details(fields)
        self.role = role
        self.kind = kind
        self.nestedIn = nestedIn
    }

    /// A new box whenever a field changes (they are set once, as the element is written), none
    /// while every field is empty, so equal elements compare and hash equal.
    private mutating func change(_ body: (inout Details.Fields) -> Void) {
        var fields = details?.value ?? Details.Fields()
        body(&fields)
        details = fields == Details.Fields() ? nil : Details(fields)
    }

    private final class Details: Hashable, Sendable {
        struct Fields: Hashable, Sendable {
            var alt: String?
            var scope: String?
            var rowSpan: Int?
            var columnSpan: Int?
            var listNumbering: String?
            var captionsNext = false
            var box: ElementBox?
            /// A link's description and internal destination (`Kind.link`).
            var linkContents: String?
            var destination: PageDestination?
            /// A role outside `roleNames`.
            var otherRole: String?
        }

        let value: Fields
        init(_ value: Fields) { self.value = value }
        static func == (a: Details, b: Details) -> Bool { a.value == b.value }
        func hash(into hasher: inout Hasher) { hasher.combine(value) }
    }
}

/// A place in the document an internal link goes to: a 0-based page and a y down from its top.
public struct PageDestination: Hashable, Sendable {
    public var pageIndex: Int
    public var y: Double

    public init(pageIndex: Int, y: Double) {
        self.pageIndex = pageIndex
        self.y = y
    }
}

/// An element's drawn extent on one page: a 0-based page, and a rectangle from the page's
/// top-left corner as drawn (the finisher turns it into PDF's coordinates).
public struct ElementBox: Hashable, Sendable {
    public var pageIndex: Int
    public var x: Double, y: Double, width: Double, height: Double

    public init(pageIndex: Int, x: Double, y: Double, width: Double, height: Double) {
        self.pageIndex = pageIndex
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The smallest box holding both (on the same page).
    public func union(_ other: ElementBox) -> ElementBox {
        let left = min(x, other.x), top = min(y, other.y)
        let right = max(x + width, other.x + other.width), bottom = max(y + height, other.y + other.height)
        return ElementBox(pageIndex: pageIndex, x: left, y: top, width: right - left, height: bottom - top)
    }
}
