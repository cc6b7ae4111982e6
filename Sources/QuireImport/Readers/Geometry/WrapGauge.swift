/// Tells a wrapped line from a short one: a line wrapped when the next line's first word would
/// not have fitted after it. That needs where the line really ends and how wide the word really
/// is: a PDF says (`PageWord` boxes); a text export only says where each run of words starts,
/// so its ends and widths are estimated from the characters (`estimatedWidth`), scaled to
/// the page's own columns.
struct WrapGauge: Sendable {
    var route: PageRoute
    /// Text export only: estimated thousandths of an em per character column on this page.
    var perColumn: Double
    /// Where the text column ends, in the gauge's units (`end(of:)`).
    var right: Double

    /// A gauge for lines set in one text column, its right edge where the longest of them ends.
    init(route: PageRoute, lines: [PageLine], fallbackRight: Double? = nil) {
        self.route = route
        var estimated = 0.0, columns = 0.0
        if route == .text {
            for line in lines {
                for phrase in splitPhrases(line, route: route) {
                    estimated += estimatedWidth(phrase.text)
                    columns += Double(phrase.text.count)
                }
            }
        }
        perColumn = columns > 0 ? estimated / columns : 500
        right = 0
        let ends = lines.map { end(of: $0) }
        right = ends.max() ?? 0
        if let fallbackRight, lines.count < 5 { right = max(right, fallbackRight) }
    }

    /// A gauge for lines set in a column known to end at `right` (a table column, which ends
    /// before the next one starts).
    init(route: PageRoute, lines: [PageLine], right: Double) {
        self.init(route: route, lines: lines)
        self.right = max(self.right, right)
    }

    /// Where a line's last word ends.
    func end(of line: PageLine) -> Double {
        switch route {
        case .pdf: return line.x1
        case .text:
            guard let last = splitPhrases(line, route: route).last else { return 0 }
            return last.x0 + width(last.text)
        }
    }

    /// How wide a word (or run of words) is set.
    func width(_ word: PageWord) -> Double { route == .pdf ? word.width : width(word.text) }

    private func width(_ text: String) -> Double { estimatedWidth(text) / perColumn * TextGrid.column }

    /// A word space on a line.
    func space(_ line: PageLine) -> Double {
        route == .pdf ? 0.28 * (line.size > 0 ? line.size : 10) : TextGrid.column
    }

    /// Whether `line` ended because `next`'s first word would not fit after it, or broke a
    /// word with a hyphen ("safe-" above "guarding").
    func wraps(_ line: PageLine, into next: PageLine) -> Bool {
        guard let word = next.words.first else { return false }
        if let last = line.words.last?.text, last.count > 1, last.hasSuffix("-"), last.dropLast().last?.isLetter == true,
           word.text.first?.isLowercase == true { return true }
        let tolerance = route == .pdf ? 2 + space(line) : 0.03 * right + TextGrid.column
        return end(of: line) + space(line) + width(word) > right - tolerance
    }
}
