import Foundation
import QuirePages

/// Values a running header or footer may show.
struct RunningValues {
    var subject: String
    var classification: String
}

/// A laid-out page body and what its furniture needs to know.
struct PageRun {
    var body: BodyPage
    /// Cover pages carry no running header or footer.
    var furniture = true
    /// The section the page is in, for `{section}`.
    var section = ""
}

/// Adds margins, running header and footer ("Page N of M") to laid-out bodies, and places
/// bookmarks and figures. Page numbers only enter here, so body layout never depends on them.
func finalize(_ runs: [PageRun], theme: Theme, values: RunningValues, shaper: any TextShaper)
    -> (pages: [Page], outline: [OutlineEntry], figures: [FigureEntry])
{
    let total = runs.count
    let width = theme.contentWidth
    func fill(_ template: String, _ number: Int, _ section: String) -> String {
        template.replacingOccurrences(of: "{page}", with: String(number))
            .replacingOccurrences(of: "{pages}", with: String(total))
            .replacingOccurrences(of: "{subject}", with: values.subject)
            .replacingOccurrences(of: "{classification}", with: values.classification)
            .replacingOccurrences(of: "{section}", with: section)
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
    // Shape every header and footer in one batch.
    var specs: [ParagraphSpec] = []
    for (index, run) in runs.enumerated() {
        specs.append(spec(fill(theme.header.template, index + 1, run.section), theme.header))
        specs.append(spec(fill(theme.footer.template, index + 1, run.section), theme.footer))
    }
    let shaped = shaper.shape(specs)
    var pages: [Page] = []
    var outline: [OutlineEntry] = []
    var figures: [FigureEntry] = []
    pages.reserveCapacity(total)
    let origin = Point(x: theme.page.marginLeft, y: theme.page.marginTop)
    for (index, run) in runs.enumerated() {
        var frame = Frame(size: theme.page.size)
        frame.reserve(run.body.frame.items.count + 4)
        // Header baseline sits half the top margin down; footer half the bottom margin up.
        for line in shaped[2 * index].lines.prefix(1) where run.furniture && !theme.header.template.isEmpty {
            place(line, in: &frame, x: theme.page.marginLeft, baseline: theme.page.marginTop / 2 + line.ascent / 2)
        }
        frame.push(frame: run.body.frame, at: origin)
        for line in shaped[2 * index + 1].lines.prefix(1) where run.furniture && !theme.footer.template.isEmpty {
            place(line, in: &frame, x: theme.page.marginLeft, baseline: theme.page.size.height - theme.page.marginBottom / 2)
        }
        pages.append(Page(frame: frame, number: index + 1, label: String(index + 1)))
        for mark in run.body.bookmarks {
            outline.append(OutlineEntry(title: mark.title, level: mark.level, pageIndex: index, y: origin.y + mark.y))
        }
        for figure in run.body.figures {
            figures.append(FigureEntry(alt: figure.alt, pageIndex: index,
                                       rect: Rect(x: origin.x, y: origin.y + figure.y, width: width, height: figure.height)))
        }
    }
    return (pages, outline, figures)
}

/// Body pages with their running section: the section in force at the top of the page (a
/// page that opens with a heading, or precedes every carried-over section, takes its first).
func sectionRuns(_ bodies: [BodyPage]) -> [PageRun] {
    var current = ""
    return bodies.map { body in
        let headings = body.bookmarks.filter { $0.level == 1 }
        var section = current
        if let first = headings.first, first.y < 1 || current.isEmpty { section = first.title }
        current = headings.last?.title ?? current
        return PageRun(body: body, section: section)
    }
}
