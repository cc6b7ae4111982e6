import Foundation
public import QuireModel

/// Legacy lines → a Quire source's front matter and body: header block, body, closing
/// sections; then the word check. Throws only when there is no header block at all (then
/// there is nothing to tell a paper from any other text).
public func importLegacyPaper(_ text: LegacyText, layout: String = "committee-paper") throws(QuireError) -> ImportResult {
    let file = text.file
    var ledger = WordLedger()
    let vocabulary = QuireImport.vocabulary(of: text.lines.map(\.text))
    let header = readHeaderBlock(text.lines, file: file, vocabulary: vocabulary, ledger: &ledger)
    guard header.firstLine != nil else {
        let first = text.lines.first { !$0.isBlank }
        throw QuireError(.missingField, at: SourceLocation(file: file, line: first?.number ?? 1),
                         "no header block found (no 'By:', 'To:', 'Subject:' … rows before the first section)",
                         hint: "a legacy paper starts with rows such as 'By: Name, Role' and 'Subject: …'; add them, or write the Quire source by hand")
    }
    let body = readBody(text.lines[header.bodyStart...], file: file, vocabulary: vocabulary, ledger: &ledger)
    var frontMatter = header.frontMatter
    frontMatter.layout = layout
    frontMatter[.backgroundDocuments] = .textList(body.backgroundDocuments.map { [.text($0)] })
    frontMatter.contact = body.contact

    // Lines before the header block lead the body (unnumbered, before the first section).
    let leading = header.unplaced.map { BodyBlock.paragraph(joinWrappedLines([$0.text])) }
    var result = ImportResult(file: file, frontMatter: frontMatter, body: leading + body.blocks,
                              warnings: header.warnings + body.warnings, unplaced: header.unplaced + body.unplaced,
                              furniture: text.furniture)
    checkNothingLost(&result, lines: text.lines, ledger: ledger)
    result.warnings += result.unplaced.map { ImportWarning(file: file, line: $0.line, message: "not placed: \($0.reason)") }
    let pages = Dictionary(text.lines.compactMap { line in line.page.map { (line.number, $0) } }, uniquingKeysWith: { first, _ in first })
    for index in result.warnings.indices { result.warnings[index].page = pages[result.warnings[index].line] }
    // By line, keeping the order found among warnings on the same line.
    result.warnings = result.warnings.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    return result
}

/// The defensive check: words of the legacy text that are in neither the front matter nor
/// the body (and were not dropped on purpose) mean some line slipped through every rule.
/// Such lines are added to the body's end as paragraphs and reported.
private func checkNothingLost(_ result: inout ImportResult, lines: [LegacyText.Line], ledger: WordLedger) {
    let missing = ledger.missing(input: lines, output: outputTexts(result))
    guard !missing.isEmpty else { return }
    var remaining = missing
    for line in lines where !line.isBlank {
        let lost = ledgerWords(line.text).filter { remaining[$0, default: 0] > 0 }
        guard !lost.isEmpty else { continue }
        for word in lost { remaining[word, default: 0] -= 1 }
        result.body.append(.paragraph(joinWrappedLines([line.text])))
        result.unplaced.append(UnplacedLine(line: line.number, page: line.page, text: line.text,
                                            reason: "its words (\(lost.joined(separator: ", "))) were missing from the output; added at the end of the body"))
    }
}

/// Every text the source will carry, for the word check (the date is in the ledger).
private func outputTexts(_ result: ImportResult) -> [String] {
    let m = result.frontMatter
    var texts: [String] = []
    for field in FrontMatterField.allCases {
        switch m[field] {
        case .text(let inlines)?: texts.append(inlines.plainText)
        case .textList(let entries)?: texts += entries.map(\.plainText)
        case .people(let people)?: texts += people.flatMap { [$0.name, $0.role ?? ""] }
        case .contacts(let contacts)?: texts += contacts.flatMap { [$0.name, $0.role ?? "", $0.phone ?? "", $0.email ?? ""] }
        case .rows(let rows)?: texts += rows.map(\.value.plainText)
        case .date?, .name?, .files?, .numbering?, nil: break
        }
    }
    for block in result.body {
        switch block {
        case .section(let title): texts.append(title)
        case .paragraph(let text): texts.append(text)
        case .letteredList(let items): texts += items.flatMap { [$0.text] + $0.subItems }
        case .bulletList(let items): texts += items
        }
    }
    return texts
}
