public import Foundation
public import QuireModel

// INTERIM: builds an `ImportDocument` from the old line reader (`readLegacyText`: text, or PDF
// lines through poppler) so `quire import` and the rules' end-to-end tests run before the
// page helper's readers (`Readers/`, `readImportDocument`) land. It knows nothing of columns,
// tables or type; it goes when `readImportDocument` is merged.

/// Reads a legacy paper's bytes (a PDF or UTF-8 text) into the import model, line-based.
public func readLegacyDocument(_ data: Data, file: String) throws(QuireError) -> ImportDocument {
    legacyDocument(try readLegacyText(data, file: file))
}

/// Lines → paragraphs: a paragraph ends at a blank line, and a new one starts at a line that
/// opens with a marker ("(1)", "- (2)", "1.1", "a)", "•") or with a header label ("Date:",
/// "To\t"). The marker is split off; lines are joined (`joinWrappedLines`).
func legacyDocument(_ text: LegacyText) -> ImportDocument {
    let vocabulary = QuireImport.vocabulary(of: text.lines.map(\.text))
    var blocks: [ImportBlock] = []
    var current: [LegacyText.Line] = []
    var blankBefore = true
    var currentBlankBefore = true
    func finish(blankAfter: Bool) {
        guard let first = current.first else { return }
        var lines = current.map(\.text)
        var marker: String?
        var markerIndent: Double?
        let leading = Double(first.text.prefix { $0 == " " }.count) * 6
        let textIndent = leading
        if let (found, rest) = legacyMarker(first.text) {
            marker = found
            markerIndent = leading
            lines[0] = rest
        }
        let joined = joinWrappedLines(lines, vocabulary: vocabulary)
        let paragraph = ImportParagraph(inlines: joined.isEmpty ? [] : [.text(joined)], marker: marker, lines: current.map(\.text),
                                        place: SourcePlace(line: first.number, page: first.page), indent: textIndent, markerIndent: markerIndent,
                                        isolated: currentBlankBefore && blankAfter)
        blocks.append(.paragraph(paragraph))
        current = []
    }
    for line in text.lines {
        if line.isBlank {
            finish(blankAfter: true)
            blankBefore = true
            continue
        }
        // A label line starts a paragraph, unless the lines so far are two columns (a label
        // wrapped over two lines beside its value).
        let twoColumns = current.last.map { $0.text.range(of: #"\S\s{3,}\S"#, options: .regularExpression) != nil } ?? false
        if !current.isEmpty, legacyMarker(line.text) != nil || (startsWithLabel(line.text) && !twoColumns) {
            finish(blankAfter: false)
            blankBefore = false
        }
        if current.isEmpty { currentBlankBefore = blankBefore }
        current.append(line)
        blankBefore = false
    }
    finish(blankAfter: true)
    let furniture = text.furniture.map { SourceText(text: $0.text, place: SourcePlace(line: $0.line, page: $0.page), reason: $0.reason) }
    return ImportDocument(file: text.file, blocks: blocks, furniture: furniture)
}

/// A marker opening a line, and the text after it.
private func legacyMarker(_ line: String) -> (String, String)? {
    let trimmed = tidiedText(line)
    if let g = matchGroups(#"^((?:[-–•]\s*)?\(\d{1,3}\)|\d{1,2}\.\d{1,3}\.?|\d{1,2}\.(?=\s|\p{Lu})|\(?[a-z]\)|\([ivx]{1,5}\)|[•·▪◦]|[-–*](?=\s))\s*(\S.*)$"#, trimmed) {
        return (g[0], g[1])
    }
    return nil
}

/// "Date:", "To\t…": a registry label opening a line.
private func startsWithLabel(_ line: String) -> Bool {
    guard let found = runInLabel(line) else { return false }
    return found.label.field != nil
}
