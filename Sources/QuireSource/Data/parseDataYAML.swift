import Foundation
import QuireModel
import QuireYAML
import Yams

/// YAML data:
/// ```yaml
/// indicators:
///   cpp:
///     label: Children with a Child Protection Plan
///     unit: count            # count, percent or currency
///     values: {"2012": 959, "2013": 994, "2017": 1185}
///     figures: {decimals: 0} # optional: how its figures are written (FigureStyle)
/// ```
func parseDataYAML(_ text: String, file: String) throws(QuireError) -> [Indicator] {
    let reader = YAMLReader(file: file, lineOffset: 0, document: "the data file")
    guard let root = try reader.compose(text) else { return [] }
    guard case .mapping(let top) = root, let indicatorsNode = top["indicators"], case .mapping(let indicators) = indicatorsNode else {
        throw reader.error(.invalidValue, root, field: "indicators", "a data file needs an 'indicators:' map of id → label, unit, values",
                           hint: "write e.g.\nindicators:\n  cpp:\n    label: Children with a Child Protection Plan\n    unit: count\n    values: {\"2016\": 1049, \"2017\": 1185}")
    }
    var out: [Indicator] = []
    for (idNode, body) in indicators {
        let id = try reader.string(idNode, field: "indicators")
        try checkIdentifier(id, at: SourceLocation(file: file, line: reader.line(of: idNode)))
        guard case .mapping(let fields) = body else {
            throw reader.error(.invalidValue, body, field: id, "indicator '\(id)' needs label, unit and values")
        }
        var label = id, unit = DataUnit.count, periods: [String] = [], values: [String: DataValue] = [:], figures: FigureStyle?
        for (keyNode, value) in fields {
            let key = try reader.string(keyNode, field: id)
            switch key {
            case "label": label = try reader.string(value, field: "\(id).label")
            case "unit": unit = try parseUnit(try reader.string(value, field: "\(id).unit"), at: SourceLocation(file: file, line: reader.line(of: value)), field: "\(id).unit")
            case "values":
                guard case .mapping(let pairs) = value else {
                    throw reader.error(.invalidValue, value, field: "\(id).values", "values must map each period to a number", hint: "write e.g. values: {\"2016\": 1049, \"2017\": 1185}")
                }
                for (periodNode, figureNode) in pairs {
                    let period = try reader.string(periodNode, field: "\(id).values")
                    let raw = try reader.string(figureNode, field: "\(id).values.\(period)")
                    guard let figure = parseFigure(raw, line: reader.line(of: figureNode)) else {
                        throw reader.error(.invalidValue, figureNode, field: "\(id).values.\(period)", "'\(raw)' is not a number", hint: "write the figure as digits, e.g. 1185 or 79.6")
                    }
                    periods.append(period)
                    values[period] = figure
                }
            case "figures": figures = try reader.figureStyle(value, field: "\(id).figures")
            default:
                let hint = nearestName(key, in: ["label", "unit", "values", "figures"]).map { "did you mean '\($0)'?" } ?? "an indicator has label, unit, values and optionally figures"
                throw reader.error(.unknownField, keyNode, field: "\(id).\(key)", "unknown key '\(key)'", hint: hint)
            }
        }
        out.append(Indicator(id: id, label: label, unit: unit, periods: periods, values: values, figures: figures, file: file,
                             line: reader.line(of: idNode)))
    }
    return out
}

/// Ids are used inside `{{ … }}` and table/chart blocks: letters, digits, '-' and '_'.
func checkIdentifier(_ id: String, at location: SourceLocation) throws(QuireError) {
    guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
        throw QuireError(.invalidValue, at: location, field: id, "indicator id '\(id)' may only hold letters, digits, '-' and '_'",
                         hint: "use a short id such as cpp or children-in-care")
    }
}
