import Foundation
import QuireModel
import QuireYAML
import Yams

/// The YAML inside a ```table or ```chart block:
/// ```
/// indicators: [cpp, cic]        # ids from the data files
/// periods: [2016, 2017]         # default: every period the indicators have, in order
/// caption: Children's social care, 2016 to 2017
/// change: true                  # tables: a column with the change first → last period
/// missing: n/a                  # tables: text for a period with no figure (default: an error)
/// figures: {negative: brackets}  # tables: the figure style, over the indicators' and the layout's
/// keep-together: true           # tables: never break across pages (false: may always break)
/// type: bar                     # charts: bar or line
/// alt: …                        # charts: the text alternative (default: made from the data)
/// ```
struct FigureSpec {
    let kind: String
    let file: String
    let line: Int
    let indicators: [Indicator]
    let periods: [String]
    var caption: [Inline]?
    var change = false
    var missing: String?
    var chartKind = Chart.Kind.bar
    var alt: String?
    /// The layout's figure style, under the indicators' and the block's.
    let baseStyle: FigureStyle
    var figures: FigureStyle?
    var keepTogether: Bool?

    init(_ text: String, kind: String, file: String, line: Int, data: DataSet, style: FigureStyle = FigureStyle()) throws(QuireError) {
        self.kind = kind
        self.file = file
        self.line = line
        self.baseStyle = style
        // Lines inside the block count from the fence.
        let reader = YAMLReader(file: file, lineOffset: line, document: "the ```\(kind) block")
        guard let root = try reader.compose(text), case .mapping(let fields) = root else {
            throw QuireError(.invalidValue, at: SourceLocation(file: file, line: line), field: kind,
                             "a ```\(kind) block needs 'indicators:' and optionally 'periods:' and 'caption:'",
                             hint: "e.g.\n```\(kind)\nindicators: [cpp]\nperiods: [2016, 2017]\ncaption: Children with a plan\n```")
        }
        let resolver = FigureResolver(data: data, file: file, style: style)
        var ids: [String] = [], periodList: [String]?
        let known = kind == "chart" ? ["indicators", "periods", "caption", "type", "alt"] : ["indicators", "periods", "caption", "change", "missing", "figures", "keep-together"]
        for (keyNode, value) in fields {
            let key = try reader.string(keyNode, field: kind)
            let location = SourceLocation(file: file, line: reader.line(of: keyNode))
            switch known.contains(key) ? key : "" {
            case "indicators": ids = try reader.textList(value, field: key).map(\.plainText)
            case "periods": periodList = try reader.textList(value, field: key).map(\.plainText)
            case "caption": caption = try reader.inlineText(value, field: key)
            case "change": change = try reader.string(value, field: key) == "true"
            case "missing": missing = try reader.string(value, field: key)
            case "alt": alt = try reader.string(value, field: key)
            case "figures": figures = try reader.figureStyle(value, field: key)
            case "keep-together":
                switch try reader.string(value, field: key) {
                case "true", "yes": keepTogether = true
                case "false", "no": keepTogether = false
                default: throw QuireError(.invalidValue, at: location, field: key, "keep-together must be true or false",
                                          hint: "keep-together: true keeps the table on one page; false lets it break")
                }
            case "type":
                let raw = try reader.string(value, field: key)
                guard let parsed = Chart.Kind(rawValue: raw) else {
                    throw QuireError(.invalidValue, at: location, field: "type", "unknown chart type '\(raw)'", hint: "use bar or line")
                }
                chartKind = parsed
            default:
                let hint = nearestName(key, in: known).map { "did you mean '\($0)'?" } ?? "known keys: \(known.joined(separator: ", "))"
                throw QuireError(.unknownField, at: location, field: key, "unknown key '\(key)' in a ```\(kind) block", hint: hint)
            }
        }
        guard !ids.isEmpty else {
            throw QuireError(.missingField, at: SourceLocation(file: file, line: line), field: "indicators",
                             "the ```\(kind) block names no indicators", hint: "add e.g. 'indicators: [cpp]'")
        }
        var resolved: [Indicator] = []
        for id in ids { resolved.append(try resolver.lookup(id, location: SourceLocation(file: file, line: line))) }
        indicators = resolved
        if let periodList {
            periods = periodList
        } else {
            var seen: [String] = []
            for indicator in resolved { for period in indicator.periods where !seen.contains(period) { seen.append(period) } }
            periods = seen
        }
    }

    /// The table: a header row, one row per indicator, figures right-aligned. Each row's
    /// figures are written in the layout's style with the indicator's and then the block's
    /// laid over it. A unit label the rows share goes under each figure column's header;
    /// rows with differing labels carry theirs after the row label instead ("Net spend (£m)").
    func table() throws(QuireError) -> Table {
        let location = SourceLocation(file: file, line: line)
        let styles = indicators.map { baseStyle.merging($0.figures).merging(figures) }
        let labels = styles.map(\.unitLabel)
        let shared = labels.first.flatMap { $0 }.flatMap { first in labels.allSatisfy { $0 == first } ? first : nil }
        var rows: [[[Inline]]] = []
        for (indicator, style) in zip(indicators, styles) {
            let label = shared == nil ? style.unitLabel.map { " (\($0))" } ?? "" : ""
            var row: [[Inline]] = [[.text(indicator.label + label)]]
            for period in periods {
                if let value = indicator.values[period] {
                    row.append([.text(formatFigure(value.number, decimals: value.decimals, unit: indicator.unit, style: style))])
                } else if let missing {
                    row.append([.text(missing)])
                } else {
                    _ = try figureValue(indicator, period, location: location)  // throws: a gap needs `missing:`
                }
            }
            if change, let first = periods.first, let last = periods.last {
                if let old = indicator.values[first], let new = indicator.values[last] {
                    row.append([.text(signedChange(from: old, to: new, unit: indicator.unit, style: style))])
                } else {
                    row.append([.text(missing ?? "")])
                }
            }
            rows.append(row)
        }
        // A percentage's change is in points, which a "%" header would misname.
        let changeLabel = indicators.contains { $0.unit == .percent } ? nil : shared
        func headed(_ text: String, _ unit: String?) -> [Inline] { unit.map { [.text(text), .lineBreak, .text($0)] } ?? [.text(text)] }
        var header: [[Inline]] = [[.text("Indicator")]] + periods.map { headed($0, shared) }
        if change, let first = periods.first, let last = periods.last { header.append(headed("Change \(first) to \(last)", changeLabel)) }
        let alignments: [Table.Alignment] = [.left] + Array(repeating: .right, count: header.count - 1)
        let columnStyle = baseStyle.merging(figures)
        return Table(header: header, rows: rows, alignments: alignments, line: line, caption: caption,
                     figures: [nil] + Array(repeating: columnStyle, count: header.count - 1), keepTogether: keepTogether)
    }

    /// The most a chart may show: beyond these a chart cannot be read on an A4 page, and
    /// drawing one costs memory and time a render cannot spare (40 series of 3,000 periods
    /// took gigabytes). A table (```` ```table ````) shows more.
    static let maxChartSeries = 12, maxChartPeriods = 120

    /// The chart, with its text alternative.
    func chart() throws(QuireError) -> Chart {
        let at = SourceLocation(file: file, line: line)
        guard indicators.count <= Self.maxChartSeries else {
            throw QuireError(.limit, at: at, field: "indicators", "the chart has \(indicators.count) indicators; a chart shows at most \(Self.maxChartSeries)",
                             hint: "split it into several charts, or show the figures in a ```table block")
        }
        guard periods.count <= Self.maxChartPeriods else {
            throw QuireError(.limit, at: at, field: "periods", "the chart has \(periods.count) periods; a chart shows at most \(Self.maxChartPeriods)",
                             hint: "name the periods to show (periods: [...]), or show the figures in a ```table block")
        }
        let unit = indicators[0].unit
        if let other = indicators.first(where: { $0.unit != unit }) {
            throw QuireError(.invalidValue, at: SourceLocation(file: file, line: line), field: "indicators",
                             "'\(other.id)' is a \(other.unit.rawValue) and '\(indicators[0].id)' a \(unit.rawValue): one chart shows one unit",
                             hint: "put them in separate charts")
        }
        let series = indicators.map { indicator in
            Chart.Series(
                label: indicator.label, values: periods.map { indicator.values[$0]?.number },
                labels: periods.map { indicator.values[$0].map { formatFigure($0.number, decimals: $0.decimals, unit: unit) } })
        }
        let captionText = caption ?? [.text(indicators.map(\.label).joined(separator: " and "))]
        return Chart(kind: chartKind, periods: periods, series: series, unit: unit, caption: captionText,
                     alt: alt ?? describe(series, caption: captionText.plainText), line: line)
    }

    /// "Bar chart: <caption>. Children with a plan: 2012, 959; 2013, 994." A period without a
    /// figure says so rather than being skipped.
    private func describe(_ series: [Chart.Series], caption: String) -> String {
        let parts = series.map { s in
            s.label + ": " + zip(periods, s.labels).map { "\($0), \($1 ?? "no figure")" }.joined(separator: "; ")
        }
        return "\(chartKind == .bar ? "Bar" : "Line") chart: \(caption). " + parts.joined(separator: ". ") + "."
    }
}

/// "+136", "−427", "0" for a table's change column; "(427)" and no "+" when negatives are
/// bracketed, as finance tables write variances. A percentage changes in points (" pts").
func signedChange(from old: DataValue, to new: DataValue, unit: DataUnit, style: FigureStyle = FigureStyle()) -> String {
    let difference = new.number - old.number
    var points = style
    if unit == .percent {
        points.unit = "cell"
        points.scale = nil
    }
    let text = formatFigure(difference, decimals: max(old.decimals, new.decimals), unit: unit == .percent ? .count : unit, style: points)
    let shown = unit == .percent ? text + " pts" : text
    return difference > 0 && !style.usesBrackets && text.contains(where: { ("1"..."9").contains($0) }) ? "+" + shown : shown
}
