/// en-GB figures: thousands separators, the decimals the data was given with, "%" for
/// percentages and "£" for money; a minus sign (U+2212) for negatives. `style` changes any
/// of that (brackets, fixed decimals, a scale, the unit left to the column header); `inText`
/// writes a figure for running text, where a header label cannot be seen, so the label goes
/// into the figure ("£230.8m").
public func formatFigure(_ number: Double, decimals: Int, unit: DataUnit, style: FigureStyle = FigureStyle(), inText: Bool = false) -> String {
    let value = number / style.divisor(for: unit)
    let digits = roundedDigits(abs(value), decimals: style.decimals(given: decimals, unit: unit), separators: style.separators ?? true)
    // A figure that rounds to zero has no sign: "0.0", never "−0.0" or "(0.0)".
    let negative = value < 0 && digits.contains(where: { ("1"..."9").contains($0) })
    let (before, after) = unitAffixes(unit, style: style, inText: inText)
    let body = before + digits + after
    guard negative else { return body }
    return style.usesBrackets ? "(" + body + ")" : "\u{2212}" + body
}

/// What goes before and after the digits: the unit's own symbol when each figure carries it;
/// nothing in a table column whose header shows the label; in text, the label worked into
/// the figure ("£m" → "£230.8m", "%" → "12.5%", other labels after a space: "230 beds").
private func unitAffixes(_ unit: DataUnit, style: FigureStyle, inText: Bool) -> (String, String) {
    guard let label = style.unitLabel else {
        switch unit {
        case .count: return ("", "")
        case .percent: return ("", "%")
        case .currency: return ("£", "")
        }
    }
    guard inText else { return ("", "") }
    if label == "%" { return ("", "%") }
    if label.hasPrefix("£") {
        let rest = String(label.dropFirst())
        let words: [String: String] = ["000s": "k", "000": "k", "k": "k", "m": "m", "bn": "bn", "": ""]
        return ("£", words[rest] ?? " " + rest)
    }
    return ("", " " + label)
}

/// The magnitude rounded half away from zero at `decimals` places, as its decimal digits
/// (so 1.005 rounds to 1.01, as written, not to the binary 1.00499…), with commas every three
/// digits unless `separators` is off. Works on the digit string, so no size of figure traps.
func roundedDigits(_ magnitude: Double, decimals: Int, separators: Bool = true) -> String {
    var (digits, point) = decimalDigits(magnitude)
    // Pad so there are `decimals` digits after the point and one before it.
    if point < 1 {
        digits = Array(repeating: 0, count: 1 - point) + digits
        point = 1
    }
    if digits.count < point + decimals { digits += Array(repeating: 0, count: point + decimals - digits.count) }
    // Round at the place after the last kept digit.
    let keep = point + decimals
    if keep < digits.count, digits[keep] >= 5 {
        var index = keep - 1
        while index >= 0 {
            if digits[index] < 9 {
                digits[index] += 1
                break
            }
            digits[index] = 0
            index -= 1
        }
        if index < 0 {
            digits.insert(1, at: 0)
            point += 1
        }
    }
    let kept = digits.prefix(point + decimals)
    var whole = String(kept.prefix(point).map { Character(String($0)) })
    while whole.count > 1, whole.hasPrefix("0") { whole.removeFirst() }
    if separators {
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        whole += grouped
    }
    guard decimals > 0 else { return whole }
    return whole + "." + String(kept.suffix(decimals).map { Character(String($0)) })
}

/// The shortest decimal digits that read back as `magnitude` (Swift's own description), and
/// where the decimal point falls among them: 230.8 → ([2, 3, 0, 8], 3); 1e-05 → ([1], -4).
private func decimalDigits(_ magnitude: Double) -> (digits: [Int], point: Int) {
    let text = "\(magnitude)"
    var mantissa = Substring(text), exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        mantissa = text[..<e]
        exponent = Int(text[text.index(after: e)...]) ?? 0
    }
    var digits: [Int] = []
    var point: Int?
    for ch in mantissa {
        if ch == "." {
            point = digits.count
        } else if let d = ch.wholeNumberValue {
            digits.append(d)
        }
    }
    return (digits, (point ?? digits.count) + exponent)
}

/// "an increase of 136", "a reduction of 427", "no change"; percentages change in
/// percentage points. The size follows `style` as a figure in text does.
public func describeChange(from old: DataValue, to new: DataValue, unit: DataUnit, style: FigureStyle = FigureStyle()) -> String {
    let decimals = max(old.decimals, new.decimals)
    let difference = new.number - old.number
    var sized = style
    if unit == .percent {  // points, not percent: no "%" on the size, and never scaled
        sized.unit = "cell"
        sized.scale = nil
    }
    let shown = unit == .percent ? DataUnit.count : unit
    let digits = roundedDigits(abs(difference) / sized.divisor(for: shown), decimals: sized.decimals(given: decimals, unit: shown))
    if !digits.contains(where: { ("1"..."9").contains($0) }) { return "no change" }
    let size = formatFigure(abs(difference), decimals: decimals, unit: shown, style: sized, inText: true)
    let points = unit == .percent ? " percentage points" : ""
    return (difference > 0 ? "an increase of " : "a reduction of ") + size + points
}
