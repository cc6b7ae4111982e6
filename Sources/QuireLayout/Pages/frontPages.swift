import QuireModel
import QuirePages

extension Collector {
    /// The cover: logo, organisation, title, period and date, set large in the cover colour.
    func collectCover(_ matter: FrontMatter) {
        let style = theme.cover
        let width = theme.contentWidth
        if let logo = images[style.logo] {
            let scale = style.logoWidth / Double(max(1, logo.pixelWidth))
            let size = Size(width: style.logoWidth, height: Double(logo.pixelHeight) * scale)
            add { _ in
                var frame = Frame(size: Size(width: width, height: size.height))
                frame.push(.image(path: logo.path, size), at: .zero)
                return [.slice(Slice(frame: frame, height: size.height, breakAfter: false, figure: "Logo", line: nil))]
            }
        }
        space(theme.contentHeight * 0.22)
        // A band in the cover colour over the title block.
        let color = style.color
        add { _ in
            var frame = Frame(size: Size(width: width, height: 6))
            frame.push(.rect(Size(width: width, height: 6), fill: color), at: .zero)
            return [.slice(Slice(frame: frame, height: 6, breakAfter: false, line: nil))]
        }
        space(style.subtitleSize)
        func line(_ text: StyledText, size: Double, leading: Double) {
            guard !text.isEmpty else { return }
            let index = request(text, width: width, size: size, color: style.color, alignment: .left)
            let block = TextBlock(text: index, x: 0, leading: leading, keepWithNext: true, keepTogether: true)
            add { block.slices($0, width: width, orphans: 1, widows: 1) }
        }
        if let organisation = matter.organisation {
            line(styledText(organisation), size: style.subtitleSize, leading: style.subtitleSize * 1.3)
            space(style.subtitleSize)
        }
        line(styledText(matter.subject ?? [], base: SpanStyle(bold: true)), size: style.titleSize, leading: style.titleSize * 1.2)
        space(style.subtitleSize)
        if let period = matter.period { line(styledText(period), size: style.subtitleSize, leading: style.subtitleSize * 1.3) }
        if let date = matter.date {
            space(style.subtitleSize / 2)
            line(StyledText(formatDate(date, theme.headerBlock.dateFormat)), size: theme.body.size, leading: theme.body.leading)
        }
    }

    /// The contents: the title, then each section with the page it starts on, linked to it.
    /// `entries` holds each section's title and its 0-based index in the finished document.
    func collectContents(_ entries: [(title: String, pageIndex: Int, y: Double)]) {
        let width = theme.contentWidth
        let titleIndex = request(StyledText(theme.contents.title, style: SpanStyle(bold: true)), width: width, size: theme.heading.size + 4, alignment: .left)
        let titleBlock = TextBlock(text: titleIndex, x: 0, leading: (theme.heading.size + 4) * 1.3, keepWithNext: true,
                                   bookmark: (theme.contents.title, 1))
        add { titleBlock.slices($0, width: width, orphans: 1, widows: 1) }
        space(theme.blockSpace)
        let numberWidth = theme.body.size * 3
        for entry in entries {
            let title = request(StyledText(entry.title), width: width - numberWidth - 12, alignment: .left)
            let number = request(StyledText(String(entry.pageIndex + 1)), width: numberWidth, alignment: .right)
            let leading = theme.body.leading
            add { shaped in
                var items = TextBlock(text: title, x: 0, labels: [(number, width - numberWidth)], leading: leading, keepTogether: true)
                    .slices(shaped, width: width, orphans: 1, widows: 1)
                // The whole entry is a link to the section's page.
                if case .slice(var first) = items[0] {
                    first.frame.push(.pageLink(pageIndex: entry.pageIndex, y: entry.y, Size(width: width, height: leading)), at: .zero)
                    items[0] = .slice(first)
                }
                return items
            }
            space(theme.blockSpace / 2)
        }
    }
}
