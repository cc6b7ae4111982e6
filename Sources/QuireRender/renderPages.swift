public import QuirePages

/// Walks pages in order and replays each item on the canvas.
public func renderPages(_ pages: some Sequence<Page>, on canvas: inout some Canvas) {
    for page in pages {
        canvas.beginPage(size: page.size)
        for positioned in page.frame.items {
            let p = positioned.point
            switch positioned.item {
            case .glyphs(let run): canvas.drawGlyphs(run, at: p)
            case .line(let to, let width, let color): canvas.drawLine(from: p, to: p.offset(by: to), width: width, color: color)
            case .rect(let size, let color): canvas.fill(Rect(origin: p, size: size), color: color)
            case .image(let path, let size): canvas.drawImage(path: path, in: Rect(origin: p, size: size))
            case .pdfPage(let path, let index, let size): canvas.drawPDFPage(path: path, index: index, in: Rect(origin: p, size: size))
            case .taggedPDFPage(let path, let index, let size): canvas.placeTaggedPDFPage(path: path, index: index, in: Rect(origin: p, size: size))
            case .link(let url, let size): canvas.addLink(url: url, in: Rect(origin: p, size: size))
            case .pageLink(let index, let y, let size): canvas.addPageLink(pageIndex: index, y: y, in: Rect(origin: p, size: size))
            case .beginTag(let tag): canvas.beginTag(tag)
            case .endTag: canvas.endTag()
            }
        }
        canvas.endPage()
    }
}
