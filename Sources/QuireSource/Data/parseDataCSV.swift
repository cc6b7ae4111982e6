import Foundation
import QuireModel
import SwiftCSV

/// CSV data, one indicator a row: `id,label,unit,<period>,<period>,…`; an empty cell means
/// no figure for that period. A `figures` column may follow `unit`, holding the indicator's
/// figure style as a Markdown table's `{: }` line writes it (`negative=brackets decimals=1`).
/// Lines are counted from the header (line 1).
func parseDataCSV(_ text: String, file: String) throws(QuireError) -> [Indicator] {
    let csv: EnumeratedCSV
    do {
        csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
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
    var out: [Indicator] = []
    for (index, row) in csv.rows.enumerated() {
        let line = index + 2
        let location = SourceLocation(file: file, line: line)
        guard row.count == header.count else {
            throw QuireError(.invalidValue, at: location, "row has \(row.count) cells, the header has \(header.count)",
                             hint: "every row needs id, label, unit and a cell (maybe empty) for each period")
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
