public import QuireModel

/// Checks a numeric command-line option against the range it allows, naming the option and
/// the range: `nan` and the infinities parse as numbers but are never in range, so they are
/// refused here rather than crashing later (a conversion to an integer traps).
public func checkOption(_ value: Double, _ name: String, in range: ClosedRange<Double>, unit: String = "") throws(QuireError) {
    guard value.isFinite, range.contains(value) else {
        throw QuireError(.invalidValue, at: nil, field: name,
                         "\(name) must be a number from \(shown(range.lowerBound)) to \(shown(range.upperBound))\(unit.isEmpty ? "" : " " + unit), not \(value)")
    }
}

/// `checkOption` for a whole-number option.
public func checkOption(_ value: Int, _ name: String, in range: ClosedRange<Int>, unit: String = "") throws(QuireError) {
    guard range.contains(value) else {
        throw QuireError(.invalidValue, at: nil, field: name,
                         "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)\(unit.isEmpty ? "" : " " + unit), not \(value)")
    }
}

/// 24 rather than 24.0; 0.5 as it is.
private func shown(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
