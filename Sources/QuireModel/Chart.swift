/// A chart of indicators over periods, resolved from data: numbers, not text.
public struct Chart: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable { case bar, line }

    /// One indicator's values, nil where a period has none.
    public struct Series: Hashable, Sendable {
        public var label: String
        public var values: [Double?]
        /// The values as written ("1,185", "79.6%"), for labels on bars.
        public var labels: [String?]

        public init(label: String, values: [Double?], labels: [String?]) {
            self.label = label
            self.values = values
            self.labels = labels
        }
    }

    public var kind: Kind
    public var periods: [String]
    public var series: [Series]
    public var unit: DataUnit
    public var caption: [Inline]
    /// The text alternative: the author's, or one generated from the data.
    public var alt: String
    public var line: Int

    public init(kind: Kind, periods: [String], series: [Series], unit: DataUnit, caption: [Inline], alt: String, line: Int) {
        self.kind = kind
        self.periods = periods
        self.series = series
        self.unit = unit
        self.caption = caption
        self.alt = alt
        self.line = line
    }
}
