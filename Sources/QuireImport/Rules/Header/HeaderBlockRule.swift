import Foundation
import QuireModel

/// One header row as read: its label and its value's pieces, before the value is put under
/// its field (`storeHeaderRows`).
struct HeaderRowRead {
    var label: HeaderLabel
    /// The label as printed (dropped from the text: the layout prints its own).
    var written: String
    var place: SourcePlace
    var pieces: [ValuePiece] = []
    /// The label stood alone, its value below it.
    var valueBelow = false
    /// Inside a boxed panel.
    var boxed = false
    /// The value already ran on over a paragraph break it did not end a sentence at; it may
    /// once (a page break), so a value cannot swallow a body that has no headings.
    var ranOn = false
}

/// A paragraph (or a grid cell's paragraph) of a header value.
struct ValuePiece {
    var inlines: [Inline]
    /// The value's lines as the source broke them (the label taken off the first): people
    /// and contacts are read line by line.
    var lines: [String]
    var marker: Marker?
    var place: SourcePlace
    var boxed = false

    var text: String { inlines.plainText }
}

/// The header block as read: its rows in source order, the blocks before it (a council's
/// name, a title), and where the body starts.
struct HeaderBlockRead {
    var rows: [HeaderRowRead] = []
    var preamble: [ImportBlock] = []
    /// Index in the document's blocks of the first body block.
    var bodyStart = 0
}

/// How many blocks may stand before the first label: past this, a document has no header.
private let preambleLimit = 15

/// Reads the header block from the document's first blocks, in every form councils print:
///
/// ```
/// By: Jane Smith, Director          run-in "Label: value", values over several lines
/// REPORT TO:      CABINET           labels in capitals, two columns (a grid, ruled or not)
/// REPORT          TREE PLANTING     a label wrapped over two lines, its value beside it
/// TITLE:          PROGRAMME
/// From:   Alex Example, Member      a blank line between two people
///
///         Sam Sample, Director
/// Summary:                          a label alone, its value below (a boxed panel too)
///
/// This report sets out …
/// Recommendation(s):                a lead-in, then lettered or numbered items
/// Cabinet is asked to:
/// a) APPROVE the plan; and
/// ```
/// The block ends at the first section heading, numbered paragraph or heading that is not a
/// label, or at text that continues no row. Blocks before the first label are the preamble.
func readHeaderBlock(_ blocks: [ImportBlock], evidence: TypeEvidence) -> HeaderBlockRead {
    var read = HeaderBlockRead()
    var reader = HeaderReader(evidence: evidence)
    var index = 0
    scan: while index < blocks.count {
        switch blocks[index] {
        case .table(let table):
            if let rows = labelGridRows(table) {
                reader.rows += rows
            } else if table.rows.first?.count == 1, let paragraphs = panelParagraphs(table) {
                // A one-cell box round a Summary or Recommendation panel.
                for p in paragraphs where !reader.take(p, nextOpensRow: false) { break scan }
            } else if reader.rows.isEmpty, read.preamble.count < preambleLimit {
                read.preamble.append(blocks[index])
            } else {
                break scan
            }
        case .image:
            guard reader.rows.isEmpty, read.preamble.count < preambleLimit else { break scan }
            read.preamble.append(blocks[index])
        case .paragraph(let p):
            // The first row must be one the registry knows: a "Note:" deep in a body without a
            // header is no header.
            let nextOpensRow = index + 1 < blocks.count && { if case .paragraph(let next) = blocks[index + 1] { reader.opensKnownRow(next) } else { false } }()
            if !reader.rows.isEmpty || reader.opensKnownRow(p), reader.take(p, nextOpensRow: nextOpensRow) { break }
            // Before the first label: a council's name, a title (heading-like, so kept), but
            // never a numbered paragraph.
            guard reader.rows.isEmpty, read.preamble.count < preambleLimit, p.marker == nil else { break scan }
            read.preamble.append(blocks[index])
        }
        index += 1
    }
    read.rows = reader.rows
    read.bodyStart = index
    return read
}

/// The paragraphs of a one-column table that opens with a label (a boxed panel), marked
/// boxed; nil for any other table.
private func panelParagraphs(_ table: ImportTable) -> [ImportParagraph]? {
    let paragraphs = table.rows.flatMap { $0.flatMap(\.paragraphs) }
    guard let first = paragraphs.first, HeaderLabel(first.text) != nil || runInLabel(first.text) != nil else { return nil }
    return paragraphs.map { var p = $0; p.boxed = true; return p }
}

/// The walk over header paragraphs: which paragraph opens a row, which goes on with one.
private struct HeaderReader {
    let evidence: TypeEvidence
    var rows: [HeaderRowRead] = []

    /// Takes a paragraph into the header (a new row or more of the last); false when it is
    /// not the header's.
    /// `nextOpensRow`: the block after this one opens a header row, so this one is still the
    /// header's (a value run on over a page break, however much it looks like a title).
    mutating func take(_ p: ImportParagraph, nextOpensRow: Bool) -> Bool {
        // Rows on consecutive lines of one block ("Recommendation: …" then "Portfolio: …"):
        // each label line opens its own row. The first part decides whether the block is the
        // header's; the rest open rows, so the block is taken whole or not at all.
        if p.lines.count > 1, gutterRows(p) == nil {
            // A label alone on the first line ("Purpose of Report") with its value under it.
            let labelFirst = HeaderLabel(tidiedText(p.lines[0])).map { $0.field != nil || $0.hadColon } ?? false
            let cuts = p.lines.indices.dropFirst().filter { opensRow(p.lines[$0]) || ($0 == 1 && labelFirst) }
            let parts = cuts.isEmpty ? [p] : splitParagraph(p, atLines: cuts)
            if parts.count > 1 {
                guard takeOne(parts[0], nextOpensRow: true) else { return false }
                for part in parts.dropFirst() where !takeOne(part, nextOpensRow: false) {
                    rows[rows.count - 1].pieces.append(piece(part, marker: nil))
                }
                return true
            }
        }
        return takeOne(p, nextOpensRow: nextOpensRow)
    }

    /// Whether a line opens a header row: "Label: value", or a label alone.
    private func opensRow(_ line: String) -> Bool {
        let text = tidiedText(line)
        return runInLabel(text) != nil || (HeaderLabel(text)?.hadColon ?? false)
    }

    private mutating func takeOne(_ p: ImportParagraph, nextOpensRow: Bool) -> Bool {
        let marker = p.marker.flatMap(Marker.init)
        if let marker, acceptsItem(marker, p) {
            rows[rows.count - 1].pieces.append(piece(p, marker: marker))
            return true
        }
        if marker != nil { return false }
        // A label alone waits for its value: the next paragraph is it unless it is a label
        // the registry knows ("Summary:" then "Recommendation:" is two empty rows, not one).
        if let row = rows.last, row.valueBelow, row.pieces.isEmpty, !opensKnownRow(p) {
            rows[rows.count - 1].pieces.append(piece(p, marker: nil))
            return true
        }
        if let grid = gutterRows(p) {
            rows += grid
            return true
        }
        let tidied = p.inlines.tidied
        let text = tidied.plainText
        if let found = runInLabel(text) ?? spacedLabel(text) ?? runInLabelWithoutColon(text), found.valueOffset < text.count {
            var row = HeaderRowRead(label: found.label, written: String(text.prefix(found.valueOffset)), place: p.place, boxed: p.boxed)
            var value = piece(p, marker: nil)
            value.inlines = tidied.dropping(first: found.valueOffset).tidied
            value.lines = valueLines(p.lines, droppingLabelOf: found.label)
            // A value opening with an item marker ("Recommendation: (a) NOTE …") is an item.
            row.pieces.append(value)
            rows.append(row)
            return true
        }
        if let label = HeaderLabel(text) {
            rows.append(HeaderRowRead(label: label, written: text, place: p.place, valueBelow: true, boxed: p.boxed))
            return true
        }
        guard !rows.isEmpty, goesOn(p, nextOpensRow: nextOpensRow) else { return false }
        if !rows[rows.count - 1].valueBelow, !rows[rows.count - 1].boxed, rows[rows.count - 1].label.field != .by {
            rows[rows.count - 1].ranOn = true
        }
        rows[rows.count - 1].pieces.append(piece(p, marker: nil))
        return true
    }

    /// Whether a paragraph opens a row of a field the registry knows.
    func opensKnownRow(_ p: ImportParagraph) -> Bool {
        if runInLabelWithoutColon(p.text) != nil { return true }
        if let found = runInLabel(p.text) ?? spacedLabel(p.text), found.label.field != nil { return true }
        if let label = HeaderLabel(p.text), label.field != nil { return true }
        return gutterRows(p)?.contains { $0.label.field != nil } ?? false
    }

    /// Whether an item ("a)", "(1)", "•") belongs to the last row: its value is below the
    /// label or led in by a colon, or is already a list, and the item is no section heading.
    private func acceptsItem(_ marker: Marker, _ p: ImportParagraph) -> Bool {
        guard let row = rows.last, row.label.field != .by, row.label.field != .date else { return false }
        if case .dotted(let parts) = marker.form, parts.count >= 2 { return false }
        let last = row.pieces.last
        // The next item of a list already open ("2." after "1.", a wrapped line between them
        // or not), whatever its text reads like.
        if let before = row.pieces.last(where: { $0.marker != nil })?.marker, before.itemStyle == marker.itemStyle,
           let a = before.settled(after: nil).value, let b = marker.settled(after: before).value, b == a + 1 { return true }
        // "1. Introduction" after the items is the body's first section.
        if sectionNumber(marker) != nil, isHeadingText(p.text), last?.text.hasSuffix(":") != true { return false }
        return (row.valueBelow && last == nil) || last?.text.hasSuffix(":") == true || last?.marker != nil
    }

    /// Whether a plain paragraph goes on with the last row's value.
    private func goesOn(_ p: ImportParagraph, nextOpensRow: Bool) -> Bool {
        guard let row = rows.last else { return false }
        let last = row.pieces.last
        let field = row.label.field
        // People first: "Sam Sample, Director of Green Spaces" reads like a title too.
        if field == .by { return last == nil || readsAsPeople(p) }
        let runsOn = [.subject, .summary, .recommendation, nil].contains(field) && !row.ranOn && last.map { !endsSentence($0.text) } ?? false
        if readHeading(p, evidence: evidence) != nil, !(row.valueBelow && last == nil), !(runsOn && nextOpensRow) { return false }
        if last == nil { return true }
        if last!.text.hasSuffix(":") { return true }
        if row.boxed { return p.boxed }
        if row.valueBelow, [.summary, .recommendation, .backgroundDocuments, nil].contains(field) { return last?.marker == nil || p.indent > 0 }
        let mayRunOn = [.subject, .summary, .recommendation, nil].contains(field)
        return mayRunOn && !row.ranOn && !endsSentence(last!.text)
    }

    /// Whether a paragraph is more people for a By/From row (r1: a blank line between two).
    private func readsAsPeople(_ p: ImportParagraph) -> Bool {
        guard let first = peopleEntries(p.lines.isEmpty ? [p.text] : p.lines).first else { return false }
        return first.split(separator: ",").contains { personNameScore(String($0)) > 0 }
    }

    /// Rows from a paragraph whose lines hold a label column and a value column.
    private func gutterRows(_ p: ImportParagraph) -> [HeaderRowRead]? {
        guard let split = splitAtGutter(p.lines) else { return nil }
        var out: [HeaderRowRead] = []
        var pendingLabel: [String] = []
        var values: [String] = []
        func finish() -> Bool {
            guard !pendingLabel.isEmpty else { return true }
            let written = pendingLabel.joined(separator: " ")
            guard let label = HeaderLabel(written) ?? HeaderLabel(written, colonOptional: out.isEmpty ? false : true) else { return false }
            // The value's lines, a new piece at each line opening with an item marker.
            var pieces: [ValuePiece] = []
            for line in values {
                if let (marker, rest) = leadingMarker(tidiedText(line)) {
                    pieces.append(ValuePiece(inlines: [.text(rest)], lines: [rest], marker: marker, place: p.place, boxed: p.boxed))
                } else if var last = pieces.popLast() {
                    last.inlines = joinedInlines([last.inlines, [.text(line)]])
                    last.lines.append(line)
                    pieces.append(last)
                } else {
                    pieces.append(ValuePiece(inlines: [.text(tidiedText(line))], lines: [line], marker: nil, place: p.place, boxed: p.boxed))
                }
            }
            out.append(HeaderRowRead(label: label, written: written, place: p.place, pieces: pieces, valueBelow: pieces.isEmpty, boxed: p.boxed))
            pendingLabel = []
            values = []
            return true
        }
        for (left, right) in split {
            // A line wholly in the left column under a label that has no value yet is the
            // value below it ("RECOMMENDATIONS:" then "That Cabinet:"), unless it is a label the
            // registry knows.
            if !left.isEmpty, right.isEmpty, values.isEmpty, let last = pendingLabel.last, last.hasSuffix(":"),
               HeaderLabel(left).map({ $0.field == nil }) ?? true {
                values.append(left)
                continue
            }
            if !left.isEmpty {
                // A label ends with its colon (or question mark); a label word without one wraps
                // onto the next line.
                if let last = pendingLabel.last, last.hasSuffix(":") || last.hasSuffix("?") { guard finish() else { return nil } }
                pendingLabel.append(left)
            } else if pendingLabel.isEmpty {
                return nil
            }
            if !right.isEmpty { values.append(right) }
        }
        guard finish(), !out.isEmpty else { return nil }
        return out
    }

    private func piece(_ p: ImportParagraph, marker: Marker?) -> ValuePiece {
        ValuePiece(inlines: p.inlines.tidied, lines: p.lines, marker: marker, place: p.place, boxed: p.boxed)
    }
}

/// The value's lines: the first without its label.
private func valueLines(_ lines: [String], droppingLabelOf label: HeaderLabel) -> [String] {
    guard let first = lines.first else { return [] }
    let found = runInLabel(first) ?? spacedLabel(first) ?? runInLabelWithoutColon(first)
    let rest = found.map { String(first.dropFirst($0.valueOffset)) } ?? first
    return [rest] + lines.dropFirst()
}

/// Rows of a two-column label/value grid (ruled or not): its first column reads as labels.
/// A row whose label cell is empty goes on with the row above (a value wrapping, or running
/// over a blank line); a label wrapped into the next row ("Recommendations /" over
/// "Argymhellion:") is one label; a label cell holding several labels on its lines
/// ("KEY DECISION:" / "RECOMMENDATIONS:" / "That Cabinet:") is several rows; the value cells
/// of one row are one value (a reader may cut a line of text into cells at its gaps); a grid
/// of four columns holds two label/value pairs a row.
func labelGridRows(_ table: ImportTable) -> [HeaderRowRead]? {
    guard let width = table.rows.first?.count, width >= 2 else { return nil }
    let firstCells = table.rows.map { $0[0] }.filter { !$0.isCovered && !$0.text.allSatisfy(\.isWhitespace) }
    let labelled = firstCells.filter { HeaderLabel($0.text, colonOptional: true) != nil || labelLines($0) != nil }
    guard let opening = firstCells.first, HeaderLabel(opening.text, colonOptional: true) != nil || labelLines(opening) != nil,
          labelled.count * 4 >= firstCells.count * 3 else { return nil }
    // Labels with a registry field or a colon: a grid of figures whose first column happens to
    // be words is a table, not a header.
    guard labelled.contains(where: { HeaderLabel($0.text) != nil || labelLines($0) != nil }) else { return nil }
    var rows: [HeaderRowRead] = []
    let pairs = width >= 4 && table.rows.allSatisfy({ HeaderLabel($0[2].text, colonOptional: true) != nil || $0[2].text.isEmpty }) ? [0, 2] : [0]
    for cells in table.rows {
        for start in pairs {
            let labelCell = cells[start]
            let end = start == 0 && pairs.count == 2 ? 2 : width
            let pieces = rowValue(Array(cells[(start + 1)..<end].filter { !$0.isCovered }), boxed: table.ruled)
            let labelText = tidiedText(labelCell.text)
            if labelText.isEmpty || labelCell.isCovered {
                if !rows.isEmpty { rows[rows.count - 1].pieces += pieces }
                continue
            }
            let place = labelCell.paragraphs.first?.place ?? table.place
            // "Recommendations /" above "Argymhellion:": the label wrapped into this row.
            if let last = rows.last, last.written.hasSuffix("/"), let label = HeaderLabel(last.written + " " + labelText, colonOptional: true) {
                rows[rows.count - 1].label = label
                rows[rows.count - 1].written += " " + labelText
                rows[rows.count - 1].pieces += pieces
                rows[rows.count - 1].valueBelow = rows[rows.count - 1].pieces.isEmpty
                continue
            }
            if let label = HeaderLabel(labelText, colonOptional: true) {
                rows.append(HeaderRowRead(label: label, written: labelText, place: place, pieces: pieces, valueBelow: pieces.isEmpty, boxed: false))
                continue
            }
            if let groups = labelLines(labelCell) {
                // The first label takes the row's value; the next ones open rows of their own
                // (with the value on their line, if any); a line after them that is no label is
                // the value below the last ("That Cabinet:").
                for (index, group) in groups.enumerated() {
                    if let label = group.label {
                        let own = group.value.map { [ValuePiece(inlines: [.text($0)], lines: [$0], marker: nil, place: place)] } ?? []
                        let value = index == 0 ? own + pieces : own
                        rows.append(HeaderRowRead(label: label, written: group.text, place: place, pieces: value, valueBelow: value.isEmpty, boxed: false))
                    } else if !rows.isEmpty {
                        rows[rows.count - 1].pieces.append(ValuePiece(inlines: [.text(group.text)], lines: [group.text], marker: nil, place: place))
                    }
                }
                continue
            }
            // Not a label after all: its words go on with the row above.
            let piece = ValuePiece(inlines: [.text(labelText)], lines: labelCell.paragraphs.flatMap(\.lines), marker: nil, place: place)
            if !rows.isEmpty { rows[rows.count - 1].pieces += [piece] + pieces }
        }
    }
    return rows
}

/// A row's value cells as its value: one cell's paragraphs each a piece (with its lines, for
/// people), several cells on one line joined as one piece; a piece opening with an item
/// marker ("(a) notes …") marked so.
private func rowValue(_ cells: [ImportCell], boxed: Bool) -> [ValuePiece] {
    let filled = cells.filter { !$0.text.allSatisfy(\.isWhitespace) }
    var pieces: [ValuePiece]
    if filled.count == 1 {
        pieces = filled[0].paragraphs.map {
            ValuePiece(inlines: $0.inlines.tidied, lines: $0.lines, marker: $0.marker.flatMap(Marker.init), place: $0.place, boxed: boxed)
        }
    } else if let first = filled.first?.paragraphs.first {
        let inlines = joinedInlines(filled.map { cell in joinedInlines(cell.paragraphs.map { p in (p.marker.map { [Inline.text($0 + " ")] } ?? []) + p.inlines }) })
        pieces = [ValuePiece(inlines: inlines, lines: [inlines.plainText], marker: nil, place: first.place, boxed: boxed)]
    } else {
        pieces = []
    }
    pieces = pieces.map { piece in
        guard piece.marker == nil, let (marker, rest) = leadingMarker(piece.text) else { return piece }
        var marked = piece
        marked.marker = marker
        marked.inlines = piece.inlines.dropping(first: piece.text.count - rest.count).tidied
        marked.lines = [rest]
        return marked
    }
    return pieces.filter { !$0.text.allSatisfy(\.isWhitespace) || $0.marker != nil }
}

/// A label cell's lines as labels (a label's lines run to the one ending in a colon or
/// question mark) and lines that are none; nil unless at least two labels, one the
/// registry's, stand in it.
private func labelLines(_ cell: ImportCell) -> [(text: String, label: HeaderLabel?, value: String?)]? {
    let lines = cell.paragraphs.flatMap { $0.lines.isEmpty ? [$0.text] : $0.lines }.map(tidiedText).filter { !$0.isEmpty }
    guard lines.count >= 2 else { return nil }
    var groups: [(text: String, label: HeaderLabel?, value: String?)] = []
    var pending: [String] = []
    for line in lines {
        // "FORWARD PLAN REF: FP/2025/041": a label run into its value on one line.
        if pending.isEmpty, !groups.isEmpty, let found = runInLabel(line), found.valueOffset < line.count {
            groups.append((String(line.prefix(found.valueOffset)), found.label, String(line.dropFirst(found.valueOffset))))
            continue
        }
        pending.append(line)
        guard line.hasSuffix(":") || line.hasSuffix("?") else { continue }
        let text = pending.joined(separator: " ")
        // After the first label, only a label the registry knows opens a row.
        let label = HeaderLabel(text).flatMap { groups.isEmpty || $0.field != nil ? $0 : nil }
        groups.append((text, label, nil))
        pending = []
    }
    if !pending.isEmpty { groups.append((pending.joined(separator: " "), nil, nil)) }
    let labels = groups.compactMap(\.label)
    guard labels.count >= 2, labels.contains(where: { $0.field != nil }), groups.first?.label != nil else { return nil }
    return groups
}
