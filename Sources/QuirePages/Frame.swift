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
}
