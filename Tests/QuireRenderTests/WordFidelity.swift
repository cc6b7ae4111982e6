import Foundation
import QuireTestSupport
import QuireModel

/// Words for comparing a seed's text with a PDF's extracted text: punctuation at either end
/// stripped, generated paragraph/section markers ("(1)", "(a)", "2.") and list dashes dropped.
func comparableWords(_ text: String) -> [String] {
    // A hyphen at a line end joins the word across the break ("multi-\nagency", "2017-\n2020");
    // `pdftotext -layout` keeps such hyphens (its default mode drops them, merging words).
    let joined = text.replacingOccurrences(of: #"(?<=\w)-\s*\n\s*(?=\w)"#, with: "-", options: .regularExpression)
    let edge = CharacterSet.punctuationCharacters.union(.symbols).union(.whitespaces)
    return joined.split(whereSeparator: { $0.isWhitespace }).compactMap { raw -> String? in
        let token = String(raw)
        if token.range(of: #"^\((\d+|[a-z]{1,3})\)$"#, options: .regularExpression) != nil { return nil }
        if token.range(of: #"^\d+\.$"#, options: .regularExpression) != nil { return nil }
        let word = token.trimmingCharacters(in: edge)
        return word.isEmpty ? nil : word
    }
}

/// The body of a seed: from "1. Introduction" up to its Background documents section.
func seedBody(_ seed: String) -> String {
    let lines = seed.components(separatedBy: "\n")
    let start = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("1. Introduction") } ?? 0
    let end = lines.firstIndex { $0.range(of: #"^\s*\d+\.\s+Background [Dd]ocuments"#, options: .regularExpression) != nil } ?? lines.count
    return lines[start..<end].joined(separator: "\n")
}

/// The words of every table in the body (caption, header, cells). A wrapped cell puts its
/// second line after the row's other cells in extracted text, so these are checked as a
/// multiset, not in order.
func tableWords(_ blocks: [Block]) -> [String] {
    blocks.flatMap { block -> [String] in
        switch block {
        case .table(let table):
            comparableWords(([table.caption ?? []] + table.header + table.rows.flatMap { $0 }).map(\.plainText).joined(separator: " "))
        case .list(_, let items, _): items.flatMap(tableWords)
        case .quote(let inner, _): tableWords(inner)
        default: []
        }
    }
}

/// The words of every footnote the body refers to (in text, lists, tables, captions). Notes are
/// printed at the foot of their page or under their table, not where they are referred to,
/// so these are checked as a multiset.
func noteWords(_ blocks: [Block]) -> [String] {
    blocks.flatMap { block -> [String] in
        let inlines: [[Inline]]
        switch block {
        case .heading(_, let text, _), .paragraph(let text, _): inlines = [text]
        case .table(let table): inlines = [table.caption ?? []] + table.header + table.rows.flatMap { $0 }
        case .list(_, let items, _): return items.flatMap(noteWords)
        case .quote(let inner, _): return noteWords(inner)
        default: inlines = []
        }
        return comparableWords(inlines.flatMap(\.notes).map(\.textWithNotes).joined(separator: " "))
    }
}

/// All text of the body's blocks except tables, in reading order, as the author wrote it.
func bodyText(_ blocks: [Block]) -> String {
    blocks.map { block -> String in
        switch block {
        case .heading(_, let inlines, _), .paragraph(let inlines, _): inlines.plainText
        case .list(_, let items, _): items.map(bodyText).joined(separator: "\n")
        case .table: ""
        case .quote(let inner, _): bodyText(inner)
        case .code(let code, _): code
        case .thematicBreak: ""
        case .image(_, let alt, _): alt
        case .chart(let chart): chart.caption.plainText
        }
    }.joined(separator: "\n")
}
