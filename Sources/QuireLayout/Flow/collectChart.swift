import QuireModel
import QuirePages

/// Round axis steps: 1, 2, 2.5 or 5 times a power of ten, about five ticks up to the largest value.
func niceScale(maximum: Double, ticks: Int = 5) -> (top: Double, step: Double) {
    guard maximum > 0 else { return (1, 0.2) }
    let rough = maximum / Double(ticks)
    var magnitude = 1.0
    while magnitude * 10 <= rough { magnitude *= 10 }
    while magnitude > rough { magnitude /= 10 }
    let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
    return ((maximum / step).rounded(.up) * step, step)
}

/// Decimals a tick label needs for a step: 0 for whole steps, 1 for 0.5, 2 for 0.25.
func tickDecimals(_ step: Double) -> Int {
    for decimals in 0..<3 {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        if (step * scale).rounded() == step * scale { return decimals }
    }
    return 3
}

extension Collector {
    /// A bar or line chart drawn as vectors: gridlines and y ticks, period labels, bars (with
    /// their values where they fit) or lines with markers, a legend for several series, the
    /// caption above. One slice: a chart never splits.
    func collectChart(_ chart: Chart, x: Double) {
        caption(chart.caption, x: x, line: chart.line, ofFigure: true)
        let style = theme.chart
        let width = theme.contentWidth - x
        let maximum = chart.series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        let (top, step) = niceScale(maximum: maximum)
        let tickValues = Array(stride(from: 0.0, through: top + step / 2, by: step))
        let decimals = tickDecimals(step)
        func small(_ text: String, bold: Bool = false) -> Int {
            request(StyledText(text, style: SpanStyle(bold: bold)), width: width, size: style.size, alignment: .left)
        }
        let ticks = tickValues.map { small(formatFigure($0, decimals: decimals, unit: chart.unit)) }
        let periods = chart.periods.map { small($0) }
        let values = chart.series.map { $0.labels.map { $0.map { small($0) } } }
        let legend = chart.series.count > 1 ? chart.series.map { small($0.label) } : []
        let fullWidth = theme.contentWidth, line = chart.line, alt = chart.alt
        add { shaped in
            var plot = ChartPlot(style: style, x: x, width: width, top: top, shaped: shaped)
            plot.drawAxes(ticks: zip(tickValues, ticks).map { ($0, $1) }, periods: periods)
            switch chart.kind {
            case .bar: plot.drawBars(chart.series, values: values)
            case .line: plot.drawLines(chart.series)
            }
            if !legend.isEmpty { plot.drawLegend(legend, markers: chart.kind == .line) }
            var frame = Frame(size: Size(width: fullWidth, height: plot.height))
            frame.open(StructureTag(.figure, alt: alt))  // the whole chart, read as its text alternative
            frame.push(frame: plot.frame, at: .zero)
            frame.close()
            return [.slice(Slice(frame: frame, height: plot.height, breakAfter: true, figure: alt, line: line))]
        }
    }
}

/// Drawing state for one chart: the plot rectangle and the value → y mapping.
struct ChartPlot {
    let style: ChartStyle
    let shaped: Collector.Shaped
    let top: Double
    var frame: Frame
    let left: Double, right: Double, plotTop: Double, plotBottom: Double
    var height: Double

    init(style: ChartStyle, x: Double, width: Double, top: Double, shaped: Collector.Shaped) {
        self.style = style
        self.shaped = shaped
        self.top = top
        frame = Frame(size: Size(width: x + width, height: style.height))
        left = x + style.size * 4.5
        right = x + width - 4
        plotTop = style.size
        plotBottom = style.height - style.size * 2
        height = style.height
    }

    func y(_ value: Double) -> Double { plotBottom - (plotBottom - plotTop) * value / top }

    /// Centre of period `index`'s slot along the x axis.
    func slotCentre(_ index: Int, of count: Int) -> Double {
        left + (right - left) * (Double(index) + 0.5) / Double(count)
    }

    mutating func text(_ index: Int, centreX: Double? = nil, rightX: Double? = nil, leftX: Double? = nil, baseline: Double) {
        guard let line = shaped[index].lines.first else { return }
        let x = centreX.map { $0 - line.width / 2 } ?? rightX.map { $0 - line.width } ?? leftX ?? 0
        place(line, in: &frame, x: x, baseline: baseline)
    }

    mutating func rule(_ from: Point, _ to: Point, width: Double, color: Color) {
        frame.push(.line(to: Point(x: to.x - from.x, y: to.y - from.y), width: width, color: color), at: from)
    }

    mutating func drawAxes(ticks: [(Double, Int)], periods: [Int]) {
        for (value, label) in ticks {
            let ty = y(value)
            rule(Point(x: left, y: ty), Point(x: right, y: ty), width: 0.4, color: value == 0 ? .black : style.gridColor)
            rule(Point(x: left - 3, y: ty), Point(x: left, y: ty), width: 0.5, color: .black)
            text(label, rightX: left - 5, baseline: ty + style.size * 0.35)
        }
        rule(Point(x: left, y: plotTop), Point(x: left, y: plotBottom), width: 0.5, color: .black)
        for (index, label) in periods.enumerated() {
            text(label, centreX: slotCentre(index, of: periods.count), baseline: plotBottom + style.size * 1.4)
        }
    }

    /// Grouped bars, one colour per series; the value sits on top when its label fits the bar.
    mutating func drawBars(_ series: [Chart.Series], values: [[Int?]]) {
        let periods = series[0].values.count
        let slot = (right - left) / Double(periods)
        let barWidth = slot * 0.7 / Double(series.count)
        for (s, one) in series.enumerated() {
            let color = style.colors[s % style.colors.count]
            for (p, value) in one.values.enumerated() {
                guard let value else { continue }
                let x = left + slot * Double(p) + slot * 0.15 + barWidth * Double(s)
                let barTop = y(value)
                frame.push(.rect(Size(width: barWidth, height: plotBottom - barTop), fill: color), at: Point(x: x, y: barTop))
                // A hairline edge keeps light bars visible on white paper.
                for (a, b) in [(Point(x: x, y: plotBottom), Point(x: x, y: barTop)), (Point(x: x, y: barTop), Point(x: x + barWidth, y: barTop)),
                               (Point(x: x + barWidth, y: barTop), Point(x: x + barWidth, y: plotBottom))] {
                    rule(a, b, width: 0.3, color: .black)
                }
                if let label = values[s][p], let shapedLabel = shaped[label].lines.first, shapedLabel.width <= barWidth + 2 {
                    text(label, centreX: x + barWidth / 2, baseline: barTop - 3)
                }
            }
        }
    }

    /// One line per series through the periods that have figures, with a distinct marker per
    /// series (filled square, open square, triangle) so series differ without colour.
    mutating func drawLines(_ series: [Chart.Series]) {
        for (s, one) in series.enumerated() {
            let color = style.colors[s % style.colors.count]
            var previous: Point?
            for (p, value) in one.values.enumerated() {
                guard let value else { previous = nil; continue }
                let point = Point(x: slotCentre(p, of: one.values.count), y: y(value))
                if let previous { rule(previous, point, width: 1.5, color: color) }
                marker(s, at: point, color: color)
                previous = point
            }
        }
    }

    mutating func marker(_ series: Int, at p: Point, color: Color) {
        let r = 2.8
        switch series % 3 {
        case 0: frame.push(.rect(Size(width: 2 * r, height: 2 * r), fill: color), at: Point(x: p.x - r, y: p.y - r))
        case 1:
            let corners = [Point(x: p.x - r, y: p.y - r), Point(x: p.x + r, y: p.y - r), Point(x: p.x + r, y: p.y + r), Point(x: p.x - r, y: p.y + r)]
            for i in 0..<4 { rule(corners[i], corners[(i + 1) % 4], width: 1, color: color) }
        default:
            let corners = [Point(x: p.x, y: p.y - r - 0.5), Point(x: p.x + r, y: p.y + r), Point(x: p.x - r, y: p.y + r)]
            for i in 0..<3 { rule(corners[i], corners[(i + 1) % 3], width: 1, color: color) }
        }
    }

    /// Swatches and labels under the axis, wrapping onto further rows when they run out of width.
    mutating func drawLegend(_ labels: [Int], markers: Bool) {
        let rowHeight = style.size * 1.6
        var baseline = height + style.size * 1.5
        var x = left
        for (s, label) in labels.enumerated() {
            let itemWidth = 12 + (shaped[label].lines.first?.width ?? 0)
            if x > left, x + itemWidth > right {
                x = left
                baseline += rowHeight
            }
            let color = style.colors[s % style.colors.count]
            if markers {
                // A line chart's key shows each series' marker, the cue that survives greyscale.
                rule(Point(x: x - 2, y: baseline - 3.5), Point(x: x + 10, y: baseline - 3.5), width: 1.5, color: color)
                marker(s, at: Point(x: x + 4, y: baseline - 3.5), color: color)
            } else {
                frame.push(.rect(Size(width: 8, height: 8), fill: color), at: Point(x: x, y: baseline - 7.5))
                rule(Point(x: x, y: baseline - 7.5), Point(x: x + 8, y: baseline - 7.5), width: 0.3, color: .black)
            }
            text(label, leftX: x + 12, baseline: baseline)
            x += itemWidth + 16
        }
        height = baseline + style.size * 0.8
        frame.size.height = height
    }
}
