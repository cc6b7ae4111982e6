import Foundation

/// What a legacy line starts with, as far as the body's structure goes. The marker's own
/// text (`written`) is what the importer drops: Quire prints numbers and letters itself.
enum LineMarker: Equatable {
    /// "1. Introduction".
    case section(number: Int, title: String, written: String)
    /// "(1)", "- (1)" or "2.1" (then `section` is 2).
    case numberedParagraph(number: Int, section: Int?, written: String, rest: String)
    /// "(a)", "- (a)", "a)"; roman "(ii)" too, which the body reader sorts out by context.
    case item(label: String, written: String, rest: String)
    /// "•", "·", "–" or "-" before a space.
    case bullet(written: String, rest: String)
    case text
}

/// Reads the marker at the start of a line. Whether it really starts a block (and is not a
/// wrapped line that happens to begin "(15)") is for the caller to judge from context.
func lineMarker(_ line: String) -> LineMarker {
    // PDF text can lose the space a layout made with a tab stop ("1.Introduction"); without a
    // space only a capital may follow, so "1.5 million" stays text.
    if let g = matchGroups(#"^\s*((\d{1,2})\.)(?:\s+|(?=\p{Lu}))(\S.*?)\s*$"#, line), let number = Int(g[1]), isHeadingTitle(g[2]) {
        return .section(number: number, title: g[2], written: g[0])
    }
    if let g = matchGroups(#"^(\s*(?:[-–•]\s*)?\((\d{1,3})\)\s*)(.*)$"#, line), let number = Int(g[1]) {
        return .numberedParagraph(number: number, section: nil, written: g[0], rest: g[2])
    }
    if let g = matchGroups(#"^(\s*(\d{1,2})\.(\d{1,3})\.?)\s+(.*)$"#, line), let section = Int(g[1]), let number = Int(g[2]) {
        return .numberedParagraph(number: number, section: section, written: g[0], rest: g[3])
    }
    // Lowercase only: a wrapped line may well start "(CSET) has been established".
    if let g = matchGroups(#"^(\s*(?:[-–•]\s*)?\(([a-z]{1,4})\)\s*|\s*([a-z])\)\s+)(.*)$"#, line), isItemLabel(g[1] + g[2]) {
        return .item(label: g[1] + g[2], written: g[0], rest: g[3])
    }
    if let g = matchGroups(#"^(\s*(?:[•·▪◦‣∙]\s*|[-–*]\s+))(.*)$"#, line) {
        return .bullet(written: g[0], rest: g[1])
    }
    return .text
}

/// A section title: short, starting with a capital or a figure, not running on like a sentence.
private func isHeadingTitle(_ title: String) -> Bool {
    guard let first = title.first, first.isUppercase || first.isNumber else { return false }
    let words = title.split(separator: " ")
    return title.count <= 90 && words.count <= 12 && !title.hasSuffix(",")
}

/// One letter, or a roman numeral up to xx.
private func isItemLabel(_ label: String) -> Bool {
    label.count == 1 || label.range(of: #"^(x{0,2})(ix|iv|v?i{0,3})$"#, options: .regularExpression) != nil
}

/// Whether an item label is roman (i, ii, …) given the letter before it: "(i)" after "(h)"
/// is the letter i, after anything else it opens sub-items; "(v)" and "(x)" likewise.
func isRoman(_ label: String, after letter: String?) -> Bool {
    guard label.range(of: #"^[ivx]+$"#, options: .regularExpression) != nil else { return false }
    if label.count > 1 { return true }
    let letterBefore = ["i": "h", "v": "u", "x": "w"][label]
    return letter != letterBefore
}
