import Foundation

/// A figure as a person typed it: "1,185", "79.6%", "£1,234.50", "-230.8", "−230.8",
/// "(230.8)". Data files and the cells of a Markdown table's figure columns are read with it.
public struct WrittenFigure: Hashable, Sendable {
    public var number: Double
    /// Decimals as written ("79.60" has two).
    public var decimals: Int
    /// The unit its symbol says: "£" currency, "%" percent, none a count.
    public var unit: DataUnit
    /// Whether a unit symbol was written at all.
    public var hasSymbol: Bool
}

/// Reads one written figure; nil when the text is anything else (a word, "2016-17", "1,2",
/// two numbers). A sign may be a hyphen, a minus (U+2212) or brackets, not two of them.
public func readFigure(_ raw: String) -> WrittenFigure? {
    var text = Substring(raw.trimmingCharacters(in: .whitespaces))
    var negative = false
    if text.hasPrefix("("), text.hasSuffix(")") {
        negative = true
        text = text.dropFirst().dropLast()
    }
    if let first = text.first, first == "-" || first == "\u{2212}" || first == "+" {
        guard !negative || first == "+" else { return nil }
        negative = first != "+"
        text = text.dropFirst()
    }
    var unit = DataUnit.count, hasSymbol = false
    if text.hasPrefix("£") {
        unit = .currency
        hasSymbol = true
        text = text.dropFirst()
    } else if text.hasSuffix("%") {
        unit = .percent
        hasSymbol = true
        text = text.dropLast()
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty else { return nil }
    let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
    // Commas only between groups of three: "1,234" is a figure, "1,2" is not.
    guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
          groups.count == 1 || (groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 }) else { return nil }
    let fraction = parts.count == 2 ? parts[1] : ""
    guard parts.count == 1 || (!fraction.isEmpty && fraction.allSatisfy(\.isASCIIDigit)) else { return nil }
    let digits = groups.joined() + (fraction.isEmpty ? "" : "." + fraction)
    guard let magnitude = Double(digits), magnitude.isFinite else { return nil }
    return WrittenFigure(number: negative ? -magnitude : magnitude, decimals: fraction.count, unit: unit, hasSymbol: hasSymbol)
}

/// Where a printed figure's parts fall in its text, as UTF-8 offsets, for lining figures up
/// on the decimal point: "(1,234.5)" has its integer part end before ".", its digits end
/// before ")", and closes a bracket. Anything may come before the digits that is a sign, a
/// bracket or a currency symbol; anything without digits may follow ("%", " pts", ")").
public struct FigureParts: Hashable, Sendable {
    /// Just past the integer part: where the decimal point is, or would be.
    public var integerEnd: Int
    /// Just past the last digit.
    public var digitsEnd: Int
    /// What follows the digits, a closing bracket left out: figures line up among others
    /// with the same suffix ("%" with "%", none with none).
    public var suffix: String
    /// Ends with ")": a bracketed negative.
    public var closesBracket: Bool

    /// The parts of `text`, or nil when it is not one figure.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        // Before the digits: brackets, signs, currency symbols, spaces.
        let leading: Set<String> = ["(", "-", "\u{2212}", "+", "£", "$", "€", " "]
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next(), !("0"..."9").contains(Character(scalar)) {
            guard leading.contains(String(scalar)) else { return nil }
            index += String(scalar).utf8.count
        }
        guard index < bytes.count else { return nil }
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        while index < bytes.count, isDigit(bytes[index]) || (bytes[index] == 0x2C && index + 1 < bytes.count && isDigit(bytes[index + 1])) { index += 1 }
        integerEnd = index
        if index + 1 < bytes.count, bytes[index] == 0x2E, isDigit(bytes[index + 1]) {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        digitsEnd = index
        var tail = String(decoding: bytes[index...], as: UTF8.self)
        guard !tail.contains(where: \.isNumber) else { return nil }
        closesBracket = tail.hasSuffix(")")
        if closesBracket { tail.removeLast() }
        suffix = tail
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
