/// A line of running text (not in a table), with what the paragraph builder needs to know
/// about it.
struct FlowLine: Sendable {
    var line: PageLine
    var phrases: [Phrase]
    /// A paragraph gap stands above it: a blank line in a text export, more than the line
    /// spacing in a PDF, or the top of the page or of its text run.
    var gapBefore: Bool
    /// Inside a drawn box (PDF only).
    var boxed: Bool = false

    init(_ line: PageLine, route: PageRoute, gapBefore: Bool, boxed: Bool = false) {
        self.line = line
        self.phrases = splitPhrases(line, route: route)
        self.gapBefore = gapBefore
        self.boxed = boxed
    }
}

/// What every geometry pass of one document shares.
struct ReadContext: Sendable {
    var route: PageRoute
    /// The body text's font size, the most common on the pages (PDF; 0 from a text export).
    var bodySize: Double
    /// The paper's own spellings, for rejoining words hyphenated at a line end.
    var vocabulary: Set<String>
}

/// Whether a paragraph gap stands between two lines of a page: a blank row in a text export;
/// in a PDF, white space of more than 0.4 of a line's height (paragraph spacing; lines of one
/// paragraph touch or nearly do).
func hasParagraphGap(_ above: PageLine, _ below: PageLine, route: PageRoute) -> Bool {
    let gap = below.top - above.bottom
    switch route {
    case .text: return gap >= TextGrid.row - 0.5
    case .pdf: return gap > 0.4 * min(above.height, below.height)
    }
}

/// A line's text as the source shows it: a text export's spacing kept; a PDF's words one
/// space apart within a phrase and a gutter written as the spaces a text export would show.
func sourceText(_ words: [PageWord], route: PageRoute) -> String {
    var out = ""
    for (index, word) in words.enumerated() {
        if index > 0 {
            let gap = word.x0 - words[index - 1].x1
            let spaces = switch route {
            case .text: Int((gap / TextGrid.column).rounded())
            case .pdf: gap >= 0.9 * max(word.style.size, 6) ? max(2, Int((gap / (0.5 * max(word.style.size, 6))).rounded())) : 1
            }
            out += String(repeating: " ", count: max(1, spaces))
        }
        out += word.text
    }
    return out
}
