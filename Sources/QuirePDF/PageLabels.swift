import QuirePages

/// The /PageLabels number tree for printed page numbers ("i", "ii", "1", "2", …): a range
/// starts wherever the numbering style changes or does not count on by one. Nil when the
/// labels are just 1…N, which is what a viewer shows anyway.
func pageLabelRanges(_ labels: [String]) -> [(start: Int, style: String?, first: Int, prefix: String?)]? {
    enum Number: Equatable {
        case decimal(Int), roman(Int), text(String)
    }
    func number(_ label: String) -> Number {
        if let value = Int(label), value > 0, String(value) == label { return .decimal(value) }
        if let value = romanValue(label) { return .roman(value) }
        return .text(label)
    }
    let numbers = labels.map(number)
    if numbers.enumerated().allSatisfy({ $0.element == .decimal($0.offset + 1) }) { return nil }
    var ranges: [(start: Int, style: String?, first: Int, prefix: String?)] = []
    for (index, value) in numbers.enumerated() {
        let previous = index > 0 ? numbers[index - 1] : nil
        switch (value, previous) {
        case (.decimal(let n), .decimal(let p)?) where n == p + 1: continue
        case (.roman(let n), .roman(let p)?) where n == p + 1: continue
        case (.decimal(let n), _): ranges.append((index, "D", n, nil))
        case (.roman(let n), _): ranges.append((index, "r", n, nil))
        case (.text(let text), _): ranges.append((index, nil, 1, text))
        }
    }
    return ranges
}

/// The value of a lower-case roman numeral written canonically ("iv", not "iiii").
func romanValue(_ text: String) -> Int? {
    let values: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000]
    guard !text.isEmpty, text.count < 16 else { return nil }
    var total = 0
    let digits = text.map { values[$0] }
    guard !digits.contains(nil) else { return nil }
    let numbers = digits.map { $0! }
    for (index, value) in numbers.enumerated() {
        total += index + 1 < numbers.count && numbers[index + 1] > value ? -value : value
    }
    return total > 0 && romanNumeral(total) == text ? total : nil
}

