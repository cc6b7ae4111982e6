import QuirePages

/// The /PageLabels number tree for printed page numbers ("i", "ii", "1", "2", …): a range
/// starts wherever the numbering style changes or does not count on by one. Nil when the
/// labels are just 1…N, which is what a viewer shows anyway.
func pageLabelRanges(_ labels: [PageLabel]) -> [(start: Int, style: String, first: Int)]? {
    if labels.enumerated().allSatisfy({ $0.element == .decimal($0.offset + 1) }) { return nil }
    var ranges: [(start: Int, style: String, first: Int)] = []
    for (index, label) in labels.enumerated() {
        if index > 0, labels[index - 1].next == label { continue }
        switch label {
        case .decimal(let n): ranges.append((index, "D", n))
        case .roman(let n): ranges.append((index, "r", n))
        }
    }
    return ranges
}
