import Foundation
import QuirePages

/// Values a running header or footer may show.
struct RunningValues {
    var subject: String
    var classification: String
    /// The protective marking as the layout prints it (`{marking}`).
    var marking = ""
}

/// What finalizing a page needs besides its body frame.
struct PageRun {
    var bookmarks: [(title: String, level: Int, y: Double)] = []
    var figures: [(alt: String, y: Double, height: Double)] = []
    /// Cover pages carry no running header or footer.
    var furniture = true
    /// The section the page is in, for `{section}`.
    var section = ""
    /// The printed page number ("ii", "3"); nil: the page's position in the document.
    var label: PageLabel?

    init(_ body: BodyPage, furniture: Bool = true, section: String = "") {
        bookmarks = body.bookmarks
        figures = body.figures
        self.furniture = furniture
        self.section = section
    }
}

/// Bookmarks and figures placed on their pages; needs no page content, so it runs before
/// any page is finished.
func outlineAndFigures(_ runs: [PageRun], theme: Theme) -> (outline: [OutlineEntry], figures: [FigureEntry]) {
    var outline: [OutlineEntry] = []
    var figures: [FigureEntry] = []
    let origin = Point(x: theme.page.marginLeft, y: theme.page.marginTop)
    for (index, run) in runs.enumerated() {
        for mark in run.bookmarks {
            outline.append(OutlineEntry(title: mark.title, level: mark.level, pageIndex: index, y: origin.y + mark.y))
        }
        for figure in run.figures {
            figures.append(FigureEntry(alt: figure.alt, pageIndex: index,
                                       rect: Rect(x: origin.x, y: origin.y + figure.y, width: theme.contentWidth, height: figure.height)))
        }
    }
    return (outline, figures)
}

/// Adds margins, running header and footer ("Page N of M") to a batch of laid-out bodies.
/// Page numbers only enter here, so body layout never depends on them. `first` is the
/// 0-based index of the batch's first page; `total` the count `{pages}` shows.
func finalize(_ bodies: [Frame], runs: ArraySlice<PageRun>, first: Int, total: Int, theme: Theme, values: RunningValues,
              furniture: PageFurniture, shaper: any TextShaper) -> [Page] {
    let width = theme.contentWidth
    func fill(_ template: String, _ label: PageLabel, _ section: String) -> String {
        fillPlaceholders(template) { name in
            switch name {
            case "page": label.description
            case "pages": String(total)
            case "subject": values.subject
            case "classification": values.classification
            case "marking": values.marking
            case "section": section
            default: nil
            }
        }
    }
    func spec(_ text: String, _ running: RunningText) -> ParagraphSpec {
        let alignment: TextAlignment = switch running.alignment {
        case .left: .left
        case .center: .center
        case .right: .right
        }
        return ParagraphSpec(text: StyledText(text), family: theme.body.family, size: running.size, color: theme.body.color,
                             width: width, alignment: alignment)
    }
    // Shape the batch's headers and footers together; an empty template asks for nothing.
    var specs: [ParagraphSpec] = []
    func label(_ run: PageRun, _ offset: Int) -> PageLabel { run.label ?? .decimal(first + offset + 1) }
    func request(_ running: RunningText, _ run: PageRun, _ label: PageLabel) -> Int? {
        guard run.furniture, !running.template.isEmpty else { return nil }
        specs.append(spec(fill(running.template, label, run.section), running))
        return specs.count - 1
    }
    var lines: [(header: Int?, footer: Int?)] = []
    var labels: [PageLabel] = []
    for (offset, run) in runs.enumerated() {
        labels.append(label(run, offset))
        lines.append((request(theme.header, run, labels[offset]), request(theme.footer, run, labels[offset])))
    }
    let extras = furniture.request(theme, into: &specs)
    let shaped = specs.isEmpty ? [] : shaper.shapeAligned(specs)
    let origin = Point(x: theme.page.marginLeft, y: theme.page.marginTop)
    var pages: [Page] = []
    pages.reserveCapacity(bodies.count)
    for (offset, body) in bodies.enumerated() {
        var frame = Frame(size: theme.page.size)
        frame.reserve(body.items.count + 4)
        // Header baseline sits half the top margin down; footer half the bottom margin up.
        // Both are page furniture: artifacts, not content.
        for line in lines[offset].header.map({ shaped[$0].lines.prefix(1) }) ?? [] {
            frame.open(.artifact)
            place(line, in: &frame, x: theme.page.marginLeft, baseline: theme.page.marginTop / 2 + line.ascent / 2)
            frame.close()
        }
        // The logo reads first on the page it is content of; the marking is furniture.
        furniture.drawLogo(on: &frame, theme: theme, pageIndex: first + offset, name: extras.name.map { shaped[$0] })
        furniture.drawMarking(on: &frame, theme: theme, shaped: extras.marking.map { shaped[$0] })
        frame.push(frame: body, at: origin)
        for line in lines[offset].footer.map({ shaped[$0].lines.prefix(1) }) ?? [] {
            frame.open(.artifact)
            place(line, in: &frame, x: theme.page.marginLeft, baseline: theme.page.size.height - theme.page.marginBottom / 2)
            frame.close()
        }
        pages.append(Page(frame: frame, number: first + offset + 1, label: labels[offset]))
    }
    return pages
}

/// Body pages with their running section: the section in force at the top of the page (a
/// page that opens with a heading, or precedes every carried-over section, takes its first).
func sectionRuns(_ bodies: [PageRun]) -> [PageRun] {
    var current = ""
    return bodies.map { body in
        var run = body
        let headings = body.bookmarks.filter { $0.level == 1 }
        run.section = current
        if let first = headings.first, first.y < 1 || current.isEmpty { run.section = first.title }
        current = headings.last?.title ?? current
        return run
    }
}
