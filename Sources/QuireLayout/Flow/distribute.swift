import QuireModel
import QuirePages

/// Fills pages of `size` with the flow, breaking only where a slice allows it. When a group
/// that must stay together is taller than a page, it gives up (breaks inside it) and says so
/// in a diagnostic rather than overflowing the page.
func distribute(_ items: [FlowItem], size: Size, file: String, notes: NoteArea = NoteArea()) -> (pages: [BodyPage], diagnostics: [Diagnostic]) {
    var distributor = Distributor(size: size, file: file, notes: notes)
    let pages = distributor.feed(items, final: true)
    return (pages, distributor.diagnostics)
}

/// Page filling that can be fed a flow in pieces: it keeps only the items of the page being
/// filled, so a long document never needs its whole flow in memory at once. A slice's notes
/// go to the foot of its page (`NoteArea`): a slice fits only if it does with its notes, so a
/// note is always on the page that refers to it.
struct Distributor {
    let size: Size
    let file: String
    let noteArea: NoteArea
    private(set) var diagnostics: [Diagnostic] = []
    /// Items from the head of the page being filled.
    private var pending: [FlowItem] = []
    private let tolerance = 1e-6

    init(size: Size, file: String, notes: NoteArea = NoteArea()) {
        self.size = size
        self.file = file
        self.noteArea = notes
    }

    /// Adds items and returns the pages they complete; `final` flushes the last page.
    mutating func feed(_ items: [FlowItem], final: Bool) -> [BodyPage] {
        pending += items
        var pages: [BodyPage] = []
        var start = 0
        while true {
            // Space and explicit breaks at the head of a page are dropped.
            while start < pending.count {
                if case .slice = pending[start] { break }
                start += 1
            }
            guard start < pending.count else { break }
            let scan = scanPage(from: start)
            // A page that ran out of items may still take more: wait for them.
            if !scan.complete && !final { break }
            diagnostics += scan.notes
            pages.append(compose(pending[start..<scan.end], header: scan.header, size: size, notes: noteArea))
            start = scan.next
        }
        pending.removeFirst(min(start, pending.count))
        return pages
    }

    /// Where the page starting at `start` ends (exclusive), where the next begins, and whether
    /// the page was closed (by a break or by something that did not fit) rather than by
    /// running out of items. Notes are kept only once the page is final (a page may be scanned
    /// again when more items arrive).
    private func scanPage(from start: Int) -> (end: Int, next: Int, complete: Bool, header: [Slice], notes: [Diagnostic]) {
        var notes: [Diagnostic] = []
        let header: [Slice]
        if case .slice(let first) = pending[start] { header = first.repeatedHeader } else { header = [] }
        var y = header.reduce(0) { $0 + $1.height }
        var footnotes = NoteArea.Content()  // the notes of the slices placed so far
        var lastBreak: Int?  // index of the last slice after which this page may end
        var placedAny = false
        var end = start
        while end < pending.count {
            switch pending[end] {
            case .pageBreak:
                return (end, end + 1, true, header, notes)
            case .space(let h):
                y = min(y + h, size.height)
                end += 1
            case .open, .close:
                end += 1  // folded into slices before distribution; nothing to place
            case .slice(let slice):
                let withNotes = footnotes.adding(slice.notes)
                let foot = noteArea.height(of: withNotes)
                if y + slice.height + foot <= size.height + tolerance || !placedAny {
                    if y + slice.height + foot > size.height + tolerance {
                        notes.append(Diagnostic(at: slice.line.map { SourceLocation(file: file, line: $0) },
                                                slice.notes.isEmpty ? "content taller than a page (\(Int(slice.height)) pt) was placed on its own page and overflows"
                                                    : "content and its footnotes are taller than a page (\(Int(slice.height + foot)) pt); they were placed on their own page and overflow"))
                    }
                    y += slice.height
                    footnotes = withNotes
                    placedAny = true
                    if slice.breakAfter { lastBreak = end }
                    end += 1
                } else if let lastBreak {
                    return (lastBreak + 1, lastBreak + 1, true, header, notes)
                } else {
                    // Everything on the page is one keep-together group: break inside it.
                    notes.append(Diagnostic(at: slice.line.map { SourceLocation(file: file, line: $0) },
                                            "a block that should stay together is taller than a page; it was split"))
                    return (end, end, true, header, notes)
                }
            }
        }
        return (end, end, false, header, notes)
    }
}

/// Stacks the chosen slices (after any repeated header) into one page body, and their notes
/// at its foot. Each note is drawn right after the slice that refers to it, so in reading
/// order (and the structure tree) it follows its reference's paragraph.
private func compose(_ items: ArraySlice<FlowItem>, header: [Slice], size: Size, notes area: NoteArea) -> BodyPage {
    var frame = Frame(size: size)
    var bookmarks: [(title: String, level: Int, y: Double)] = []
    var figures: [(alt: String, y: Double, height: Double)] = []
    var y = 0.0
    // A header row repeated on a new page is a reminder, not content: an artifact.
    for slice in header {
        frame.open(.artifact)
        frame.push(frame: slice.frame.untagged, at: Point(x: 0, y: y))
        frame.close()
        y += slice.height
    }
    // Trailing space is not content.
    var last = items.endIndex
    while last > items.startIndex, case .space = items[last - 1] { last -= 1 }
    var footnotes = NoteArea.Content()
    for case .slice(let slice) in items { footnotes = footnotes.adding(slice.notes) }
    var noteY = size.height - area.height(of: footnotes)
    let ruleY = noteY + area.spaceAbove
    noteY = ruleY
    for item in items[items.startIndex..<last] {
        switch item {
        case .space(let h): y += h
        case .pageBreak, .open, .close: break
        case .slice(let slice):
            frame.push(frame: slice.frame, at: Point(x: 0, y: y))
            if let mark = slice.bookmark { bookmarks.append((mark.title, mark.level, y)) }
            if let alt = slice.figure { figures.append((alt, y, slice.height)) }
            y += slice.height
            for note in slice.notes {
                noteY += area.spaceBetween
                frame.push(frame: note.frame, at: Point(x: 0, y: noteY))
                noteY += note.height
            }
        }
    }
    if footnotes.count > 0 { area.drawRule(in: &frame, y: ruleY) }
    return BodyPage(frame: frame, bookmarks: bookmarks, figures: figures)
}
