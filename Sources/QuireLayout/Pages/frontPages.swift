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
            let alt = matter.text(.organisation).map { $0.plainText + " logo" } ?? "Logo"
            add { _ in
                var frame = Frame(size: Size(width: width, height: size.height))
                frame.open(StructureTag(.figure, alt: alt))
                frame.push(.image(path: logo.path, size), at: .zero)
                frame.close()
                return [.slice(Slice(frame: frame, height: size.height, breakAfter: false, figure: alt, line: nil))]
            }
        }
        space(theme.contentHeight * 0.22)
        // A band in the cover colour over the title block.
        let color = style.color
        add { _ in
            var frame = Frame(size: Size(width: width, height: 6))
            frame.open(.artifact)
            frame.push(.rect(Size(width: width, height: 6), fill: color), at: .zero)
            frame.close()
            return [.slice(Slice(frame: frame, height: 6, breakAfter: false, line: nil))]
        }
        space(style.subtitleSize)
        func line(_ text: StyledText, size: Double, leading: Double, role: StructureRole = .paragraph) {
            guard !text.isEmpty else { return }
            let index = request(text, width: width, size: size, color: style.color, alignment: .left)
            var block = TextBlock(text: index, x: 0, leading: leading, keepWithNext: true, keepTogether: true)
            block.textTags = Tagging(leaf: StructureTag(role))
            add { block.slices($0, width: width, orphans: 1, widows: 1) }
        }
        if let organisation = matter.text(.organisation) {
            line(styledText(organisation), size: style.subtitleSize, leading: style.subtitleSize * 1.3)
            space(style.subtitleSize)
        }
        line(styledText(matter.text(.subject) ?? [], base: SpanStyle(bold: true)), size: style.titleSize, leading: style.titleSize * 1.2,
             role: .heading1)
        space(style.subtitleSize)
        if let period = matter.text(.period) { line(styledText(period), size: style.subtitleSize, leading: style.subtitleSize * 1.3) }
        if let date = matter.date {
            space(style.subtitleSize / 2)
            line(StyledText(formatDate(date, theme.headerBlock.dateFormat, language: theme.language)), size: theme.body.size, leading: theme.body.leading)
        }
    }

    /// The contents: the title, then each section with the page it starts on, linked to it.
    /// `entries` holds each section's title, its 0-based index in the finished document and
    /// its printed page number.
    func collectContents(_ entries: [(title: String, pageIndex: Int, number: Int, y: Double)]) {
        let width = theme.contentWidth
        let titleIndex = request(StyledText(theme.contents.title, style: SpanStyle(bold: true)), width: width, size: theme.heading.size + 4, alignment: .left)
        var titleBlock = TextBlock(text: titleIndex, x: 0, leading: (theme.heading.size + 4) * 1.3, keepWithNext: true,
                                   bookmark: (theme.contents.title, 1))
        titleBlock.textTags = Tagging(leaf: .heading(level: 1))
        add { titleBlock.slices($0, width: width, orphans: 1, widows: 1) }
        space(theme.blockSpace)
        let numberWidth = theme.body.size * 3
        open(.contents)
        for entry in entries {
            let title = request(StyledText(entry.title), width: width - numberWidth - 12, alignment: .left)
            let number = request(StyledText(String(entry.number)), width: numberWidth, alignment: .right)
            let leading = theme.body.leading
            open(.contentsItem)
            add { shaped in
                // TOCI › Reference › Link: the whole entry, title then page number, is the link
                // to the section's page.
                var block = TextBlock(text: title, x: 0, labels: [(number, width - numberWidth)], leading: leading, keepTogether: true)
                block.labelsLast = true
                block.textTags = Tagging(opens: [StructureTag(.reference)], leaf: StructureTag(.link))
                block.pageLink = (entry.pageIndex, entry.y)
                return block.slices(shaped, width: width, orphans: 1, widows: 1)
            }
            close(2)  // Reference, TOCI
            space(theme.blockSpace / 2)
        }
        close()
    }
}
