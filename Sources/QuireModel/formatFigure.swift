/// en-GB figures: thousands separators, the decimals the data was given with, "%" for
/// percentages and "£" for money; a minus sign (U+2212) for negatives.
public func formatFigure(_ number: Double, decimals: Int, unit: DataUnit) -> String {
    let digits = groupedDigits(abs(number), decimals: decimals)
    let sign = number < 0 && digits.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "\u{2212}" : ""
    switch unit {
    case .count: return sign + digits
    case .percent: return sign + digits + "%"
    case .currency: return sign + "£" + digits
    }
}

/// The magnitude rounded half away from zero, with commas every three digits.
private func groupedDigits(_ magnitude: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (magnitude * scale).rounded(.toNearestOrAwayFromZero)
    let whole = Int64(scaled / scale)
    let fraction = Int64(scaled) - whole * Int64(scale)
    var text = String(whole)
    var grouped = ""
    while text.count > 3 {
        grouped = "," + text.suffix(3) + grouped
        text = String(text.dropLast(3))
    }
    grouped = text + grouped
    guard decimals > 0 else { return grouped }
    let fractionText = String(fraction)
    return grouped + "." + String(repeating: "0", count: decimals - fractionText.count) + fractionText
}

/// "an increase of 136", "a reduction of 427", "no change"; percentages change in
/// percentage points.
public func describeChange(from old: DataValue, to new: DataValue, unit: DataUnit) -> String {
    let decimals = max(old.decimals, new.decimals)
    let difference = new.number - old.number
    let size = formatFigure(abs(difference), decimals: decimals, unit: unit == .percent ? .count : unit)
    if formatFigure(abs(difference), decimals: decimals, unit: .count) == formatFigure(0, decimals: decimals, unit: .count) {
        return "no change"
    }
    let points = unit == .percent ? " percentage points" : ""
    return (difference > 0 ? "an increase of " : "a reduction of ") + size + points
}
