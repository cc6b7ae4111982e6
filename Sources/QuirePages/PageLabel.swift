/// A page's printed number, as its footer shows it and as the PDF's /PageLabels give it:
/// front matter in lower-case roman ("ii"), the body in figures ("3"). Kept as a number and
/// a style, so the PDF writer never has to read a number back out of text.
public enum PageLabel: Hashable, Sendable, CustomStringConvertible {
    case decimal(Int)
    /// Lower-case roman numerals.
    case roman(Int)

    public var description: String {
        switch self {
        case .decimal(let n): String(n)
        case .roman(let n): romanNumeral(n)
        }
    }

    /// The label one on from this one, in the same style.
    public var next: PageLabel {
        switch self {
        case .decimal(let n): .decimal(n + 1)
        case .roman(let n): .roman(n + 1)
        }
    }
}
