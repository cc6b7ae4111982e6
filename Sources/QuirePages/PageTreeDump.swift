/// A deterministic text form of the page tree for golden tests and `quire dump`: one line
/// per item, coordinates rounded to 0.01 pt, and everything inside a structure element
/// indented two spaces further than its tag, so the dump reads as the tree it is (in the
/// manner of swift-markdown's `debugDescription`).
///
/// Elements nest across pages (a list that continues overleaf), so the depth carries from one
/// page to the next. An element's end shows as the indentation stepping back; only an end
/// with nothing open, which would be a layout bug, is printed (`</> (nothing open)`).
public func dumpPageTree(_ document: PagedDocument) -> String {
    var out = ""
    var depth = 0
    for (index, page) in document.pages.enumerated() {
        out += "page \(index + 1) label \(page.label) size \(formatNumber(page.size.width))×\(formatNumber(page.size.height))\n"
        for p in page.frame.items {
            let indent = String(repeating: "  ", count: depth + 1)
            let at = "at (\(formatNumber(p.point.x)), \(formatNumber(p.point.y)))"
            switch p.item {
            case .glyphs(let run):
                out += indent + "text \(quoted(run.text)) \(at) font \(run.font) w \(formatNumber(run.width))\n"
            case .line(let to, let width, _):
                out += indent + "line \(at) to (\(formatNumber(p.point.x + to.x)), \(formatNumber(p.point.y + to.y))) w \(formatNumber(width))\n"
            case .rect(let size, _):
                out += indent + "rect \(at) size \(formatNumber(size.width))×\(formatNumber(size.height))\n"
            case .link(let url, let size):
                out += indent + "link \(quoted(url)) \(at) size \(formatNumber(size.width))×\(formatNumber(size.height))\n"
            case .pageLink(let index, let y, let size):
                out += indent + "pagelink page \(index + 1) y \(formatNumber(y)) \(at) size \(formatNumber(size.width))×\(formatNumber(size.height))\n"
            case .image(let path, let size):
                out += indent + "image \(quoted(path)) \(at) size \(formatNumber(size.width))×\(formatNumber(size.height))\n"
            case .beginTag(let tag):
                out += indent + "<\(tag.role.rawValue)" + (tag.scope.map { " scope=\($0.rawValue)" } ?? "") + (tag.columnSpan.map { " colspan=\($0)" } ?? "")
                    + (tag.rowSpan.map { " rowspan=\($0)" } ?? "") + (tag.listNumbering.map { " numbering=\($0.rawValue)" } ?? "") + (tag.alt.map { " alt=\(quoted($0))" } ?? "") + ">\n"
                depth += 1
            case .endTag:
                if depth > 0 { depth -= 1 } else { out += indent + "</> (nothing open)\n" }
            case .pdfPage(let path, let index, let size):
                out += indent + "pdfpage \(quoted(path)) page \(index + 1) \(at) size \(formatNumber(size.width))×\(formatNumber(size.height))\n"
            case .taggedPDFPage(let path, let index, let size):
                out += indent + "taggedpdfpage \(quoted(path)) page \(index + 1) \(at) size \(formatNumber(size.width))×\(formatNumber(size.height))\n"
            }
        }
    }
    if depth > 0 { out += "(\(depth) element\(depth == 1 ? "" : "s") left open)\n" }
    for entry in document.outline {
        out += "outline \(entry.level) \(quoted(entry.title)) page \(entry.pageIndex + 1) y \(formatNumber(entry.y))\n"
    }
    return out
}

private func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }

/// Rounds to 0.01 and drops trailing zeros: stable across platforms, short to read.
public func formatNumber(_ value: Double) -> String {
    let hundredths = (value * 100).rounded()
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = Int(abs(hundredths))
    let whole = magnitude / 100, fraction = magnitude % 100
    if fraction == 0 { return sign + String(whole) }
    let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
    return sign + "\(whole).\(digits)"
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
