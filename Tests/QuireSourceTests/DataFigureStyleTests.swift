import Foundation
import QuireModel
@testable import QuireSource
import Testing

/// Figure styles on data: an indicator's own, a ```table block's, the layout's; in tables
/// and in text; and the mistakes, at their lines.
@Suite struct DataFigureStyleTests {
    let yaml = """
        indicators:
          net-spend:
            label: Net spend
            unit: currency
            values: {"2016/17": 230800, "2017/18": -12040}
            figures: {negative: brackets, unit: "£m", scale: 1000}
          savings:
            label: Savings delivered
            unit: currency
            values: {"2016/17": 15450, "2017/18": 9800}
            figures: {unit: "£m", scale: 1000}
          cpp:
            label: Children with a Child Protection Plan
            unit: count
            values: {"2016/17": 1049, "2017/18": 1185}
        """

    func data(_ text: String? = nil, file: String = "figures.yaml") throws -> DataSet {
        var set = DataSet()
        for indicator in try parseDataFile(text ?? yaml, file: file) { try set.add(indicator) }
        return set
    }

    func resolved(_ body: String, data: DataSet? = nil, style: FigureStyle = FigureStyle()) throws -> Paper {
        try parse("---\nsubject: Test\ndata: figures.yaml\n---\n" + body, figures: FigureData(data: try data ?? self.data(), style: style))
    }

    func table(_ block: String, style: FigureStyle = FigureStyle()) throws -> Table {
        guard case .table(let table) = try resolved("```table\n" + block + "\n```\n", style: style).body[0] else {
            throw QuireError(.invalidValue, at: nil, "no table")
        }
        return table
    }

    @Test("an indicator's style: brackets, scaled to £m, the shared unit under each period's header")
    func indicatorStyle() throws {
        let table = try table("indicators: [net-spend, savings]")
        #expect(table.rows.map { $0.map(\.plainText) } == [["Net spend", "230.8", "(12.0)"], ["Savings delivered", "15.5", "9.8"]])
        #expect(table.header[1] == [.text("2016/17"), .lineBreak, .text("£m")])
        #expect(table.figures.count == 3 && table.figures[0] == nil && table.figures[1] != nil)
    }

    @Test("rows with different units carry theirs after the row label")
    func mixedUnits() throws {
        let table = try table("indicators: [net-spend, cpp]")
        #expect(table.rows.map { $0.map(\.plainText) } == [["Net spend (£m)", "230.8", "(12.0)"], ["Children with a Child Protection Plan", "1,049", "1,185"]])
        #expect(table.header[1] == [.text("2016/17")])
    }

    @Test("the block's style goes over the indicators', the layout's under both")
    func blockOverIndicator() throws {
        let table = try table("indicators: [net-spend, cpp]\nfigures: {decimals: 2, negative: minus}", style: FigureStyle(negative: .brackets, separators: false))
        #expect(table.rows.map { $0.map(\.plainText) } == [["Net spend (£m)", "230.80", "\u{2212}12.04"], ["Children with a Child Protection Plan", "1049.00", "1185.00"]])
        let layoutOnly = try self.table("indicators: [cpp]", style: FigureStyle(negative: .brackets, separators: false))
        #expect(layoutOnly.rows[0].map(\.plainText) == ["Children with a Child Protection Plan", "1049", "1185"])
    }

    @Test("a change column in brackets has no plus sign; in points for percentages")
    func changeColumn() throws {
        let table = try table("indicators: [net-spend, savings]\nchange: true")
        #expect(table.rows.map { $0.last!.plainText } == ["(242.8)", "\u{2212}5.7"], "savings keep the minus sign")
        #expect(table.header.last == [.text("Change 2016/17 to 2017/18"), .lineBreak, .text("£m")])
        let percent = """
            indicators:
              eh:
                label: Early Help outcomes
                unit: percent
                values: {"2016": 83.4, "2017": 79.6}
                figures: {unit: "%"}
            """
        let paper = try resolved("```table\nindicators: [eh]\nchange: true\n```\n", data: try data(percent))
        guard case .table(let points) = paper.body[0] else { Issue.record("no table"); return }
        #expect(points.rows[0].map(\.plainText) == ["Early Help outcomes", "83.4", "79.6", "\u{2212}3.8 pts"])
        #expect(points.header[1] == [.text("2016"), .lineBreak, .text("%")])
        #expect(points.header[3] == [.text("Change 2016 to 2017")], "points are not %")
    }

    @Test("keep-together in a ```table block")
    func keepTogether() throws {
        #expect(try table("indicators: [cpp]\nkeep-together: true").keepTogether == true)
        #expect(try table("indicators: [cpp]\nkeep-together: false").keepTogether == false)
        #expect(try table("indicators: [cpp]").keepTogether == nil)
    }

    @Test("inline figures follow the indicator's style, with the unit worked in")
    func inline() throws {
        let paper = try resolved("Spend was {{ net-spend[\"2016/17\"] }}, then {{ net-spend[\"2017/18\"] }}; savings {{ change savings \"2016/17\" \"2017/18\" }}. Plans: {{ cpp[\"2017/18\"] }}.\n")
        guard case .paragraph(let inlines, _) = paper.body[0] else { Issue.record("not a paragraph"); return }
        #expect(inlines.plainText == "Spend was £230.8m, then (£12.0m); savings a reduction of £5.7m. Plans: 1,185.")
    }

    @Test("a CSV may give each indicator a style in a figures column")
    func csvStyle() throws {
        let csv = "id,label,unit,figures,2017,2018\nspend,Net spend,currency,negative=brackets decimals=1 unit=£m scale=1000,230800,-12040\nbeds,Beds,count,,312,298\n"
        let set = try data(csv, file: "finance.csv")
        #expect(set.indicators["spend"]?.figures == FigureStyle(negative: .brackets, decimals: 1, unit: "£m", scale: 1000))
        #expect(set.indicators["beds"]?.figures == nil)
        #expect(set.indicators["beds"]?.periods == ["2017", "2018"])
        let error = try #require(csvError("id,label,unit,figures,2017\nspend,Net spend,currency,negative=red,1\n"))
        #expect(error.location == SourceLocation(file: "finance.csv", line: 2))
        #expect(error.message == "'red' is not a way to write negatives")
    }

    func csvError(_ csv: String) -> QuireError? {
        do {
            _ = try parseDataFile(csv, file: "finance.csv")
            return nil
        } catch {
            return error
        }
    }

    @Test("a bad style in a data file or a block names its line and key")
    func badStyles() throws {
        let bad = yaml.replacingOccurrences(of: "figures: {negative: brackets, unit: \"£m\", scale: 1000}", with: "figures: {negative: brackets, decimal: 1}")
        do {
            _ = try data(bad)
            Issue.record("accepted 'decimal'")
        } catch let error as QuireError {
            #expect(error.location?.line == 6)
            #expect(error.field == "net-spend.figures.decimal")
            #expect(error.hint == "did you mean 'decimals'?")
        }
        do {
            _ = try resolved("Intro.\n\n```table\nindicators: [cpp]\nfigures: {scale: none}\n```\n")
            Issue.record("accepted scale: none")
        } catch let error as QuireError {
            #expect(error.location?.line == 9)
            #expect(error.field == "figures.scale")
        }
        do {
            _ = try resolved("```table\nindicators: [cpp]\nkeep-together: sometimes\n```\n")
            Issue.record("accepted keep-together: sometimes")
        } catch let error as QuireError {
            #expect(error.location?.line == 7)
        }
    }
}
