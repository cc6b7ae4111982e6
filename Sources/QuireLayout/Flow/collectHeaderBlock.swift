import QuireModel
import QuirePages

/// One row of the header block as it will be set: its field, label and values (several
/// values carry item labels (a), (b), …).
struct HeaderBlockRow {
    var field: FrontMatterField?
    var label: String
    var values: [(label: String?, text: StyledText)]

    /// Whether the values are a list inside the cell.
    var listed: Bool { values.count > 1 || values.first?.label != nil }
}

extension Collector {
    /// The header block at the top of the paper, in the layout's row order and form (a
    /// label/value grid, run-in "LABEL: value" lines, or labels over values), some rows
    /// perhaps in a box. To assistive technology it is a table: each row a label (TH, heading
    /// its row) and a value (TD); several values are a list inside the cell. The whole block
    /// is kept on one page.
    func collectHeaderBlock(_ matter: FrontMatter) {
        let style = theme.headerBlock
        let rows = headerBlockRows(matter)
        guard !rows.isEmpty else { return }
        let boxes = panelRuns(rows)
        open(.table)
        for (rowIndex, row) in rows.enumerated() {
            let box = boxes[rowIndex]
            if rowIndex > 0 {
                // Space between rows: inside one box it is part of the box.
                if let box, box.continues { gap(style.rowSpace, box: box) } else { space(style.rowSpace) }
            }
            if let box, box.opens { gap(style.panel.padding, box: box, top: true) }
            let isEnd = rowIndex == rows.count - 1
            open(.tableRow)
            switch style.form {
            case .grid: gridRow(row, isEnd: isEnd && box == nil, box: box)
            case .runIn where !row.listed: runInRow(row, isEnd: isEnd && box == nil, box: box)
            case .runIn, .stacked: stackedRow(row, isEnd: isEnd && box == nil, box: box)
            }
            if let box, box.closes { gap(style.panel.padding, box: box, bottom: true, breakAfter: isEnd) }
        }
        close()
        if style.ruleBelow {
            space(style.spaceAfter / 2)
            rule(width: 0.75)
        }
        space(style.spaceAfter)
    }

    /// The rows with a value, in the layout's order, labels cased and values coloured as the
    /// layout says.
    func headerBlockRows(_ matter: FrontMatter) -> [HeaderBlockRow] {
        let style = theme.headerBlock
        var rows: [HeaderBlockRow] = []
        for row in style.rows {
            if row.field == .fields {
                // The author's own rows read like the layout's: "Cabinet portfolio:".
                for field in matter.fields {
                    let label = field.label.last.map { ":?".contains($0) } == true ? field.label : field.label + ":"
                    rows.append(HeaderBlockRow(field: nil, label: style.labelCase.apply(label), values: [(nil, valueText(styledText(field.value)))]))
                }
                continue
            }
            let label = row.field == .by && matter.byIsFrom && row.label == "By:" ? "From:" : row.label
            let values = headerValues(row.field, matter).map { ($0.label, valueText($0.text)) }
            if !values.isEmpty { rows.append(HeaderBlockRow(field: row.field, label: style.labelCase.apply(label), values: values)) }
        }
        return rows
    }

    /// A value in the layout's value colour (spans with a colour of their own keep it).
    private func valueText(_ text: StyledText) -> StyledText {
        guard let color = theme.headerBlock.valueColor else { return text }
        return text.mapSpans { piece, style in
            var coloured = style
            coloured.color = style.color ?? color
            return (piece, coloured)
        }
    }

    /// A row's label as set: bold as the layout says, in its label colour.
    private func labelText(_ label: String) -> StyledText {
        StyledText(label, style: SpanStyle(bold: theme.headerBlock.labelBold, color: theme.headerBlock.labelColor))
    }

    // MARK: - Forms

    /// Label in the label column, value beside it; several values as a list.
    private func gridRow(_ row: HeaderBlockRow, isEnd rowEnds: Bool, box: PanelRun?) {
        let style = theme.headerBlock
        let inset = box == nil ? 0 : style.panel.padding
        let valueX = style.labelWidth
        let itemIndent = theme.paragraphs.itemIndent
        for (valueIndex, value) in row.values.enumerated() {
            if valueIndex > 0 { if let box { gap(style.rowSpace / 2, box: box) } else { space(style.rowSpace / 2) } }
            let x = value.label == nil ? valueX : valueX + itemIndent
            let textIndex = request(value.text, width: theme.contentWidth - x - inset, alignment: .left)
            var labels: [(index: Int, x: Double)] = []
            var labelTags: [Tagging] = []
            var cellOpens: [StructureTag] = valueIndex == 0 ? [StructureTag(.dataCell)] : []
            if valueIndex == 0, !row.label.isEmpty {
                labels.append((request(labelText(row.label), width: style.labelWidth - 4 - inset, alignment: .left), inset))
                labelTags.append(Tagging(leaf: StructureTag(.headerCell, scope: .row)))
            }
            if let item = value.label {
                labels.append((request(StyledText(item), width: itemIndent, alignment: .left), valueX))
                labelTags.append(Tagging(opens: cellOpens + (valueIndex == 0 ? [StructureTag(.list, listNumbering: ListNumbering.none)] : []) + [StructureTag(.listItem)],
                                         leaf: StructureTag(.label)))
                cellOpens = [StructureTag(.listBody)]
            }
            // Only the very end of the block may end a page: the block stays together.
            let isEnd = rowEnds && valueIndex == row.values.count - 1
            var block = TextBlock(text: textIndex, x: x, labels: labels, leading: theme.body.leading, keepWithNext: !isEnd, keepTogether: true)
            block.labelTags = labelTags.count == labels.count ? labelTags : []
            block.textTags = row.listed ? Tagging(opens: cellOpens, leaf: StructureTag(.paragraph)) : Tagging(leaf: StructureTag(.dataCell))
            addHeaderBlock(block, box: box)
            if row.listed { close(value.label == nil ? 0 : 2) }  // LBody, LI
        }
        close(row.listed ? (row.values.first?.label == nil ? 2 : 3) : 1)  // (L,) TD, TR
    }

    /// "PURPOSE: Final decision report": label and value shaped as one paragraph, so the value
    /// runs on after the label and wraps back to the margin; the label's glyphs are the row's
    /// header cell, the rest its data cell.
    private func runInRow(_ row: HeaderBlockRow, isEnd: Bool, box: PanelRun?) {
        let inset = box == nil ? 0 : theme.headerBlock.panel.padding
        var text = StyledText()
        if !row.label.isEmpty {
            text.append(labelText(row.label + " "))
        }
        let labelBytes = text.text.utf8.count
        text.append(row.values[0].text)
        let index = request(text, width: theme.contentWidth - 2 * inset, alignment: .left)
        let leading = theme.body.leading, width = theme.contentWidth
        let wrap = boxDecoration(box)
        add { shaped in
            wrap(runInSlices(shaped[index].lines, labelBytes: labelBytes, x: inset, width: width, leading: leading, keepWithNext: !isEnd))
        }
        close()  // TR
    }

    /// The label on a line of its own, the value (or the list of values) under it.
    private func stackedRow(_ row: HeaderBlockRow, isEnd rowEnds: Bool, box: PanelRun?) {
        let style = theme.headerBlock
        let inset = box == nil ? 0 : style.panel.padding
        let itemIndent = theme.paragraphs.itemIndent
        if !row.label.isEmpty {
            let labelIndex = request(labelText(row.label), width: theme.contentWidth - 2 * inset, alignment: .left)
            var label = TextBlock(text: labelIndex, x: inset, leading: theme.body.leading, keepWithNext: true, keepTogether: true)
            label.textTags = Tagging(leaf: StructureTag(.headerCell, scope: .row))
            addHeaderBlock(label, box: box)
            if let box { gap(style.rowSpace / 3, box: box) } else { space(style.rowSpace / 3) }
        }
        open(.dataCell)
        if row.listed { open(StructureTag(.list, listNumbering: ListNumbering.none)) }
        for (valueIndex, value) in row.values.enumerated() {
            if valueIndex > 0 { if let box { gap(style.rowSpace / 2, box: box) } else { space(style.rowSpace / 2) } }
            let x = inset + (value.label == nil ? 0 : itemIndent)
            let textIndex = request(value.text, width: theme.contentWidth - x - inset, alignment: .left)
            let isEnd = rowEnds && valueIndex == row.values.count - 1
            var block = TextBlock(text: textIndex, x: x, leading: theme.body.leading, keepWithNext: !isEnd, keepTogether: true)
            if let item = value.label {
                open(.listItem)
                block.labels = [(request(StyledText(item), width: itemIndent, alignment: .left), inset)]
                block.labelTags = [Tagging(leaf: StructureTag(.label))]
                block.textTags = Tagging(opens: [StructureTag(.listBody)], leaf: StructureTag(.paragraph))
                addHeaderBlock(block, box: box)
                close(2)  // LBody, LI
            } else {
                block.textTags = Tagging(leaf: StructureTag(.paragraph))
                addHeaderBlock(block, box: box)
            }
        }
        if row.listed { close() }  // L
        close(2)  // TD, TR
    }

    // MARK: - Boxes

    /// Adds a header-block text block, inside its row's box if it has one.
    private func addHeaderBlock(_ block: TextBlock, box: PanelRun?) {
        let width = theme.contentWidth
        let wrap = boxDecoration(box)
        add { wrap(block.slices($0, width: width, orphans: 1, widows: 1)) }
    }

    /// Space inside a box: a slice carrying the box's fill and sides (the top or bottom rule
    /// at its ends), never a page break unless it ends the block.
    private func gap(_ height: Double, box: PanelRun, top: Bool = false, bottom: Bool = false, breakAfter: Bool = false) {
        let width = theme.contentWidth
        let wrap = boxDecoration(box, top: top, bottom: bottom)
        add { _ in
            wrap([.slice(Slice(frame: Frame(size: Size(width: width, height: height)), height: height, breakAfter: breakAfter))])
        }
    }

    /// Draws a box's part behind each slice: the fill, the sides, and the top or bottom rule.
    /// Decoration, so an artifact; the slice's own content keeps its structure.
    private func boxDecoration(_ box: PanelRun?, top: Bool = false, bottom: Bool = false) -> ([FlowItem]) -> [FlowItem] {
        guard box != nil else { return { $0 } }
        let panel = theme.headerBlock.panel
        let width = theme.contentWidth
        return { items in
            items.map { item in
                guard case .slice(var slice) = item else { return item }
                var frame = Frame(size: slice.frame.size)
                let height = slice.height, rule = panel.ruleWidth
                frame.open(.artifact)
                if panel.style != .ruled { frame.push(.rect(Size(width: width, height: height), fill: panel.fill), at: .zero) }
                if panel.style != .shaded, rule > 0 {
                    frame.push(.line(to: Point(x: 0, y: height), width: rule, color: panel.ruleColor), at: Point(x: rule / 2, y: 0))
                    frame.push(.line(to: Point(x: 0, y: height), width: rule, color: panel.ruleColor), at: Point(x: width - rule / 2, y: 0))
                    if top { frame.push(.line(to: Point(x: width, y: 0), width: rule, color: panel.ruleColor), at: Point(x: 0, y: rule / 2)) }
                    if bottom { frame.push(.line(to: Point(x: width, y: 0), width: rule, color: panel.ruleColor), at: Point(x: 0, y: height - rule / 2)) }
                }
                frame.close()
                frame.push(frame: slice.frame, at: .zero)
                slice.frame = frame
                return .slice(slice)
            }
        }
    }

    /// Each row's place in a box: nil outside one; consecutive boxed rows share a box unless
    /// the layout gives each its own.
    private func panelRuns(_ rows: [HeaderBlockRow]) -> [PanelRun?] {
        let panel = theme.headerBlock.panel
        let boxed = rows.map { row in row.field.map { panel.fields.contains($0) } ?? false }
        return rows.indices.map { index in
            guard boxed[index] else { return nil }
            let joinsPrevious = !panel.separate && index > 0 && boxed[index - 1]
            let joinsNext = !panel.separate && index + 1 < rows.count && boxed[index + 1]
            return PanelRun(opens: !joinsPrevious, closes: !joinsNext, continues: joinsPrevious)
        }
    }

    /// The text of one header row, by the kind of its field; several entries get item
    /// labels (a), (b), … (the layout's recommendation labels).
    private func headerValues(_ field: FrontMatterField, _ m: FrontMatter) -> [(label: String?, text: StyledText)] {
        guard let value = m[field] else { return [] }
        switch value {
        case .text(let inlines): return [(nil, styledText(inlines))]
        case .textList(let entries):
            if entries.count == 1 { return [(nil, styledText(entries[0]))] }
            let labels = theme.numbering.recommendations
            return entries.enumerated().map { (labels.label($0.offset, parent: nil), styledText($0.element)) }
        case .people(let people):
            let lines = people.map { [$0.name, $0.role].compactMap { $0 }.joined(separator: ", ") }
            return [(nil, StyledText(lines.joined(separator: "\n")))]
        case .contacts(let contacts): return [(nil, StyledText(contacts.map(\.name).joined(separator: ", ")))]
        case .date(let date): return [(nil, StyledText(formatDate(date, theme.headerBlock.dateFormat, language: theme.language)))]
        // Not header rows (the layout reader refuses them): nothing to show.
        case .name, .files, .rows, .numbering: return []
        }
    }
}

/// A boxed row's place in its box.
struct PanelRun {
    /// The box starts above this row (its top padding and rule).
    var opens: Bool
    /// The box ends below this row.
    var closes: Bool
    /// The row follows another in the same box (the space between them is the box's).
    var continues: Bool
}
