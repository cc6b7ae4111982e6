import Foundation
import QuireModel
public import QuirePages

/// Each pack page's stamps, shaped in one batch: the page number, "Agenda Item N" on an item's
/// first page, a PDF appendix's title on its first, the exemption band, the blank-page notice.
struct PackStamps: @unchecked Sendable {
    struct Page { var number: Int; var item: Int?; var heading: Int?; var band: Int?; var blank: Int? }
    var pages: [Page]
    var shaped: [ShapedParagraph]
}

func packStamps(_ sheets: [Sheet], theme: Theme, options: PackOptions, shaper: any TextShaper) -> PackStamps {
    let style = theme.pack
    var specs: [ParagraphSpec] = []
    func request(_ text: String, size: Double, bold: Bool = false, color: Color = theme.body.color, width: Double,
                 alignment: TextAlignment) -> Int {
        specs.append(ParagraphSpec(text: StyledText(text, style: SpanStyle(bold: bold)), family: theme.body.family, size: size,
                                   color: color, width: width, alignment: alignment))
        return specs.count - 1
    }
    var stamps: [PackStamps.Page] = []
    for (index, sheet) in sheets.enumerated() {
        let width = sheet.size(theme).width - theme.page.marginLeft - theme.page.marginRight
        let number = String(options.firstPage + index)
        let first = sheet.item != nil && (index == 0 || sheets[index - 1].item != sheet.item)
        stamps.append(PackStamps.Page(
            number: request(style.pageStamp.replacingOccurrences(of: "{page}", with: number), size: theme.footer.size, width: width, alignment: .center),
            item: first ? sheet.itemNumber.map { request(style.itemStamp.replacingOccurrences(of: "{item}", with: $0), size: 11, bold: true, width: width, alignment: .right) } : nil,
            heading: sheet.heading.map { request($0, size: 10, bold: true, width: width, alignment: .right) },
            band: sheet.band.map { request(style.band.replacingOccurrences(of: "{paragraph}", with: String($0.number)), size: 9, bold: true,
                                           color: Color(red: 1, green: 1, blue: 1), width: width, alignment: .center) },
            blank: sheet.isBlank ? request(style.blankPage, size: theme.body.size, width: width, alignment: .center) : nil))
    }
    return PackStamps(pages: stamps, shaped: specs.isEmpty ? [] : shaper.shapeAligned(specs))
}

/// The pack's pages, made one at a time as they are drawn: bodies set in the margins, papers'
/// pages finished from their spools, page numbers and bands added as furniture (artifacts),
/// each item wrapped in a `Part` that opens with its stamp as its heading, each PDF document
/// wrapped in a `Sect` (an appendix's opening with its title), its pages placed with their
/// own structure when they have one the writer can carry. Walk it once, in order.
public struct PackPages: Sequence, @unchecked Sendable {
    let sheets: [Sheet]
    let papers: [PackPaper]
    let stamps: PackStamps
    let theme: Theme
    let options: PackOptions

    public func makeIterator() -> AnyIterator<Page> {
        var index = 0
        // Each paper's pages, started when its first page is due, and the pack page it starts on.
        var open: [Int: (pages: AnyIterator<Page>, first: Int)] = [:]
        return AnyIterator {
            guard index < sheets.count else { return nil }
            defer { index += 1 }
            var paperPage: Page?
            if case .paperPage(let paper, _) = sheets[index].body {
                if open[paper] == nil { open[paper] = (papers[paper].pages().makeIterator(), index) }
                // A paper's links into itself (its contents) go to its pages where the pack has them.
                if let (pages, first) = open[paper], var next = pages.next() {
                    next.frame = next.frame.movingPageLinks(by: first)
                    paperPage = next
                }
                if index + 1 >= sheets.count || !sheets[index + 1].isPage(of: paper) { open[paper] = nil }
            }
            return page(index, paperPage: paperPage)
        }
    }

    private func page(_ index: Int, paperPage: Page?) -> Page {
        let sheet = sheets[index], stamp = stamps.pages[index], shaped = stamps.shaped
        let margin = Point(x: theme.page.marginLeft, y: theme.page.marginTop)
        // An item's stamp and an appendix's title: drawn at the top, read as headings.
        func heading(_ spec: Int?, in frame: inout Frame, baseline: Double) {
            guard let spec, let line = shaped[spec].lines.first else { return }
            frame.open(.heading1)
            place(line, in: &frame, x: margin.x, baseline: baseline)
            frame.close()
        }
        var frame: Frame
        switch sheet.body {
        case .paperPage(_, let size): frame = paperPage?.frame ?? Frame(size: size)
        case .pdf(let path, let pageIndex, let pageSize, let withStructure):
            frame = Frame(size: pageSize)
            if sheet.startsPDF { frame.open(.section) }
            heading(stamp.heading, in: &frame, baseline: stamp.item == nil ? 28 : 44)
            if withStructure {
                frame.push(.taggedPDFPage(path: path, index: pageIndex, pageSize), at: .zero)
            } else {
                frame.open(.article)  // an untagged document placed whole: read in its own order
                frame.push(.pdfPage(path: path, index: pageIndex, pageSize), at: .zero)
                frame.close()
            }
            if sheet.endsPDF { frame.close() }
        case .frame(let body):
            frame = Frame(size: theme.page.size)
            frame.push(frame: body, at: margin)
        case .blank:
            frame = Frame(size: theme.page.size)
            if let blank = stamp.blank {
                frame.open(.paragraph)
                for line in shaped[blank].lines { place(line, in: &frame, x: margin.x, baseline: frame.size.height / 2) }
                frame.close()
            }
        }
        let size = frame.size
        if let item = sheet.item, index == 0 || sheets[index - 1].item != item {
            // Above a paper's own running header (half its top margin down), below the band.
            var itemHeading = Frame(size: size)
            heading(stamp.item, in: &itemHeading, baseline: 28)
            frame.prepend(itemHeading)
            frame.prepend(opening: [StructureTag(.part)])
        }
        if let item = sheet.item, index == sheets.count - 1 || sheets[index + 1].item != item { frame.close() }
        func furniture(_ spec: Int?, baseline: Double) {
            guard let spec, let line = shaped[spec].lines.first else { return }
            frame.open(.artifact)
            place(line, in: &frame, x: margin.x, baseline: baseline)
            frame.close()
        }
        if stamp.band != nil {
            frame.open(.artifact)
            frame.push(.rect(Size(width: size.width, height: 14), fill: theme.pack.bandColor), at: .zero)
            frame.close()
            furniture(stamp.band, baseline: 10)
        }
        furniture(stamp.number, baseline: size.height - theme.page.marginBottom / 2)
        return Page(frame: frame, number: index + 1, label: .decimal(options.firstPage + index))
    }
}

extension Sheet {
    func size(_ theme: Theme) -> Size {
        switch body {
        case .paperPage(_, let size): size
        case .pdf(_, _, let size, _): size
        case .frame, .blank: theme.page.size
        }
    }

    var isBlank: Bool { if case .blank = body { true } else { false } }

    func isPage(of paper: Int) -> Bool { if case .paperPage(paper, _) = body { true } else { false } }
}
