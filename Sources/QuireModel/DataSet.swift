/// What a figure measures, which decides how it is written.
public enum DataUnit: String, Hashable, Sendable, CaseIterable {
    /// "1,185"
    case count
    /// "79.6%"
    case percent
    /// "£1,234"
    case currency
}

/// One figure as the data file wrote it: the number, and how many decimals it was given
/// with (so "79.6" is shown with one decimal and "1185" with none).
public struct DataValue: Hashable, Sendable {
    public var number: Double
    public var decimals: Int
    /// Where the value is written, for messages.
    public var line: Int

    public init(number: Double, decimals: Int, line: Int) {
        self.number = number
        self.decimals = decimals
        self.line = line
    }
}

/// A measure tracked over periods: "Children with a Child Protection Plan" by year.
public struct Indicator: Hashable, Sendable {
    public var id: String
    public var label: String
    public var unit: DataUnit
    /// Periods in the order the file gives them ("2012", "2016-17", "March 2017").
    public var periods: [String]
    public var values: [String: DataValue]
    /// How this indicator's figures are written, over the layout's style (a table block's
    /// own style goes over this one).
    public var figures: FigureStyle?
    public var file: String
    public var line: Int

    public init(id: String, label: String, unit: DataUnit, periods: [String], values: [String: DataValue], figures: FigureStyle? = nil,
                file: String, line: Int) {
        self.id = id
        self.label = label
        self.unit = unit
        self.periods = periods
        self.values = values
        self.figures = figures
        self.file = file
        self.line = line
    }
}

/// All indicators from a paper's data files, by id, in file order.
public struct DataSet: Hashable, Sendable {
    public private(set) var indicators: [String: Indicator] = [:]
    public private(set) var order: [String] = []

    public init() {}

    /// Adds an indicator; an id seen before is an error naming both places.
    public mutating func add(_ indicator: Indicator) throws(QuireError) {
        if let previous = indicators[indicator.id] {
            throw QuireError(.invalidValue, at: SourceLocation(file: indicator.file, line: indicator.line), field: indicator.id,
                             "indicator '\(indicator.id)' is defined twice", hint: "it is also defined at \(previous.file):\(previous.line); rename one of them")
        }
        indicators[indicator.id] = indicator
        order.append(indicator.id)
    }

    public var isEmpty: Bool { order.isEmpty }
}
