import Foundation
import QuireModel

/// The import's own check that nothing was lost and nothing written twice, both ways:
/// - every word of the source (its blocks, and the furniture the reader set aside) is in the
///   written paper, in the furniture list, or among the text the rules took out on purpose
///   (labels, printed numbers, a date now in ISO form);
/// - every word of the written paper is a word of the source, as many times as the source has
///   it (a line written twice, or text invented, shows as words too many);
/// - the body's words come in the source's order.
/// Words compare as lower-case letters and digits, so moved punctuation and escapes do not
/// count. The paper checked is the written source read back, so the writer is checked too.
struct LedgerFindings {
    /// Source blocks with words missing from the output, and which words.
    var missing: [(place: SourcePlace, text: String, words: [String])] = []
    /// Output words the source does not have so many times.
    var extra: [String] = []
    /// Body words out of the source's order.
    var outOfOrder: [String] = []
    /// Output paragraphs written more than once where the source has them once.
    var repeated: [String] = []
    var sourceWords = 0
    var droppedWords = 0
    var furnitureWords = 0

    var isClean: Bool { missing.isEmpty && extra.isEmpty && outOfOrder.isEmpty && repeated.isEmpty }
}

/// A text's words as the ledger compares them: lowercase, letters and digits only, split at
/// white space and colons (a PDF may run a label into its value: "From:Alex").
func ledgerWords(_ text: String) -> [String] {
    text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{00A0}" || $0 == ":" }).compactMap { token in
        let word = String(token.lowercased().filter { $0.isLetter || $0.isNumber })
        return word.isEmpty ? nil : word
    }
}

func checkLedger(_ document: ImportDocument, written paper: Paper, dropped: [DroppedText], added: [String]) -> LedgerFindings {
    var findings = LedgerFindings()
    let sourceBlocks = document.blocks.map(sourceTexts)
    let sourceSequence = sourceBlocks.flatMap { $0.flatMap(\.text).flatMap(ledgerWords) }
    findings.sourceWords = sourceSequence.count
    findings.furnitureWords = document.furniture.flatMap { ledgerWords($0.text) }.count
    let droppedWords = dropped.flatMap { ledgerWords($0.text) }
    findings.droppedWords = droppedWords.count
    let headerWords = frontMatterTexts(paper.frontMatter).flatMap(ledgerWords)
    let bodyTexts = paper.body.flatMap(blockTexts)
    let bodyWords = bodyTexts.flatMap(ledgerWords)

    // Nothing lost.
    var remaining = counts(sourceSequence)
    for word in droppedWords + headerWords + bodyWords { remaining[word, default: 0] -= 1 }
    var lost = remaining.filter { $0.value > 0 }
    if !lost.isEmpty {
        // A word short in the count is blamed on a block whose words do not stand, in their
        // order, in the output (a block written whole is not the one lost, even if it holds the
        // word); only if that leaves words unexplained are the other blocks blamed.
        let output = " " + (headerWords + bodyWords + droppedWords).joined(separator: " ") + " "
        for blameWritten in [false, true] where !lost.isEmpty {
            for (block, texts) in zip(document.blocks, sourceBlocks) {
                let all = texts.flatMap(\.text).flatMap(ledgerWords)
                let words = all.filter { lost[$0, default: 0] > 0 }
                guard !words.isEmpty, blameWritten || !output.contains(" " + all.joined(separator: " ") + " ") else { continue }
                for word in words { lost[word, default: 0] -= 1 }
                findings.missing.append((place(of: block), texts.flatMap(\.text).joined(separator: " "), words))
            }
        }
        findings.missing.sort { $0.place.line < $1.place.line }
    }
    // Nothing twice, nothing invented.
    var available = counts(sourceSequence)
    for word in droppedWords { available[word, default: 0] -= 1 }
    for word in added.flatMap(ledgerWords) { available[word, default: 0] += 1 }
    for word in headerWords + bodyWords {
        available[word, default: 0] -= 1
        if available[word]! < 0 { findings.extra.append(word) }
    }
    // In order: the body's words are a subsequence of the source's.
    // (Renumbered references aside: their new numbers are in no source order.)
    let renumbered = Set(added.flatMap(ledgerWords))
    findings.outOfOrder = bodyWords.difference(from: sourceSequence).insertions.compactMap {
        if case .insert(_, let word, _) = $0, !renumbered.contains(word) { word } else { nil }
    }
    // No paragraph twice.
    let sourceParagraphs = counts(sourceBlocks.flatMap { $0.flatMap(\.text) }.map { ledgerWords($0).joined(separator: " ") })
    var seen: [String: Int] = [:]
    for text in bodyTexts {
        let key = ledgerWords(text).joined(separator: " ")
        guard key.split(separator: " ").count >= 4 else { continue }
        seen[key, default: 0] += 1
        if seen[key]! > max(1, sourceParagraphs[key] ?? 0) { findings.repeated.append(text) }
    }
    return findings
}

private func counts(_ words: [String]) -> [String: Int] {
    var out: [String: Int] = [:]
    for word in words { out[word, default: 0] += 1 }
    return out
}

/// A source block's texts: a paragraph's marker and text; a table's cells; an image's alt.
private func sourceTexts(_ block: ImportBlock) -> [(place: SourcePlace, text: [String])] {
    switch block {
    case .paragraph(let p): [(p.place, [p.marker, p.text].compactMap { $0 })]
    case .table(let t): t.rows.flatMap { $0.flatMap(\.paragraphs) }.map { ($0.place, [$0.marker, $0.text].compactMap { $0 }) }
    case .image(let i): [(i.place, [i.alt])]
    }
}

private func place(of block: ImportBlock) -> SourcePlace {
    switch block {
    case .paragraph(let p): p.place
    case .table(let t): t.place
    case .image(let i): i.place
    }
}

/// Every text the front matter carries (the date is ISO, so not compared).
func frontMatterTexts(_ m: FrontMatter) -> [String] {
    var texts: [String] = []
    for field in FrontMatterField.allCases where field != .layout && field != .importedFrom && field != .language {
        switch m[field] {
        case .text(let inlines)?: texts.append(inlines.plainText)
        case .textList(let entries)?: texts += entries.map(\.plainText)
        case .people(let people)?: texts += people.flatMap { [$0.name, $0.role ?? ""] }
        case .contacts(let contacts)?: texts += contacts.flatMap { [$0.name, $0.role ?? "", $0.phone ?? "", $0.email ?? ""] }
        case .rows(let rows)?: texts += rows.flatMap { [$0.label, $0.value.plainText] }
        case .date?, .name?, .files?, .numbering?, nil: break
        }
    }
    return texts
}

/// A body block's texts in reading order.
func blockTexts(_ block: Block) -> [String] {
    switch block {
    case .heading(_, let inlines, _), .paragraph(let inlines, _): [inlines.plainText]
    case .list(_, let items, _): items.flatMap { $0.flatMap(blockTexts) }
    case .table(let table): (table.caption.map { [$0.plainText] } ?? []) + ([table.header] + table.rows).flatMap { $0.map(\.plainText) }
    case .quote(let blocks, _): blocks.flatMap(blockTexts)
    case .code(let code, _): [code]
    case .image(_, let alt, _): [alt]
    case .thematicBreak, .chart: []
    }
}
