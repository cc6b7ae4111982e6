import Foundation
import QuirePages

/// Values a running header or footer may show.
struct RunningValues {
    var subject: String
    var classification: String
}

/// Adds margins, running header and footer ("Page N of M") to laid-out bodies. Page numbers
/// only enter here, so body layout never depends on them.
func finalize(_ bodies: [BodyPage], theme: Theme, values: RunningValues, shaper: any TextShaper) -> (pages: [Page], outline: [OutlineEntry]) {
    let total = bodies.count
    let width = theme.contentWidth
    func fill(_ template: String, _ number: Int) -> String {
        template.replacingOccurrences(of: "{page}", with: String(number))
            .replacingOccurrences(of: "{pages}", with: String(total))
            .replacingOccurrences(of: "{subject}", with: values.subject)
            .replacingOccurrences(of: "{classification}", with: values.classification)
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
    for number in 1...max(total, 1) {
        specs.append(spec(fill(theme.header.template, number), theme.header))
        specs.append(spec(fill(theme.footer.template, number), theme.footer))
    }
    let shaped = shaper.shape(specs)
    var pages: [Page] = []
    var outline: [OutlineEntry] = []
    pages.reserveCapacity(total)
    let origin = Point(x: theme.page.marginLeft, y: theme.page.marginTop)
    for (index, body) in bodies.enumerated() {
        var frame = Frame(size: theme.page.size)
        frame.reserve(body.frame.items.count + 4)
        // Header baseline sits half the top margin down; footer half the bottom margin up.
        for line in shaped[2 * index].lines.prefix(1) where !theme.header.template.isEmpty {
            place(line, in: &frame, x: theme.page.marginLeft, baseline: theme.page.marginTop / 2 + line.ascent / 2)
        }
        frame.push(frame: body.frame, at: origin)
        for line in shaped[2 * index + 1].lines.prefix(1) where !theme.footer.template.isEmpty {
            place(line, in: &frame, x: theme.page.marginLeft, baseline: theme.page.size.height - theme.page.marginBottom / 2)
        }
        pages.append(Page(frame: frame, number: index + 1, label: String(index + 1)))
        for mark in body.bookmarks {
            outline.append(OutlineEntry(title: mark.title, level: mark.level, pageIndex: index, y: origin.y + mark.y))
        }
    }
    return (pages, outline)
}
