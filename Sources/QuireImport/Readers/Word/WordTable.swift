import Foundation
import QuireModel

extension WordBlockReader {
    /// A `w:tbl` as a grid: a cell spanning columns (`w:gridSpan`) or rows (`w:vMerge`
    /// restart … continue) covers the positions it spans, rows short of the grid (`w:gridBefore`,
    /// `w:gridAfter`, or simply fewer cells) are filled with empty cells, and the rows marked
    /// to repeat on each page (`w:tblHeader`) at the top are its header rows. Pictures in cells
    /// follow the table; a table inside a cell gives the cell its paragraphs.
    func readTable(_ table: WordElement) -> [ImportBlock] {
        let firstLine = paragraphCount + 1
        var after: [ImportBlock] = []
        var rows: [[ImportCell]] = []
        /// Per row, per column: the row of the cell whose merge reaches it.
        var origins: [[Int: (row: Int, column: Int)]] = []
        var headerRows = 0
        var headerRun = true
        for tr in tableRows(table) {
            let trPr = tr.child("w:trPr")
            if headerRun, trPr?.child("w:tblHeader")?.isOn == true { headerRows += 1 } else { headerRun = false }
            var row: [ImportCell] = []
            var origin: [Int: (row: Int, column: Int)] = [:]
            for _ in 0..<(trPr?.child("w:gridBefore")?.intValue ?? 0) { row.append(ImportCell(paragraphs: [])) }
            for tc in tableCells(tr) {
                let tcPr = tc.child("w:tcPr")
                let span = max(1, tcPr?.child("w:gridSpan")?.intValue ?? (tcPr?.child("w:hMerge").map { _ in 1 } ?? 1))
                let column = row.count
                let (paragraphs, extra) = cellContent(tc)
                after += extra
                let merge = tcPr?.child("w:vMerge").map { $0["w:val"] ?? "continue" }
                if merge == "continue", let above = origins.last?[column] ?? (rows.last.map { _ in (rows.count - 1, column) }),
                   above.row < rows.count, above.column < rows[above.row].count, !rows[above.row][above.column].isCovered {
                    // Covered by the cell above; any text it holds goes to that cell.
                    rows[above.row][above.column].rowSpan += 1
                    rows[above.row][above.column].paragraphs += paragraphs
                    for offset in 0..<span {
                        row.append(.covered)
                        origin[column + offset] = above
                    }
                } else if tcPr?.child("w:hMerge")?["w:val"] == "continue", !row.isEmpty, let left = row.indices.last(where: { !row[$0].isCovered }) {
                    // The old form of a column span: merged into the cell on its left.
                    row[left].columnSpan += 1
                    row[left].paragraphs += paragraphs
                    row.append(.covered)
                } else {
                    var cell = ImportCell(paragraphs: paragraphs, columnSpan: span,
                                          alignedRight: !paragraphs.isEmpty && cellAlignedRight(tc))
                    cell.rowSpan = 1
                    row.append(cell)
                    for _ in 1..<span { row.append(.covered) }
                    for offset in 0..<span { origin[column + offset] = (rows.count, column) }
                }
            }
            for _ in 0..<(trPr?.child("w:gridAfter")?.intValue ?? 0) { row.append(ImportCell(paragraphs: [])) }
            rows.append(row)
            origins.append(origin)
        }
        guard !rows.isEmpty else { return after }
        let width = max(rows.map(\.count).max() ?? 0, table.child("w:tblGrid")?.children("w:gridCol").count ?? 0)
        rows = rows.map { $0 + Array(repeating: ImportCell(paragraphs: []), count: width - $0.count) }
        let tblPr = table.child("w:tblPr")
        let ruled = tblPr?.child("w:tblBorders").map { $0.children.contains(where: drawsLine) }
            ?? context.styles.tableRuled(tblPr?.child("w:tblStyle")?["w:val"])
        let read = ImportTable(rows: rows, headerRows: min(headerRows, rows.count), ruled: ruled, place: SourcePlace(line: firstLine))
        return [.table(read)] + after
    }

    /// A table's rows, inside content controls and tracked insertions too.
    private func tableRows(_ table: WordElement) -> [WordElement] {
        table.children.flatMap { child -> [WordElement] in
            switch child.name {
            case "w:tr": [child]
            case "w:sdt": child.child("w:sdtContent").map(tableRows) ?? []
            case "w:customXml", "w:ins": tableRows(child)
            default: []
            }
        }
    }

    private func tableCells(_ row: WordElement) -> [WordElement] {
        row.children.flatMap { child -> [WordElement] in
            switch child.name {
            case "w:tc": [child]
            case "w:sdt": child.child("w:sdtContent").map(tableCells) ?? []
            case "w:customXml": tableCells(child)
            default: []
            }
        }
    }

    /// A cell's paragraphs, and the blocks that cannot stand in a cell (pictures), to follow
    /// the table. A table in the cell gives its cells' paragraphs, row by row.
    private func cellContent(_ cell: WordElement) -> ([ImportParagraph], [ImportBlock]) {
        var paragraphs: [ImportParagraph] = []
        var after: [ImportBlock] = []
        for block in readBlocks(cell) {
            switch block {
            case .paragraph(let p): paragraphs.append(p)
            case .table(let inner):
                context.notice("a table inside a table cell is read as its cells' text, row by row", at: inner.place)
                paragraphs += inner.rows.flatMap { $0.flatMap(\.paragraphs) }
            case .image(let image):
                context.notice("a picture in a table cell is placed after the table", at: image.place)
                after.append(block)
            }
        }
        return (paragraphs, after)
    }

    /// Whether every paragraph of the cell is right-aligned (a column of figures).
    private func cellAlignedRight(_ cell: WordElement) -> Bool {
        let paragraphs = cell.children("w:p")
        return !paragraphs.isEmpty && paragraphs.allSatisfy { p in
            let pPr = p.child("w:pPr")
            return ParagraphFormat(pPr).over(context.styles.paragraphFormat(pPr?.child("w:pStyle")?["w:val"])).alignedRight
        }
    }
}
