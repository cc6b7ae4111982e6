@testable import QuireLayout
import QuireModel
import QuirePages
import Testing

@Suite("Charts")
struct ChartTests {
    func chart(_ kind: Chart.Kind, _ series: [[Double?]]) -> Chart {
        Chart(kind: kind, periods: ["2012", "2013", "2016", "2017"],
              series: series.enumerated().map { Chart.Series(label: "Series \($0.offset + 1)", values: $0.element, labels: $0.element.map { $0.map { String(Int($0)) } }) },
              unit: .count, caption: [.text("Children with a plan")], alt: "Bar chart of the figures", line: 5)
    }

    func laidOut(_ chart: Chart, lines: Int = 60) throws -> LayoutResult {
        var p = try paper("Intro.")
        p.body.append(.chart(chart))
        return layout(p, testTheme(lines: lines))
    }

    /// The filled bars of the first series colour on a page, as (x, height).
    func bars(_ page: Page, color: Color) -> [(x: Double, height: Double)] {
        page.frame.items.compactMap { item in
            guard case .rect(let size, let fill) = item.item, fill == color, size.width > 10 else { return nil }
            return (item.point.x, size.height)
        }.sorted { $0.x < $1.x }
    }

    @Test("bar heights are proportional to the data")
    func proportional() throws {
        let values = [959.0, 994, 1049, 1185]
        let result = try laidOut(chart(.bar, [values]))
        let found = bars(result.document.pages[0], color: Theme().chart.colors[0])
        #expect(found.count == 4)
        for (bar, value) in zip(found, values) {
            #expect(abs(bar.height / found[3].height - value / 1185) < 1e-9)
        }
        #expect(found.map(\.x) == found.map(\.x).sorted())
    }

    @Test("axis ticks are round numbers covering the largest value")
    func scale() {
        #expect(niceScale(maximum: 1185) == (top: 1250, step: 250))
        #expect(niceScale(maximum: 2320) == (top: 2500, step: 500))
        #expect(niceScale(maximum: 83.4) == (top: 100, step: 20))
        #expect(niceScale(maximum: 7) == (top: 8, step: 2))
    }

    @Test("values are printed on bars where they fit, and a missing value draws no bar")
    func labelsAndGaps() throws {
        let result = try laidOut(chart(.bar, [[959, nil, 1049, 1185]]))
        let page = result.document.pages[0]
        #expect(bars(page, color: Theme().chart.colors[0]).count == 3)
        let texts = page.frame.items.compactMap { if case .glyphs(let run) = $0.item { run.text } else { nil } }
        for label in ["959", "1049", "1185", "2012", "2013", "2016", "2017"] { #expect(texts.contains(label), "\(label)") }
    }

    @Test("several series get a legend in distinct colours")
    func legend() throws {
        let result = try laidOut(chart(.bar, [[1, 2, 3, 4], [2, 3, 4, 5]]))
        let page = result.document.pages[0]
        let texts = page.frame.items.compactMap { if case .glyphs(let run) = $0.item { run.text } else { nil } }
        #expect(texts.contains("Series 1") && texts.contains("Series 2"))
        #expect(bars(page, color: Theme().chart.colors[1]).count == 4)
    }

    @Test("a chart never splits: it moves whole to the next page, its caption with it")
    func neverSplits() throws {
        let filler = (1...20).map { "Filler line \($0) " + String(repeating: "w", count: 30) }.joined(separator: " ")
        var p = try paper(filler)
        p.body.append(.chart(chart(.bar, [[1, 2, 3, 4]])))
        let result = layout(p, testTheme(lines: 30))
        let withBars = result.document.pages.indices.filter { !bars(result.document.pages[$0], color: Theme().chart.colors[0]).isEmpty }
        #expect(withBars.count == 1)
        let page = try #require(withBars.first)
        let texts = result.document.pages[page].frame.items.compactMap { if case .glyphs(let run) = $0.item { run.text } else { nil } }
        #expect(texts.contains("Children with a plan"))
        #expect(result.document.figures.map(\.pageIndex) == [page])
        #expect(result.document.figures[0].alt == "Bar chart of the figures")
    }
}

@Suite("Chart ticks")
struct ChartTickTests {
    @Test("tick labels carry only the decimals their step needs")
    func decimals() {
        #expect(tickDecimals(250) == 0)
        #expect(tickDecimals(0.5) == 1)
        #expect(tickDecimals(0.25) == 2)
    }
}
