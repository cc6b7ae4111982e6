import QuireModel
import QuirePages

/// Finishes pack pages: bodies set in the margins, the pack page number on every page,
/// "Agenda Item N" on an item's first page, the exemption band on exempt content, each item
/// wrapped in a `Part`. Stamps and bands are furniture (artifacts); the blank-page notice is
/// text. All of it is shaped in one batch.
func stampedPages(_ sheets: [Sheet], theme: Theme, options: PackOptions, shaper: any TextShaper) -> [Page] {
    let style = theme.pack
    var specs: [ParagraphSpec] = []
    func request(_ text: String, size: Double, bold: Bool = false, color: Color = theme.body.color, width: Double,
                 alignment: TextAlignment) -> Int {
        specs.append(ParagraphSpec(text: StyledText(text, style: SpanStyle(bold: bold)), family: theme.body.family, size: size,
                                   color: color, width: width, alignment: alignment))
        return specs.count - 1
    }
    struct Stamps { var page: Int; var item: Int?; var band: Int?; var blank: Int? }
    var stamps: [Stamps] = []
    for (index, sheet) in sheets.enumerated() {
        let width = sheet.size(theme).width - theme.page.marginLeft - theme.page.marginRight
        let number = String(options.firstPage + index)
        let first = sheet.item != nil && (index == 0 || sheets[index - 1].item != sheet.item)
        stamps.append(Stamps(
            page: request(style.pageStamp.replacingOccurrences(of: "{page}", with: number), size: theme.footer.size, width: width, alignment: .center),
            item: first ? sheet.itemNumber.map { request(style.itemStamp.replacingOccurrences(of: "{item}", with: $0), size: 11, bold: true, width: width, alignment: .right) } : nil,
            band: sheet.band.map { request(style.band.replacingOccurrences(of: "{paragraph}", with: String($0.number)), size: 9, bold: true, color: Color(red: 1, green: 1, blue: 1), width: width, alignment: .center) },
            blank: sheet.isBlank ? request(style.blankPage, size: theme.body.size, width: width, alignment: .center) : nil))
    }
    let shaped = specs.isEmpty ? [] : shaper.shape(specs)
    let margin = Point(x: theme.page.marginLeft, y: theme.page.marginTop)
    var pages: [Page] = []
    pages.reserveCapacity(sheets.count)
    for (index, sheet) in sheets.enumerated() {
        let size = sheet.size(theme)
        var frame: Frame
        switch sheet.body {
        case .page(let page): frame = page.frame
        case .pdf(let path, let pageIndex, let pageSize):
            frame = Frame(size: pageSize)
            frame.open(.article)  // an untagged document placed whole: read in its own order
            frame.push(.pdfPage(path: path, index: pageIndex, pageSize), at: .zero)
            frame.close()
        case .frame(let body):
            frame = Frame(size: size)
            frame.push(frame: body, at: margin)
        case .blank:
            frame = Frame(size: size)
            if let blank = stamps[index].blank {
                frame.open(.paragraph)
                for line in shaped[blank].lines { place(line, in: &frame, x: margin.x, baseline: size.height / 2) }
                frame.close()
            }
        }
        let item = sheet.item
        if let item, index == 0 || sheets[index - 1].item != item { frame.prepend(opening: [StructureTag(.part)]) }
        if let item, index == sheets.count - 1 || sheets[index + 1].item != item { frame.close() }
        func furniture(_ spec: Int?, baseline: Double) {
            guard let spec, let line = shaped[spec].lines.first else { return }
            frame.open(.artifact)
            place(line, in: &frame, x: margin.x, baseline: baseline)
            frame.close()
        }
        if stamps[index].band != nil {
            frame.open(.artifact)
            frame.push(.rect(Size(width: size.width, height: 14), fill: theme.pack.bandColor), at: .zero)
            frame.close()
            furniture(stamps[index].band, baseline: 10)
        }
        // Above a paper's own running header (half its top margin down), below the band.
        furniture(stamps[index].item, baseline: 28)
        furniture(stamps[index].page, baseline: size.height - theme.page.marginBottom / 2)
        pages.append(Page(frame: frame, number: index + 1, label: String(options.firstPage + index)))
    }
    return pages
}

extension Sheet {
    func size(_ theme: Theme) -> Size {
        switch body {
        case .page(let page): page.size
        case .pdf(_, _, let size): size
        case .frame, .blank: theme.page.size
        }
    }

    var isBlank: Bool { if case .blank = body { true } else { false } }
}
