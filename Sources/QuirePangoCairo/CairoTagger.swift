import CCairo
import QuirePages
import QuirePDF

/// Turns the page tree's structure tags into cairo's tag calls, within what cairo 1.16 can
/// write, and records every element it opens so `finishPDF` can complete them:
/// - cairo marks content only for elements without child elements, so content is drawn only
///   inside such leaves: an element that holds content and then meets a child is interrupted
///   (the child becomes its sibling), a link (itself an element) met inside an open leaf waits
///   until the leaf closes, and content met outside any leaf gets a leaf of its own;
/// - cairo has no artifacts, so furniture goes in a placeholder element ("Private") that the
///   finisher turns into /Artifact content; a leaf interrupted by furniture is closed and
///   reopened as a continuation, which the finisher merges back;
/// - a `Link` element is begun in cairo by the annotation drawn first inside it, so the
///   words that follow are its content; met inside a leaf, it interrupts the leaf and is
///   written as its sibling, which the finisher moves back inside (`nestedIn`).
struct CairoTagger {
    private(set) var elements: [WrittenElement] = []
    /// Pages of tagged PDFs placed with their own structure, for the finisher to copy in.
    private(set) var importedPages: [ImportedPDFPage] = []
    private struct Open {
        var tag: StructureTag
        var name: String
        /// The element this one is (the first of its continuations).
        var origin: Int
        /// Whether its cairo tag is open now (false while interrupted).
        var drawing: Bool
        /// Whether content was drawn in it, or elements opened in it (a cell holding a list).
        var hasContent = false
        var hasChildren = false

        /// A `Link` waiting for its annotation, and the leaf it belongs inside.
        var awaitingAnnotation = false
        var nestedIn: Int?
        /// For a figure or table: where its content was drawn, while all on one page.
        var box: ElementBox?
        var spansPages = false

        /// Whether content may be drawn in it: cairo marks it only while it has no children.
        var isLeaf: Bool { tag.role.holdsContent && !hasChildren && !awaitingAnnotation }
    }
    private var stack: [Open] = []
    private var waitingLinks: [(attributes: String, contents: String?, destination: PageDestination?)] = []

    /// The root element; every other one nests in it.
    mutating func beginDocument(_ cr: OpaquePointer?) {
        cairo_tag_begin(cr, "Document", "")
        elements.append(WrittenElement(role: "Document"))
    }

    mutating func endDocument(_ cr: OpaquePointer?) {
        while !stack.isEmpty { end(cr) }
        cairo_tag_end(cr, "Document")
    }

    mutating func begin(_ tag: StructureTag, _ cr: OpaquePointer?) {
        if tag.role == .link {
            beginLink(cr)
            return
        }
        if let top = stack.last, top.isLeaf, top.drawing, top.hasContent || tag.role == .artifact {
            interruptLeaf(cr)
        } else if !stack.isEmpty {
            stack[stack.count - 1].hasChildren = true
        }
        let name = tag.role == .artifact ? "Private" : tag.role.rawValue
        cairo_tag_begin(cr, name, "")
        var element = WrittenElement(role: name, kind: tag.role == .artifact ? .artifact : .element, alt: tag.alt, scope: tag.scope?.rawValue,
                                     rowSpan: tag.rowSpan, columnSpan: tag.columnSpan)
        element.listNumbering = tag.listNumbering?.rawValue
        element.captionsNext = tag.captionsNext
        elements.append(element)
        stack.append(Open(tag: tag, name: name, origin: elements.count - 1, drawing: true))
    }

    mutating func end(_ cr: OpaquePointer?) {
        guard let top = stack.popLast() else { return }
        if let box = top.box, !top.spansPages { elements[top.origin].box = box }
        guard top.drawing else { return }
        cairo_tag_end(cr, top.tag.role == .link ? CAIRO_TAG_LINK : top.name)
        if top.isLeaf { emitWaitingLinks(cr) }
    }

    /// Call before drawing `extent` (from page `page`'s top-left corner): makes sure the
    /// content lands in a leaf, and widens the box of every figure and table it is drawn in.
    /// Returns true when it opened a leaf just for this content, which `afterContent` closes.
    mutating func beforeContent(text: Bool, extent: Rect, page: Int, _ cr: OpaquePointer?) -> Bool {
        let drawn = ElementBox(pageIndex: page, x: extent.origin.x, y: extent.origin.y, width: extent.size.width, height: extent.size.height)
        for index in stack.indices where stack[index].tag.role == .figure || stack[index].tag.role == .table {
            if let box = stack[index].box {
                if box.pageIndex == page { stack[index].box = box.union(drawn) } else { stack[index].spansPages = true }
            } else {
                stack[index].box = drawn
            }
        }
        if let top = stack.last, top.isLeaf {
            if !top.drawing {
                cairo_tag_begin(cr, top.name, "")
                elements.append(WrittenElement(role: top.name, kind: .continuation(of: top.origin)))
                stack[stack.count - 1].drawing = true
            }
            stack[stack.count - 1].hasContent = true
            return false
        }
        // Text outside any leaf is still read (a paragraph); graphics are decoration.
        begin(StructureTag(text ? .paragraph : .artifact), cr)
        return true
    }

    mutating func afterContent(_ opened: Bool, _ cr: OpaquePointer?) {
        if opened { end(cr) }
    }

    /// A link annotation: `attributes` as cairo's Link tag takes them. The first one inside
    /// a `Link` element begins it; one drawn outside any (a link no words fall in) is an
    /// element of its own, after the leaf it was met in.
    mutating func link(attributes: String, contents: String?, destination: PageDestination?, _ cr: OpaquePointer?) {
        if let top = stack.last, top.awaitingAnnotation {
            cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes)
            elements.append(WrittenElement(role: "Link", kind: .link(contents: contents, destination: destination), nestedIn: top.nestedIn))
            stack[stack.count - 1].awaitingAnnotation = false
            stack[stack.count - 1].drawing = true
            stack[stack.count - 1].origin = elements.count - 1
        } else if let top = stack.last, top.isLeaf, top.drawing {
            waitingLinks.append((attributes, contents, destination))
        } else {
            emitLink(attributes: attributes, contents: contents, destination: destination, cr)
        }
    }

    /// A tagged PDF's page placed with its structure: its elements go under the innermost
    /// open element (which must be one that holds elements, not content), after what that
    /// element holds already (the document's root when none is open).
    mutating func importPage(_ page: ImportedPDFPage, _ cr: OpaquePointer?) {
        if let top = stack.last, top.isLeaf { interruptLeaf(cr) }
        var origin = 0
        if let index = stack.indices.last(where: { !stack[$0].tag.role.holdsContent }) {
            stack[index].hasChildren = true
            origin = stack[index].origin
        }
        var page = page
        page.element = origin
        importedPages.append(page)
    }

    /// At a page's end a waiting link must still be written on this page: interrupt the leaf.
    mutating func endPage(_ cr: OpaquePointer?) {
        if !waitingLinks.isEmpty { interruptLeaf(cr) }
    }

    // MARK: - Private

    /// Opens a `Link` element, begun in cairo when its annotation comes. Inside a leaf, the
    /// leaf is interrupted (cairo would otherwise give it a child and stop marking its text)
    /// and the link remembers it, to be moved back inside by the finisher.
    private mutating func beginLink(_ cr: OpaquePointer?) {
        var nestedIn: Int?
        if let top = stack.last, top.isLeaf {
            nestedIn = top.origin
            interruptLeaf(cr)
        } else if !stack.isEmpty {
            stack[stack.count - 1].hasChildren = true
        }
        var open = Open(tag: StructureTag(.link), name: "Link", origin: -1, drawing: false)
        open.awaitingAnnotation = true
        open.nestedIn = nestedIn
        stack.append(open)
    }

    private mutating func interruptLeaf(_ cr: OpaquePointer?) {
        guard let top = stack.last, top.isLeaf, top.drawing else { return }
        cairo_tag_end(cr, top.name)
        stack[stack.count - 1].drawing = false
        emitWaitingLinks(cr)
    }

    private mutating func emitWaitingLinks(_ cr: OpaquePointer?) {
        let links = waitingLinks
        waitingLinks.removeAll()
        for link in links { emitLink(attributes: link.attributes, contents: link.contents, destination: link.destination, cr) }
    }

    private mutating func emitLink(attributes: String, contents: String?, destination: PageDestination?, _ cr: OpaquePointer?) {
        cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes)
        cairo_tag_end(cr, CAIRO_TAG_LINK)
        elements.append(WrittenElement(role: "Link", kind: .link(contents: contents, destination: destination)))
    }
}
