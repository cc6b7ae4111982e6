import QuireModel
import Testing

/// Figures written the way councils' finance tables write them: brackets, fixed decimals,
/// separators, a scale, the unit in the header; and figures read back as people type them.
@Suite struct FigureStyleTests {
    let brackets = FigureStyle(negative: .brackets)

    @Test("the default style is today's: minus sign, the data's decimals, the unit in each figure", arguments: [
        (-230.8, 1, DataUnit.currency, "\u{2212}£230.8"), (-427, 0, .count, "\u{2212}427"), (79.6, 1, .percent, "79.6%"),
        (1234.5, 2, .currency, "£1,234.50"), (1185, 0, .count, "1,185"),
    ])
    func defaults(number: Double, decimals: Int, unit: DataUnit, expected: String) {
        #expect(formatFigure(number, decimals: decimals, unit: unit, style: FigureStyle()) == expected)
        #expect(formatFigure(number, decimals: decimals, unit: unit) == expected)
    }

    @Test("negatives in brackets, positives bare", arguments: [
        (-230.8, 1, DataUnit.count, "(230.8)"), (-1234.5, 1, .count, "(1,234.5)"), (1234.5, 1, .count, "1,234.5"),
        (-230.8, 1, .currency, "(£230.8)"), (-12.5, 1, .percent, "(12.5%)"),
    ])
    func bracketed(number: Double, decimals: Int, unit: DataUnit, expected: String) {
        #expect(formatFigure(number, decimals: decimals, unit: unit, style: brackets) == expected)
    }

    @Test("fixed decimals pad and round half away from zero, on the decimal digits as written", arguments: [
        (12.0, 1, "12.0"), (230.84, 1, "230.8"), (230.85, 1, "230.9"), (-230.85, 1, "(230.9)"), (1.005, 2, "1.01"),
        (2.5, 0, "3"), (-2.5, 0, "(3)"), (999.95, 1, "1,000.0"), (0.05, 1, "0.1"), (7, 3, "7.000"),
    ])
    func fixedDecimals(number: Double, decimals: Int, expected: String) {
        let style = FigureStyle(negative: .brackets, decimals: decimals)
        #expect(formatFigure(number, decimals: 0, unit: .count, style: style) == expected)
    }

    @Test("a figure that rounds to zero has no sign or brackets (no negative zero)", arguments: [-0.04, -0.0, -0.049, 0.0])
    func negativeZero(number: Double) {
        #expect(formatFigure(number, decimals: 0, unit: .count, style: FigureStyle(negative: .brackets, decimals: 1)) == "0.0")
        #expect(formatFigure(number, decimals: 0, unit: .count, style: FigureStyle(decimals: 1)) == "0.0")
    }

    @Test("separators can be turned off")
    func noSeparators() {
        let style = FigureStyle(separators: false)
        #expect(formatFigure(1_234_567.5, decimals: 1, unit: .count, style: style) == "1234567.5")
        #expect(formatFigure(-1234, decimals: 0, unit: .currency, style: style) == "\u{2212}£1234")
    }

    @Test("a scale divides the figure and shows one decimal unless told; percentages are never scaled")
    func scaled() {
        let millions = FigureStyle(negative: .brackets, unit: "£m", scale: 1000)
        // Data in £000s, shown in £m under a "£m" header: bare in the table.
        #expect(formatFigure(230_800, decimals: 0, unit: .currency, style: millions) == "230.8")
        #expect(formatFigure(-230_800, decimals: 0, unit: .currency, style: millions) == "(230.8)")
        var two = millions
        two.decimals = 2
        #expect(formatFigure(230_845, decimals: 0, unit: .currency, style: two) == "230.85")
        #expect(formatFigure(79.6, decimals: 1, unit: .percent, style: FigureStyle(scale: 1000)) == "79.6%")
    }

    @Test("in text the unit label is worked into the figure")
    func inText() {
        let millions = FigureStyle(unit: "£m", scale: 1000)
        #expect(formatFigure(230_800, decimals: 0, unit: .currency, style: millions, inText: true) == "£230.8m")
        #expect(formatFigure(-230_800, decimals: 0, unit: .currency, style: millions, inText: true) == "\u{2212}£230.8m")
        #expect(formatFigure(450, decimals: 0, unit: .currency, style: FigureStyle(unit: "£000s"), inText: true) == "£450k")
        #expect(formatFigure(12.5, decimals: 1, unit: .percent, style: FigureStyle(unit: "%"), inText: true) == "12.5%")
        #expect(formatFigure(312, decimals: 0, unit: .count, style: FigureStyle(unit: "beds"), inText: true) == "312 beds")
        // Without a label, text figures are as they always were.
        #expect(formatFigure(1234.5, decimals: 2, unit: .currency, inText: true) == "£1,234.50")
    }

    @Test("a change in text follows the style; a change that rounds away is no change")
    func changes() {
        let v = { (n: Double) in DataValue(number: n, decimals: 0, line: 1) }
        let millions = FigureStyle(unit: "£m", scale: 1000)
        #expect(describeChange(from: v(230_800), to: v(245_100), unit: .currency, style: millions) == "an increase of £14.3m")
        #expect(describeChange(from: v(230_800), to: v(230_820), unit: .currency, style: millions) == "no change")
        let p = { (n: Double) in DataValue(number: n, decimals: 1, line: 1) }
        #expect(describeChange(from: p(83.4), to: p(79.6), unit: .percent, style: FigureStyle(unit: "%", scale: 10)) == "a reduction of 3.8 percentage points")
    }

    @Test("figures far past 64-bit integers are written, not trapped")
    func huge() {
        #expect(formatFigure(1e20, decimals: 0, unit: .count) == "100,000,000,000,000,000,000")
        #expect(formatFigure(-1.5e-7, decimals: 2, unit: .count, style: brackets) == "0.00")
    }

    @Test("layering: each level sets only what it says")
    func layering() {
        let layout = FigureStyle(negative: .brackets, decimals: 1)
        let indicator = FigureStyle(unit: "£m")
        let table = FigureStyle(decimals: 2)
        let style = layout.merging(indicator).merging(table)
        #expect(style == FigureStyle(negative: .brackets, decimals: 2, unit: "£m"))
        #expect(FigureStyle(unit: "cell").unitLabel == nil)
    }

    @Test("style values are checked", arguments: [
        ("negative", "red", "'red' is not a way to write negatives"), ("decimals", "-1", "decimals must be a whole number from 0 to 6, not '-1'"),
        ("decimals", "one", "decimals must be a whole number from 0 to 6, not 'one'"), ("separators", "maybe", "separators must be true or false, not 'maybe'"),
        ("scale", "0", "scale must be a positive number, not '0'"), ("scale", "lots", "scale must be a positive number, not 'lots'"),
        ("unit", "", "unit needs a label"),
    ])
    func badValues(key: String, value: String, message: String) {
        var style = FigureStyle()
        #expect(throws: FigureStyle.Problem.self) { try style.set(key, value) }
        do throws(FigureStyle.Problem) {
            try style.set(key, value)
        } catch {
            #expect(error.message == message)
        }
    }

    @Test("an unknown key gets the nearest one")
    func unknownKey() {
        var style = FigureStyle()
        do throws(FigureStyle.Problem) {
            try style.set("decimal", "1")
            Issue.record("accepted 'decimal'")
        } catch {
            #expect(error.hint == "did you mean 'decimals'?")
        }
        #expect(throws: Never.self) { try style.set("scale", "millions") }
        #expect(style.scale == 1e6)
    }
}

/// Figures as people type them in a table or a data file.
@Suite struct ReadFigureTests {
    @Test("accepted forms", arguments: [
        ("-230.8", -230.8, 1, DataUnit.count), ("\u{2212}230.8", -230.8, 1, .count), ("(230.8)", -230.8, 1, .count),
        ("1,234", 1234, 0, .count), ("£1,234", 1234, 0, .currency), ("(£1,234.50)", -1234.5, 2, .currency),
        ("12.5%", 12.5, 1, .percent), ("+4", 4, 0, .count), ("1,234,567.0", 1_234_567, 1, .count), (" 959 ", 959, 0, .count),
        ("\u{2212}£230.8", -230.8, 1, .currency),
    ])
    func accepted(text: String, number: Double, decimals: Int, unit: DataUnit) throws {
        let figure = try #require(readFigure(text))
        #expect(figure.number == number)
        #expect(figure.decimals == decimals)
        #expect(figure.unit == unit)
    }

    @Test("anything else is not a figure", arguments: ["", "n/a", "2016-17", "1,2", "12,34", "1.2.3", "(-5)", "--5", "£", "5 apples", "1.", ".5", "(5"])
    func rejected(text: String) {
        #expect(readFigure(text) == nil)
    }

    @Test("parts of a printed figure, for lining up on the decimal point")
    func parts() throws {
        let bracketed = try #require(FigureParts("(1,234.5)"))
        #expect(bracketed.integerEnd == 6)
        #expect(bracketed.digitsEnd == 8)
        #expect(bracketed.closesBracket)
        #expect(bracketed.suffix == "")
        let percent = try #require(FigureParts("\u{2212}79.6%"))
        #expect(percent.integerEnd == 5)  // U+2212 is three bytes
        #expect(percent.suffix == "%")
        let points = try #require(FigureParts("+4.5 pts"))
        #expect(points.suffix == " pts")
        #expect(FigureParts("2016-17") == nil)
        #expect(FigureParts("Total") == nil)
        #expect(FigureParts("–") == nil)
    }
}
