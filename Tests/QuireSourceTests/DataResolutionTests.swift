import Foundation
import QuireModel
@testable import QuireSource
import Testing

/// Data files → indicators → figures, tables and charts in the paper; and every way that goes wrong.
@Suite struct DataResolutionTests {
    let yaml = """
        indicators:
          cpp:
            label: Children with a Child Protection Plan
            unit: count
            values: {"2012": 959, "2016": 1049, "2017": 1185}
          cic:
            label: Children in Care
            unit: count
            values: {"2016": 2320, "2017": 1893}
          eh:
            label: Early Help cases closed with outcomes achieved
            unit: percent
            values: {"2016": 83.4, "2017": 79.6}
        """

    func data() throws -> DataSet {
        var set = DataSet()
        for indicator in try parseDataFile(yaml, file: "figures.yaml") { try set.add(indicator) }
        return set
    }

    func resolved(_ body: String) throws -> Paper {
        try parse("---\nsubject: Test\ndata: figures.yaml\n---\n" + body, figures: FigureData(data: try data()))
    }

    func failure(_ body: String) throws -> QuireError? {
        do {
            _ = try resolved(body)
            return nil
        } catch let error as QuireError {
            return error
        }
    }

    @Test func inlineFiguresAndChanges() throws {
        let paper = try resolved("There were {{ cpp[2017] }} children, {{ change cpp 2016 2017 }}; {{ cic[2017] }} in care, {{ change cic 2016 2017 }}. Outcomes: {{ eh[2017] }}.\n")
        guard case .paragraph(let inlines, _) = paper.body[0] else { Issue.record("not a paragraph"); return }
        #expect(inlines.plainText == "There were 1,185 children, an increase of 136; 1,893 in care, a reduction of 427. Outcomes: 79.6%.")
    }

    @Test func unknownIndicatorNamesThePaperLineAndTheAvailableIds() throws {
        let error = try #require(try failure("Intro.\n\nThere were {{ cpq[2017] }} children.\n"))
        #expect(error.location?.file == "paper.md")
        #expect(error.location?.line == 7)
        #expect(error.hint?.contains("did you mean 'cpp'") == true)
        #expect(error.hint?.contains("cpp, cic, eh") == true)
    }

    @Test func missingYearNamesTheDataFileAndItsPeriods() throws {
        let error = try #require(try failure("{{ cpp[2014] }}\n"))
        #expect(error.field == "cpp[2014]")
        #expect(error.hint == "figures.yaml:2 has 2012, 2016, 2017")
    }

    @Test func figuresWithoutDataSayHowToAddIt() throws {
        do {
            _ = try parse("---\nsubject: T\n---\n{{ cpp[2017] }}\n")
            Issue.record("no error")
        } catch {
            #expect(error.field == "data")
            #expect(error.hint?.contains("data: figures.yaml") == true)
        }
    }

    @Test func badNumberInYAMLDataNamesItsLine() throws {
        #expect(throws: QuireError.self) { try parseDataFile("indicators:\n  cpp:\n    label: X\n    values: {\"2017\": lots}\n", file: "d.yaml") }
        do {
            _ = try parseDataFile("indicators:\n  cpp:\n    label: X\n    values: {\"2017\": lots}\n", file: "d.yaml")
        } catch {
            #expect(error.location == SourceLocation(file: "d.yaml", line: 4, column: error.location!.column))
            #expect(error.field == "cpp.values.2017")
        }
    }

    @Test func csvDataIsReadByRowWithLines() throws {
        let indicators = try parseDataFile("id,label,unit,2016,2017\ncpp,\"Children, with a plan\",count,1049,1185\neh,Early Help,percent,83.4,\n", file: "d.csv")
        #expect(indicators.map(\.id) == ["cpp", "eh"])
        #expect(indicators[0].label == "Children, with a plan")
        #expect(indicators[0].values["2017"]?.number == 1185)
        #expect(indicators[1].periods == ["2016"])
        #expect(indicators[1].values["2016"]?.decimals == 1)
        #expect(indicators[1].line == 3)
        do {
            _ = try parseDataFile("id,label,unit,2017\ncpp,X,count,12\nbad,Y,count,twelve\n", file: "d.csv")
            Issue.record("no error")
        } catch {
            #expect(error.location?.line == 3)
            #expect(error.field == "bad.2017")
        }
        do {
            _ = try parseDataFile("id,label,unit,2017\ncpp,X,people,12\n", file: "d.csv")
            Issue.record("no error")
        } catch {
            #expect(error.hint?.contains("count, percent, currency") == true)
        }
    }

    @Test func tableBlockBuildsARightAlignedTableWithChange() throws {
        let paper = try resolved("```table\nindicators: [cpp, cic]\nperiods: [\"2016\", \"2017\"]\nchange: true\ncaption: Children\n```\n")
        guard case .table(let table) = paper.body[0] else { Issue.record("not a table"); return }
        #expect(table.header.map(\.plainText) == ["Indicator", "2016", "2017", "Change 2016 to 2017"])
        #expect(table.rows.map { $0.map(\.plainText) } == [
            ["Children with a Child Protection Plan", "1,049", "1,185", "+136"], ["Children in Care", "2,320", "1,893", "\u{2212}427"],
        ])
        #expect(table.alignments == [.left, .right, .right, .right])
        #expect(table.caption?.plainText == "Children")
    }

    @Test func aTableGapIsAnErrorUnlessTheBlockSaysWhatToShow() throws {
        let error = try #require(try failure("```table\nindicators: [cic]\nperiods: [\"2012\", \"2017\"]\n```\n"))
        #expect(error.field == "cic[2012]")
        let paper = try resolved("```table\nindicators: [cic]\nperiods: [\"2012\", \"2017\"]\nmissing: n/a\n```\n")
        guard case .table(let table) = paper.body[0] else { Issue.record("not a table"); return }
        #expect(table.rows[0].map(\.plainText) == ["Children in Care", "n/a", "1,893"])
    }

    @Test func chartBlockCarriesNumbersAndATextAlternative() throws {
        let paper = try resolved("```chart\ntype: line\nindicators: [cpp, cic]\nperiods: [\"2016\", \"2017\"]\n```\n")
        guard case .chart(let chart) = paper.body[0] else { Issue.record("not a chart"); return }
        #expect(chart.kind == .line)
        #expect(chart.series.map(\.values) == [[1049, 1185], [2320, 1893]])
        #expect(chart.alt.contains("Line chart"))
        for figure in ["1,049", "1,185", "2,320", "1,893"] { #expect(chart.alt.contains(figure)) }
    }

    @Test func aChartMixingUnitsIsRefused() throws {
        let error = try #require(try failure("```chart\nindicators: [cpp, eh]\n```\n"))
        #expect(error.message.contains("one chart shows one unit"))
        let typo = try #require(try failure("```chart\nindicators: [cpp]\ntyp: bar\n```\n"))
        #expect(typo.hint?.contains("did you mean 'type'") == true)
    }
}

@Suite struct QuotedPeriodTests {
    @Test func periodsWithSpacesAreQuoted() throws {
        var set = DataSet()
        for indicator in try parseDataFile("indicators:\n  eh:\n    unit: percent\n    values: {\"March 2016\": 83.4, \"March 2017\": 79.6}\n", file: "d.yaml") {
            try set.add(indicator)
        }
        let paper = try parse("---\nsubject: T\n---\n{{ eh[\"March 2017\"] }}, {{ change eh \"March 2016\" \"March 2017\" }}.\n", figures: FigureData(data: set))
        guard case .paragraph(let inlines, _) = paper.body[0] else { Issue.record("not a paragraph"); return }
        #expect(inlines.plainText == "79.6%, a reduction of 3.8 percentage points.")
    }
}
