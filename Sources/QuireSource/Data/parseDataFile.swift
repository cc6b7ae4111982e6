import Foundation
public import QuireModel

/// A data file's text → its indicators. `.csv` files are CSV, anything else YAML.
public func parseDataFile(_ text: String, file: String) throws(QuireError) -> [Indicator] {
    file.lowercased().hasSuffix(".csv") ? try parseDataCSV(text, file: file) : try parseDataYAML(text, file: file)
}

/// A number as written in a data file ("1,185", "79.6", "79.6%", "£1,234.50", "(230.8)"),
/// keeping how many decimals it had. Nil if it is not a number.
func parseFigure(_ raw: String, line: Int) -> DataValue? {
    if let written = readFigure(raw) { return DataValue(number: written.number, decimals: written.decimals, line: line) }
    var text = raw.trimmingCharacters(in: .whitespaces)
    for symbol in ["%", "£"] { text = text.replacingOccurrences(of: symbol, with: "") }
    text = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "\u{2212}", with: "-")
    guard !text.isEmpty, let number = Double(text), number.isFinite else { return nil }
    let decimals = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
    return DataValue(number: number, decimals: decimals, line: line)
}

/// The unit names a data file may use.
func parseUnit(_ raw: String, at location: SourceLocation, field: String) throws(QuireError) -> DataUnit {
    guard let unit = DataUnit(rawValue: raw.trimmingCharacters(in: .whitespaces).lowercased()) else {
        throw QuireError(.invalidValue, at: location, field: field, "unknown unit '\(raw)'",
                         hint: "use one of \(DataUnit.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return unit
}
