import Foundation
import QuireModel

/// Which columns of a table hold figures, and in what style, so the source's own way of
/// writing them survives the layout's figure formatting: "(12.0)" negatives mean
/// `negative: brackets`, figures of four digits or more written without commas mean
/// `separators: false`.
///
/// A figure column: every cell below the header rows is a figure ("1,234", "£5.2", "12%",
/// "(12.0)", "-3"), empty, or a lone dash, and at least one is a figure. A column of years
/// ("2024") is not one (the layout would print "2,024"), nor a column mixing "(3)" and "-3"
/// (one style would rewrite the other): such columns are kept as written, right-aligned
/// only where the source aligned them.
func figureColumns(_ grid: [[[Inline]]], headerRows: Int, width: Int) -> [FigureStyle?] {
    (0..<width).map { column in
        // The parser reads every row after the first as a figure row, so a second header row
        // ("2024/25") must be empty in a figure column, or the column is kept as written.
        let heads = grid.dropFirst().prefix(max(0, headerRows - 1)).map { column < $0.count ? tidiedText($0[column].plainText) : "" }
        guard heads.allSatisfy({ $0.isEmpty }) else { return nil }
        let cells = grid.dropFirst(headerRows).map { column < $0.count ? tidiedText($0[column].plainText) : "" }
        var figures: [(text: String, figure: WrittenFigure)] = []
        for cell in cells where !cell.isEmpty && !["-", "–", "—"].contains(cell) {
            guard let figure = readFigure(cell) else { return nil }
            figures.append((cell, figure))
        }
        guard !figures.isEmpty else { return nil }
        let texts = figures.map(\.text)
        if texts.allSatisfy({ $0.count == 4 && $0.allSatisfy(\.isNumber) && (1900...2100).contains(Int($0) ?? 0) }) { return nil }
        let brackets = texts.contains { $0.hasPrefix("(") }
        let minus = texts.contains { $0.hasPrefix("-") || $0.hasPrefix("\u{2212}") }
        if brackets && minus { return nil }
        // Each figure keeps its own "£" or "%", and no unit label is added under the header
        // (a layout's unit would print text the source never had).
        var style = FigureStyle(unit: "cell")
        if brackets { style.negative = .brackets }
        let large = texts.filter { text in text.filter(\.isNumber).count - (text.split(separator: ".").dropFirst().first?.count ?? 0) >= 4 }
        if !large.isEmpty, large.allSatisfy({ !$0.contains(",") }) { style.separators = false }
        if large.contains(where: { $0.contains(",") }), large.contains(where: { !$0.contains(",") }) { return nil }
        return style
    }
}
