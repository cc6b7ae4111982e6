import QuireModel
import QuirePages

extension Collector {
    /// The label/value grid at the top of the paper, in the layout's row order. The whole
    /// block is kept on one page.
    func collectHeaderBlock(_ matter: FrontMatter) {
        let style = theme.headerBlock
        let valueX = style.labelWidth
        var rows: [(label: String, values: [(label: String?, text: StyledText)])] = []
        for row in style.rows {
            if row.field == .fields {
                // The author's own rows read like the layout's: "Cabinet portfolio:".
                for field in matter.fields {
                    let label = field.label.last.map { ":?".contains($0) } == true ? field.label : field.label + ":"
                    rows.append((label, [(nil, styledText(field.value))]))
                }
                continue
            }
            let label = row.field == .by && matter.byIsFrom && row.label == "By:" ? "From:" : row.label
            let values = headerValues(row.field, matter)
            if !values.isEmpty { rows.append((label, values)) }
        }
        guard !rows.isEmpty else { return }
        let itemIndent = theme.paragraphs.itemIndent
        // A table to assistive technology: each row a label (TH, heading its row) and a value
        // (TD); several values are a list inside the cell.
        open(.table)
        for (rowIndex, row) in rows.enumerated() {
            if rowIndex > 0 { space(style.rowSpace) }
            let isLastRow = rowIndex == rows.count - 1
            let listed = row.values.count > 1 || row.values.first?.label != nil
            open(.tableRow)
            for (valueIndex, value) in row.values.enumerated() {
                if valueIndex > 0 { space(style.rowSpace / 2) }
                let x = value.label == nil ? valueX : valueX + itemIndent
                let textIndex = request(value.text, width: theme.contentWidth - x, alignment: .left)
                var labels: [(index: Int, x: Double)] = []
                var labelTags: [Tagging] = []
                var cellOpens: [StructureTag] = valueIndex == 0 ? [StructureTag(.dataCell)] : []
                if valueIndex == 0, !row.label.isEmpty {
                    let label = StyledText(row.label, style: SpanStyle(bold: style.labelBold))
                    labels.append((request(label, width: style.labelWidth - 4, alignment: .left), 0))
                    labelTags.append(Tagging(leaf: StructureTag(.headerCell, scope: .row)))
                }
                if let item = value.label {
                    labels.append((request(StyledText(item), width: itemIndent, alignment: .left), valueX))
                    labelTags.append(Tagging(opens: cellOpens + (valueIndex == 0 ? [StructureTag(.list)] : []) + [StructureTag(.listItem)],
                                             leaf: StructureTag(.label)))
                    cellOpens = [StructureTag(.listBody)]
                }
                // Only the very end of the block may end a page: the block stays together.
                let isEnd = isLastRow && valueIndex == row.values.count - 1
                var block = TextBlock(text: textIndex, x: x, labels: labels, leading: theme.body.leading, keepWithNext: !isEnd, keepTogether: true)
                block.labelTags = labelTags.count == labels.count ? labelTags : []
                block.textTags = listed ? Tagging(opens: cellOpens, leaf: StructureTag(.paragraph)) : Tagging(leaf: StructureTag(.dataCell))
                let fullWidth = theme.contentWidth
                add { block.slices($0, width: fullWidth, orphans: 1, widows: 1) }
                if listed { close(value.label == nil ? 0 : 2) }  // LBody, LI
            }
            close(listed ? (row.values.first?.label == nil ? 2 : 3) : 1)  // (L,) TD, TR
        }
        close()
        if style.ruleBelow {
            space(style.spaceAfter / 2)
            rule(width: 0.75)
        }
        space(style.spaceAfter)
    }

    /// The text of one header row, by the kind of its field; several entries get item
    /// labels (a), (b), ….
    private func headerValues(_ field: FrontMatterField, _ m: FrontMatter) -> [(label: String?, text: StyledText)] {
        guard let value = m[field] else { return [] }
        switch value {
        case .text(let inlines): return [(nil, styledText(inlines))]
        case .textList(let entries):
            if entries.count == 1 { return [(nil, styledText(entries[0]))] }
            return entries.enumerated().map { (itemLabel($0.offset, depth: 0, ordered: true), styledText($0.element)) }
        case .people(let people):
            let lines = people.map { [$0.name, $0.role].compactMap { $0 }.joined(separator: ", ") }
            return [(nil, StyledText(lines.joined(separator: "\n")))]
        case .contacts(let contacts): return [(nil, StyledText(contacts.map(\.name).joined(separator: ", ")))]
        case .date(let date): return [(nil, StyledText(formatDate(date, theme.headerBlock.dateFormat)))]
        // Not header rows (the layout reader refuses them): nothing to show.
        case .name, .files, .rows, .numbering: return []
        }
    }
}
