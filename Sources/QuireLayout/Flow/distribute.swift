import QuireModel
import QuirePages

/// Fills pages of `size` with the flow, breaking only where a slice allows it. When a group
/// that must stay together is taller than a page, it gives up (breaks inside it) and says so
/// in a diagnostic rather than overflowing the page.
func distribute(_ items: [FlowItem], size: Size, file: String) -> (pages: [BodyPage], diagnostics: [Diagnostic]) {
    let tolerance = 1e-6
    var pages: [BodyPage] = []
    var diagnostics: [Diagnostic] = []
    var start = 0
    while true {
        // Space and explicit breaks at the head of a page are dropped.
        while start < items.count {
            if case .slice = items[start] { break }
            start += 1
        }
        guard start < items.count else { break }
        let header: [Slice]
        if case .slice(let first) = items[start] { header = first.repeatedHeader } else { header = [] }
        var y = header.reduce(0) { $0 + $1.height }
        var lastBreak: Int?  // index of the last slice after which this page may end
        var placedAny = false
        var end = start  // exclusive
        var next = start
        scan: while true {
            guard end < items.count else { next = end; break }
            switch items[end] {
            case .pageBreak:
                next = end + 1
                break scan
            case .space(let h):
                y = min(y + h, size.height)
                end += 1
            case .slice(let slice):
                if y + slice.height <= size.height + tolerance || !placedAny {
                    if y + slice.height > size.height + tolerance {
                        diagnostics.append(Diagnostic(at: slice.line.map { SourceLocation(file: file, line: $0) },
                                                      "content taller than a page (\(Int(slice.height)) pt) was placed on its own page and overflows"))
                    }
                    y += slice.height
                    placedAny = true
                    if slice.breakAfter { lastBreak = end }
                    end += 1
                } else if let lastBreak {
                    end = lastBreak + 1
                    next = end
                    break scan
                } else {
                    // Everything on the page is one keep-together group: break inside it.
                    diagnostics.append(Diagnostic(at: slice.line.map { SourceLocation(file: file, line: $0) },
                                                  "a block that should stay together is taller than a page; it was split"))
                    next = end
                    break scan
                }
            }
        }
        pages.append(compose(items[start..<end], header: header, size: size))
        start = next
    }
    return (pages, diagnostics)
}

/// Stacks the chosen slices (after any repeated header) into one page body.
private func compose(_ items: ArraySlice<FlowItem>, header: [Slice], size: Size) -> BodyPage {
    var frame = Frame(size: size)
    var bookmarks: [(title: String, level: Int, y: Double)] = []
    var figures: [(alt: String, y: Double, height: Double)] = []
    var y = 0.0
    for slice in header {
        frame.push(frame: slice.frame, at: Point(x: 0, y: y))
        y += slice.height
    }
    // Trailing space is not content.
    var last = items.endIndex
    while last > items.startIndex, case .space = items[last - 1] { last -= 1 }
    for item in items[items.startIndex..<last] {
        switch item {
        case .space(let h): y += h
        case .pageBreak: break
        case .slice(let slice):
            frame.push(frame: slice.frame, at: Point(x: 0, y: y))
            if let mark = slice.bookmark { bookmarks.append((mark.title, mark.level, y)) }
            if let alt = slice.figure { figures.append((alt, y, slice.height)) }
            y += slice.height
        }
    }
    return BodyPage(frame: frame, bookmarks: bookmarks, figures: figures)
}
