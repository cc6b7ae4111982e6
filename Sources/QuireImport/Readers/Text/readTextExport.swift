import Foundation
/// The grid a text export's characters sit on, in points: pdftotext's layout mode puts each
/// word at the character column nearest its position, so a column stands for about 6 pt of the
/// page (half an 11 or 12 pt font's em) and a line for 12 pt. Only the ratio matters to the
/// geometry passes; the points make a text export's indents comparable with a PDF's.
enum TextGrid {
    static let column = 6.0
    static let row = 12.0
}

/// A text export (`pdftotext -layout`, or any plain text) as pages of positioned words: a
/// form feed starts a page, each character is one column, each line one row. Words are runs of
/// non-blank characters; tabs advance to the next multiple of 8 columns, as a terminal shows them.
/// Blank lines leave their row empty, which is how the geometry passes see paragraph gaps.
func readTextExport(_ text: String) -> [ReadPage] {
    let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    var pages: [ReadPage] = []
    var lines: [PageLine] = []
    var row = 0
    func finishPage() {
        pages.append(ReadPage(number: pages.count + 1, width: 0, height: Double(row) * TextGrid.row, route: .text, lines: lines))
        lines = []
        row = 0
    }
    for (index, raw) in normalised.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let pieces = raw.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        for (pieceIndex, piece) in pieces.enumerated() {
            if pieceIndex > 0 { finishPage() }
            let words = gridWords(piece, row: row, page: pages.count + 1)
            if !words.isEmpty { lines.append(PageLine(words: words, number: index + 1, page: pages.count + 1)) }
        }
        row += 1
    }
    // pdftotext ends every page, the last one too, with a form feed: an empty page after the
    // last one is not a page.
    if !lines.isEmpty || pages.isEmpty { finishPage() }
    let width = pages.flatMap(\.lines).map(\.x1).max() ?? 0
    return pages.map { page in
        var page = page
        page.width = width
        return page
    }
}

/// The words of one line with their grid boxes.
private func gridWords(_ line: Substring, row: Int, page: Int) -> [PageWord] {
    var words: [PageWord] = []
    var column = 0
    var current = ""
    var start = 0
    func finish() {
        guard !current.isEmpty else { return }
        words.append(PageWord(text: current, x0: Double(start) * TextGrid.column, x1: Double(column) * TextGrid.column,
                              top: Double(row) * TextGrid.row, bottom: Double(row + 1) * TextGrid.row, style: .unknown))
        current = ""
    }
    for character in line {
        if character == "\t" {
            finish()
            column = (column / 8 + 1) * 8
        } else if character.isWhitespace {
            finish()
            column += 1
        } else {
            if current.isEmpty { start = column }
            current.append(character)
            column += 1
        }
    }
    finish()
    return words
}
