import QuireImport
import QuireModel

// Small, exact import documents built by hand: what a reader gives the rules.

/// A paragraph block. `lines` default to the text (with the marker before it); `at` is its
/// source line.
func para(_ text: String, marker: String? = nil, at line: Int, lines: [String]? = nil, inlines: [Inline]? = nil, page: Int? = nil,
          indent: Double = 0, markerIndent: Double? = nil, size: Double = 1, bold: Bool = false, italic: Bool = false,
          isolated: Bool = true, boxed: Bool = false, heading: Int? = nil, style: String? = nil) -> ImportBlock {
    .paragraph(paragraph(text, marker: marker, at: line, lines: lines, inlines: inlines, page: page, indent: indent, markerIndent: markerIndent,
                         size: size, bold: bold, italic: italic, isolated: isolated, boxed: boxed, heading: heading, style: style))
}

func paragraph(_ text: String, marker: String? = nil, at line: Int, lines: [String]? = nil, inlines: [Inline]? = nil, page: Int? = nil,
               indent: Double = 0, markerIndent: Double? = nil, size: Double = 1, bold: Bool = false, italic: Bool = false,
               isolated: Bool = true, boxed: Bool = false, heading: Int? = nil, style: String? = nil) -> ImportParagraph {
    ImportParagraph(inlines: inlines ?? [.text(text)], marker: marker, lines: lines ?? [[marker, text].compactMap { $0 }.joined(separator: " ")],
                    place: SourcePlace(line: line, page: page), indent: indent, markerIndent: markerIndent, sizeRatio: size, isBold: bold,
                    isItalic: italic, isolated: isolated, boxed: boxed, headingLevel: heading, styleName: style)
}

/// A table from rows of cell texts: "" an empty cell, "<" covered by the cell on its left,
/// "^" covered by the cell above (the spans are worked out from them).
func grid(_ rows: [[String]], at line: Int, headerRows: Int = 0, ruled: Bool = true, rightAligned: Set<Int> = []) -> ImportBlock {
    var cells: [[ImportCell]] = rows.enumerated().map { r, row in
        row.enumerated().map { c, text in
            if text == "<" || text == "^" { return .covered }
            return ImportCell(paragraphs: text.isEmpty ? [] : [paragraph(text, at: line + r, isolated: false)], alignedRight: rightAligned.contains(c))
        }
    }
    for r in cells.indices {
        for c in cells[r].indices where !cells[r][c].isCovered {
            var columns = 1, spanRows = 1
            while c + columns < rows[r].count, rows[r][c + columns] == "<" { columns += 1 }
            while r + spanRows < rows.count, rows[r + spanRows][c] == "^" { spanRows += 1 }
            cells[r][c].columnSpan = columns
            cells[r][c].rowSpan = spanRows
        }
    }
    return .table(ImportTable(rows: cells, headerRows: headerRows, ruled: ruled, place: SourcePlace(line: line)))
}

/// A short body so a header-only test still makes a paper: a numbered section and a paragraph.
func body(at line: Int) -> [ImportBlock] {
    [para("Introduction", marker: "1.", at: line, bold: true), para("The council plants trees each winter.", marker: "1.1", at: line + 2)]
}
