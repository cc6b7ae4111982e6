import QuireModel
import Testing

/// en-GB figures and the words for a change, as annual reports write them.
@Suite struct FigureFormattingTests {
    @Test(arguments: [
        (1185.0, 0, DataUnit.count, "1,185"), (959, 0, .count, "959"), (24000, 0, .count, "24,000"),
        (1_234_567, 0, .count, "1,234,567"), (79.6, 1, .percent, "79.6%"), (83.4, 1, .percent, "83.4%"),
        (1234.5, 2, .currency, "£1,234.50"), (-427, 0, .count, "\u{2212}427"), (0.05, 1, .count, "0.1"),
    ])
    func formats(number: Double, decimals: Int, unit: DataUnit, expected: String) {
        #expect(formatFigure(number, decimals: decimals, unit: unit) == expected)
    }

    @Test func increaseAndReduction() {
        let v = { (n: Double) in DataValue(number: n, decimals: 0, line: 1) }
        #expect(describeChange(from: v(1049), to: v(1185), unit: .count) == "an increase of 136")
        #expect(describeChange(from: v(2320), to: v(1893), unit: .count) == "a reduction of 427")
        #expect(describeChange(from: v(12), to: v(12), unit: .count) == "no change")
        let p = { (n: Double) in DataValue(number: n, decimals: 1, line: 1) }
        #expect(describeChange(from: p(83.4), to: p(79.6), unit: .percent) == "a reduction of 3.8 percentage points")
    }
}
