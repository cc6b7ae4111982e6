import Foundation
import QuireModel
import SwiftCSV

/// CSV data, one indicator a row: `id,label,unit,<period>,<period>,…`; an empty cell means
/// no figure for that period. A `figures` column may follow `unit`, holding the indicator's
/// figure style as a Markdown table's `{: }` line writes it (`negative=brackets decimals=1`).
/// Blank lines are skipped. Errors name the line a row starts on in the file (a quoted cell
/// may hold line breaks, so rows and lines differ).
func parseDataCSV(_ text: String, file: String) throws(QuireError) -> [Indicator] {
    let csv: EnumeratedCSV
    var records: [[String]] = []
    do {
        // The header only: the rows are read as they are written below, since SwiftCSV's own
        // rows are padded out to the longest, which hides a missing or extra cell.
        csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false, rowLimit: 0)
        try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { records.append($0) }
    } catch {
        throw QuireError(.invalidValue, at: SourceLocation(file: file, line: 1), "the file is not valid CSV: \(error)",
                         hint: "check the quotes: a cell holding a comma must be in double quotes")
    }
    let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces) }
    guard header.count >= 4, header[0] == "id", header[1] == "label", header[2] == "unit" else {
        throw QuireError(.invalidValue, at: SourceLocation(file: file, line: 1), field: "header",
                         "the first row must be id,label,unit and then one column per period",
                         hint: "e.g. id,label,unit,2016,2017")
    }
    let styled = header.count >= 5 && header[3] == "figures"
    let firstPeriod = styled ? 4 : 3
    let periods = Array(header.dropFirst(firstPeriod))
    let recordLines = csvRecordLines(text)
    var out: [Indicator] = []
    for (index, row) in records.enumerated() {
        // Record 0 is the header.
        let line = index + 1 < recordLines.count ? recordLines[index + 1] : index + 2
        let location = SourceLocation(file: file, line: line)
        if row.count <= 1, row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
        guard row.count == header.count else {
            throw QuireError(.invalidValue, at: location, "this row has \(row.count) cells; the header has \(header.count) (\(header.joined(separator: ", ")))",
                             hint: "every row needs id, label, unit and a cell (maybe empty) for each period; a cell holding a comma must be in double quotes")
        }
        let id = row[0].trimmingCharacters(in: .whitespaces)
        try checkIdentifier(id, at: location)
        let unit = try parseUnit(row[2], at: location, field: "\(id).unit")
        let figures = styled ? try csvFigureStyle(row[3], at: location, field: "\(id).figures") : nil
        var values: [String: DataValue] = [:], present: [String] = []
        for (offset, period) in periods.enumerated() {
            let raw = row[firstPeriod + offset].trimmingCharacters(in: .whitespaces)
            if raw.isEmpty { continue }
            guard let value = parseFigure(raw, line: line) else {
                throw QuireError(.invalidValue, at: location, field: "\(id).\(period)", "'\(raw)' is not a number",
                                 hint: "write the figure as digits, e.g. 1185 or 79.6, or leave the cell empty")
            }
            values[period] = value
            present.append(period)
        }
        out.append(Indicator(id: id, label: row[1].trimmingCharacters(in: .whitespaces), unit: unit, periods: present, values: values,
                             figures: figures, file: file, line: line))
    }
    return out
}

/// A CSV cell's figure style: `key=value` items as under a Markdown table, braces optional;
/// an empty cell is no style of its own.
private func csvFigureStyle(_ raw: String, at location: SourceLocation, field: String) throws(QuireError) -> FigureStyle? {
    var text = raw.trimmingCharacters(in: .whitespaces)
    guard !text.isEmpty else { return nil }
    if !TableAttributes.isAttributeLine(text) { text = "{: " + text + "}" }
    var attributes = TableAttributes()
    try attributes.read(text, file: location.file, line: location.line)
    guard attributes.keepTogether == nil, let style = attributes.styles.first, style.columns == nil else {
        throw QuireError(.invalidValue, at: location, field: field, "'\(raw)' is not a figure style",
                         hint: "write the style's keys, e.g. negative=brackets decimals=1 unit=£m")
    }
    return style.style
}

/// The line each CSV record starts on (record 0 is the header), reading quotes as SwiftCSV
/// does: a quote opening a cell holds line breaks and commas until the quote that closes it
/// (`""` inside is a quote); every other line break ends a record, a blank line included.
func csvRecordLines(_ text: String) -> [Int] {
    var starts: [Int] = []
    var line = 1
    var recordStart = 1
    var atCellStart = true, inQuotes = false, recordHasText = false
    var characters = text.makeIterator()
    var pending: Character? = characters.next()
    while let character = pending {
        pending = characters.next()
        if inQuotes {
            if character == "\"" {
                if pending == "\"" { pending = characters.next() } else { inQuotes = false }
            } else if character.isNewline {
                line += 1
            }
            continue
        }
        if character.isNewline {
            starts.append(recordStart)
            line += 1
            recordStart = line
            atCellStart = true
            recordHasText = false
            continue
        }
        recordHasText = true
        if character == "\"", atCellStart {
            inQuotes = true
            atCellStart = false
        } else if character == "," {
            atCellStart = true
        } else if !(atCellStart && character.isWhitespace) {
            atCellStart = false
        }
    }
    if recordHasText || inQuotes { starts.append(recordStart) }
    return starts
}
