import Foundation

/// How figures are written: negatives with a minus sign or in brackets, thousands separators,
/// fixed decimals, a scale, and the unit in each figure or once in a table's column header.
/// Every field is optional; an unset field takes the default (today's en-GB style: "−£230.8",
/// "1,185", the decimals the data was given with, the unit in each figure). Styles are laid
/// over each other (layout, then data indicator, then table or column), so each level says
/// only what it changes.
///
/// The same keys are written everywhere a style is given: a layout's `figures:` section, an
/// indicator's and a ```table block's `figures:` map, a CSV's `figures` column and a Markdown
/// table's `{: …}` line.
public struct FigureStyle: Hashable, Sendable {
    /// How a negative figure is marked.
    public enum Negative: String, Hashable, Sendable, CaseIterable {
        /// "−230.8" (U+2212, the default)
        case minus
        /// "(230.8)", as finance tables print it
        case brackets
    }

    public var negative: Negative?
    /// Commas every three digits ("1,234"); on unless set off.
    public var separators: Bool?
    /// Decimals always shown; unset: as the data was written (one when a scale is set).
    public var decimals: Int?
    /// The unit label shown once in the column header ("£m", "£000s", "%"), figures then
    /// written bare; unset (or `cell`): each figure carries its own "£" or "%".
    public var unit: String?
    /// Every figure is divided by this before it is shown (1000: a value of 230800 in the
    /// data, in £000s, shows as 230.8 under "£m"). Percentages are never scaled.
    public var scale: Double?

    public init(negative: Negative? = nil, separators: Bool? = nil, decimals: Int? = nil, unit: String? = nil, scale: Double? = nil) {
        self.negative = negative
        self.separators = separators
        self.decimals = decimals
        self.unit = unit
        self.scale = scale
    }

    // MARK: - Layering

    /// This style with every field `other` sets laid over it.
    public func merging(_ other: FigureStyle?) -> FigureStyle {
        guard let other else { return self }
        return FigureStyle(negative: other.negative ?? negative, separators: other.separators ?? separators,
                           decimals: other.decimals ?? decimals, unit: other.unit ?? unit, scale: other.scale ?? scale)
    }

    // MARK: - Resolved values

    /// Negatives in brackets.
    public var usesBrackets: Bool { negative == .brackets }
    /// The header label, or nil when each figure carries its unit.
    public var unitLabel: String? { unit == nil || unit == "cell" ? nil : unit }
    /// The divisor for figures of `unit` (percentages are never scaled).
    public func divisor(for unit: DataUnit) -> Double { unit == .percent ? 1 : scale ?? 1 }
    /// Decimals to show for a figure written with `given` decimals.
    public func decimals(given: Int, unit: DataUnit) -> Int { decimals ?? (divisor(for: unit) != 1 ? 1 : given) }

    // MARK: - Reading

    /// The keys a style may set, in the order the README documents them.
    public static let keys = ["negative", "separators", "decimals", "unit", "scale"]

    /// Sets one key from its written value; a wrong key or value throws a message and a hint
    /// (the caller adds the file, line and field).
    public mutating func set(_ key: String, _ raw: String) throws(FigureStyle.Problem) {
        let value = raw.trimmingCharacters(in: .whitespaces)
        switch key {
        case "negative":
            guard let parsed = Negative(rawValue: value.lowercased()) else {
                throw Problem("'\(value)' is not a way to write negatives", hint: "write negative: brackets for (230.8) or negative: minus for −230.8")
            }
            negative = parsed
        case "separators":
            switch value.lowercased() {
            case "true", "yes", "on": separators = true
            case "false", "no", "off": separators = false
            default: throw Problem("separators must be true or false, not '\(value)'", hint: "separators: false writes 1234 instead of 1,234")
            }
        case "decimals":
            guard let parsed = Int(value), (0...6).contains(parsed) else {
                throw Problem("decimals must be a whole number from 0 to 6, not '\(value)'", hint: "decimals: 1 always writes one decimal (230.8, 12.0)")
            }
            decimals = parsed
        case "unit":
            guard !value.isEmpty else { throw Problem("unit needs a label", hint: "write e.g. unit: \"£m\", or unit: cell to keep the unit in each figure") }
            unit = value
        case "scale":
            let words: [String: Double] = ["thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9]
            guard let parsed = words[value.lowercased()] ?? Double(value.replacingOccurrences(of: ",", with: "")), parsed.isFinite, parsed > 0 else {
                throw Problem("scale must be a positive number, not '\(value)'", hint: "scale: 1000 shows 230800 as 230.8 (data in £000s shown in £m)")
            }
            scale = parsed
        default:
            let hint = nearestName(key, in: FigureStyle.keys).map { "did you mean '\($0)'?" } ?? "a figure style has \(FigureStyle.keys.joined(separator: ", "))"
            throw Problem("unknown figure style key '\(key)'", hint: hint)
        }
    }

    /// What was wrong with a style key or value, before the caller knows where it was written.
    public struct Problem: Error, Hashable, Sendable {
        public var message: String
        public var hint: String
        public init(_ message: String, hint: String) {
            self.message = message
            self.hint = hint
        }
    }
}
