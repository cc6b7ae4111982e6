/// Something drawn at a position on a page or in a frame.
public enum FrameItem: Hashable, Sendable {
    /// Text; the position is the run's baseline origin.
    case glyphs(GlyphRun)
    /// A straight rule from the position to `to` (relative), `width` points thick.
    case line(to: Point, width: Double, color: Color)
    /// A filled rectangle with its top-left corner at the position.
    case rect(Size, fill: Color)
    /// A clickable area (URL or `mailto:`) with its top-left corner at the position.
    case link(url: String, Size)
    /// A PNG or SVG image scaled into the size, top-left at the position.
    case image(path: String, Size)
    /// A clickable area that goes to a place in this document (0-based page, y from its top).
    case pageLink(pageIndex: Int, y: Double, Size)
    /// Page `index` (0-based) of an existing PDF file (an appendix), drawn as vectors scaled
    /// into the size, top-left at the position.
    case pdfPage(path: String, index: Int, Size)
    /// Page `index` of a tagged PDF, placed with its own structure: its content and its
    /// structure elements are carried over whole (a PDF writer copies the page and grafts the
    /// elements under the element open around it); a canvas without structure draws it as
    /// `pdfPage`.
    case taggedPDFPage(path: String, index: Int, Size)
    /// Opens a structure element: what follows, up to the matching `endTag`, belongs to it.
    /// Tags nest, may span pages, and the page tree is in reading order, so the tags give
    /// the document's logical structure (the position is unused).
    case beginTag(StructureTag)
    case endTag
}

/// An item at a position, relative to the frame that holds it.
public struct Positioned<Item: Hashable & Sendable>: Hashable, Sendable {
    public var point: Point
    public var item: Item
    public init(_ item: Item, at point: Point) { self.point = point; self.item = item }
}

/// A finished piece of layout: items at fixed positions relative to its top-left corner.
public struct Frame: Hashable, Sendable {
    public var size: Size
    public private(set) var items: [Positioned<FrameItem>] = []

    public init(size: Size) { self.size = size }

    // MARK: - Insert

    public mutating func push(_ item: FrameItem, at point: Point) {
        items.append(Positioned(item, at: point))
    }

    /// Copies another frame's items in, offset by `point` (frames are flattened: the page
    /// tree stays a flat, easily walked list).
    public mutating func push(frame: Frame, at point: Point) {
        items.reserveCapacity(items.count + frame.items.count)
        for p in frame.items { items.append(Positioned(p.item, at: p.point.offset(by: point))) }
    }

    public mutating func reserve(_ count: Int) { items.reserveCapacity(count) }

    public mutating func open(_ tag: StructureTag) { items.append(Positioned(.beginTag(tag), at: .zero)) }
    public mutating func open(_ role: StructureRole) { open(StructureTag(role)) }
    public mutating func close(_ count: Int = 1) {
        for _ in 0..<count { items.append(Positioned(.endTag, at: .zero)) }
    }

    /// Puts another frame's items before everything already in this one (same origin).
    public mutating func prepend(_ other: Frame) {
        items.insert(contentsOf: other.items, at: 0)
    }

    /// Opens elements before everything already in the frame.
    public mutating func prepend(opening tags: [StructureTag]) {
        items.insert(contentsOf: tags.map { Positioned(.beginTag($0), at: .zero) }, at: 0)
    }

    /// The same frame with its links into the document moved `offset` pages on (a paper's
    /// pages placed after others in a pack).
    public func movingPageLinks(by offset: Int) -> Frame {
        guard offset != 0 else { return self }
        var copy = self
        for index in copy.items.indices {
            if case .pageLink(let page, let y, let size) = copy.items[index].item {
                copy.items[index].item = .pageLink(pageIndex: page + offset, y: y, size)
            }
        }
        return copy
    }

    /// The same frame without structure tags (a copy drawn again, such as a repeated header).
    public var untagged: Frame {
        var copy = self
        copy.items.removeAll { if case .beginTag = $0.item { true } else if case .endTag = $0.item { true } else { false } }
        return copy
    }
}
