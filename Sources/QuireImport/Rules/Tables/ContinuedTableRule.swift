import QuireModel

/// A table carried over a page break, left as two by a reader: the second, on a later page,
/// opens with the first's header rows again, and nothing stands between them but the first
/// page's foot (footnotes, set smaller than the body). They are one table with one header;
/// the footnotes follow it.
///
/// Shape:
/// ```
/// | Directorate | Budget £m | Change £m |      page 1
/// | Adult Social Care | 512.4 | 36.5 |
/// ¹ The provisional settlement was …            a footnote at the page's foot
/// | Directorate | Budget £m | Change £m |      page 2: the header repeated
/// | Children's Services | 341.7 | 20.3 |
/// ```
func joinContinuedTables(_ blocks: [ImportBlock]) -> [ImportBlock] {
    var blocks = blocks
    var out: [ImportBlock] = []
    /// Footnotes moved from between the parts of the table being joined, to follow it.
    var carried: [ImportBlock] = []
    var index = 0
    while index < blocks.count {
        guard case .table(var first) = blocks[index] else {
            out.append(blocks[index])
            index += 1
            continue
        }
        var next = index + 1
        var between: [ImportBlock] = []
        while next < blocks.count {
            // Page-foot text of the first table's last page: footnotes, set small.
            guard case .paragraph(let p) = blocks[next], p.sizeRatio < 0.95, p.marker == nil,
                  p.place.page != nil, p.place.page == lastPage(first) else { break }
            between.append(blocks[next])
            next += 1
        }
        if next < blocks.count, case .table(let second) = blocks[next], let repeated = repeatedHeader(first, second) {
            first.rows += second.rows.dropFirst(repeated)
            first.continuesAcrossPages = true
            carried += between
            // The joined table is looked at again: it may go on over a further page.
            blocks[next] = .table(first)
            index = next
            continue
        }
        out.append(.table(first))
        out += carried
        carried = []
        index += 1
    }
    return out
}

/// How many rows of `second` repeat `first`'s header rows, when `second` is on a later page
/// and as wide; nil otherwise.
private func repeatedHeader(_ first: ImportTable, _ second: ImportTable) -> Int? {
    guard let width = first.rows.first?.count, width == second.rows.first?.count,
          let firstPage = lastPage(first), let secondPage = second.place.page, secondPage > firstPage else { return nil }
    let count = max(1, first.headerRows)
    guard first.rows.count > count, second.rows.count > count else { return nil }
    func text(_ row: [ImportCell]) -> String { row.map { tidiedText($0.text).lowercased() }.joined(separator: "|") }
    // The first header row must repeat; further header rows repeat or are left out on the page.
    guard text(first.rows[0]) == text(second.rows[0]) else { return nil }
    // (A repeated header row a reader found empty, its text lost under a merged cell, is the
    // repeat too.)
    var repeated = 1
    while repeated < count, text(first.rows[repeated]) == text(second.rows[repeated]) || second.rows[repeated].allSatisfy({ tidiedText($0.text).isEmpty }) {
        repeated += 1
    }
    return repeated
}

/// The page a table's last row is on.
private func lastPage(_ table: ImportTable) -> Int? {
    table.rows.last?.compactMap { $0.paragraphs.first?.place.page }.first ?? table.place.page
}
