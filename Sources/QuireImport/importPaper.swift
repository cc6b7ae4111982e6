public import Foundation
public import QuireModel
import QuireSource

/// An `ImportDocument` (from any reader: PDF, text export, Word) as a Quire paper: the
/// header block into front matter, the body into blocks with the source's numbering kept,
/// the closing sections into front matter, the layout picked so the source renders, and the
/// word ledger's check. `layout` names the layout (`--layout`); nil picks the closest of
/// `profiles`. Throws only for input that holds no paper: no header block at all, or
/// nothing after it.
public func importPaper(_ document: ImportDocument, layout: String? = nil, profiles: [LayoutProfile] = [.committeePaper]) throws(QuireError) -> ImportResult {
    var notes = Notes(file: document.file)
    notes.append(document.warnings)
    let evidence = TypeEvidence(document)
    let vocabulary = QuireImport.vocabulary(of: document.allParagraphs.map(\.text))
    // Lines a reader left apart that go on with the line above, dashes before numbers, and
    // tables carried over a page break.
    var document = document
    document.blocks = joinContinuedTables(joinDashedNumbers(joinContinuedLines(document.blocks, vocabulary: vocabulary)))

    // The header block.
    let header = readHeaderBlock(document.blocks, evidence: evidence)
    guard let firstRow = header.rows.first else {
        let place = document.blocks.first.map(placeOf) ?? SourcePlace(line: 1)
        throw QuireError(.missingField, at: SourceLocation(file: document.file, line: place.line),
                         "no header block found (no 'By:', 'To:', 'Subject:' … rows before the first section)",
                         hint: "a committee paper opens with rows such as 'To: Cabinet' and 'Subject: …'; add them, or write the Quire source by hand")
    }
    var matter = FrontMatter()
    let stored = storeHeaderRows(header.rows, in: &matter, notes: &notes, vocabulary: vocabulary)
    takeDateFromTo(&matter, rows: header.rows, notes: &notes)
    takeMarking(document.marking, into: &matter, notes: &notes, place: firstRow.place)

    // The body: what stood before the header first (a council's name, a title), as plain
    // paragraphs, then the blocks after it.
    var unplaced: [SourceText] = []
    let preamble = header.preamble.map { block -> BodyUnit in
        if case .paragraph(let p) = block {
            unplaced.append(SourceText(text: p.text, place: p.place, reason: "before the header block; kept at the start of the body"))
            return .paragraph(p, nil)
        }
        return readBodyUnits([block], evidence: evidence)[0]
    }
    let units = preamble + readBodyUnits(document.blocks[header.bodyStart...], evidence: evidence)
    let closing = takeClosingSections(units, notes: &notes)
    matter[.backgroundDocuments] = .textList(matter.textList(.backgroundDocuments) + closing.backgroundDocuments)
    matter.contact += closing.contacts
    var body = buildBody(closing.body, notes: &notes)
    body.numbering.recommendations = stored.recommendationStyle
    guard !body.blocks.isEmpty else {
        throw QuireError(.emptyBody, at: SourceLocation(file: document.file, line: firstRow.place.line),
                         "nothing follows the header block: the paper has no body",
                         hint: "import the whole paper; a header alone is not a Quire source")
    }

    // The layout, and the numbering options that make it print what the source printed.
    let sourceLabels = header.rows.compactMap { row in row.label.field.map { ($0, row.label.label) } }
    let (profile, choice): (LayoutProfile, ImportLayout)
    if let layout {
        var given = profiles.first { $0.name == layout } ?? .committeePaper
        given.name = layout
        (profile, choice) = (given, ImportLayout(name: layout, reason: "given with --layout"))
    } else {
        let present = Set(FrontMatterField.allCases.filter { matter.has($0) })
        (profile, choice) = pickLayout(profiles, sourceLabels: sourceLabels, sourceFields: present, numbering: body.numbering)
    }
    matter.layout = profile.name
    matter.numbering = numberingOverrides(body.numbering, layout: profile.numbering)
    let effective = profile.numbering.merging(matter.numbering)

    // Numbers the output prints differently, and the references that follow them.
    let renumbering = checkNumbering(body, options: effective, notes: &notes)
    moveReferences(&body, &matter, renumbering, place: firstRow.place, notes: &notes)
    warnItemStyles(body.itemStyles, options: effective, notes: &notes)

    // What the layout shows that the source never had: left out, never invented.
    let missing = profile.required.filter { !matter.has($0) }
    for field in missing {
        let label = profile.labels[field] ?? field.defaultLabel ?? field.key
        notes.warn(firstRow.place, "the source has no '\(tidiedText(label).trimmingCharacters(in: CharacterSet(charactersIn: ":")))' (\(field.key)); the paper renders without it (imported-from)")
    }
    matter[.importedFrom] = .name((document.file as NSString).lastPathComponent)

    // Write, read back, and check every word.
    var paper = Paper(frontMatter: matter, body: body.blocks, file: document.file, bodyLine: 1)
    var source = writeSource(paper)
    var findings = checkLedger(document, written: readBack(source, paper: paper, notes: &notes), dropped: notes.dropped, added: notes.added)
    if !findings.missing.isEmpty {
        // The safety net: words no rule placed go at the end of the body, and are reported.
        for lost in findings.missing {
            paper.body.append(.paragraph([.text(tidiedText(lost.text))], line: lost.place.line))
            unplaced.append(SourceText(text: lost.text, place: lost.place, reason: "its words (\(lost.words.joined(separator: ", "))) were missing from the output; added at the end of the body"))
            notes.warn(lost.place, "not placed: its words (\(lost.words.joined(separator: ", "))) were missing from the output; added at the end of the body")
        }
        source = writeSource(paper)
        findings = checkLedger(document, written: readBack(source, paper: paper, notes: &notes), dropped: notes.dropped, added: notes.added)
    }
    let check = WordCheck(sourceWords: findings.sourceWords, droppedWords: findings.droppedWords, furnitureWords: findings.furnitureWords,
                          extraWords: findings.extra, outOfOrderWords: findings.outOfOrder, repeatedParagraphs: findings.repeated)
    if !findings.repeated.isEmpty {
        notes.warn(firstRow.place, "\(findings.repeated.count) paragraph(s) written twice: \(findings.repeated.prefix(3).map { "'\($0.prefix(60))'" }.joined(separator: ", "))")
    }
    let images = document.blocks.compactMap { if case .image(let image) = $0 { image } else { nil } }
    let warnings = notes.warnings.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    return ImportResult(file: document.file, paper: paper, source: source, warnings: warnings, layout: choice, numbering: effective, missing: missing,
                        images: images, furniture: document.furniture, dropped: notes.dropped, unplaced: unplaced, wordCheck: check)
}

/// The written source read back as the renderer will read it; the paper itself (with a
/// warning) if it does not read back, so the check still runs.
private func readBack(_ source: String, paper: Paper, notes: inout Notes) -> Paper {
    do {
        return try parsePaper(data: Data(source.utf8), file: paper.file)
    } catch {
        notes.warn(SourcePlace(line: 1), "the written source does not read back (\(error.message)); check it before rendering")
        return paper
    }
}

/// References to paragraphs moved with them, in the body and in the header's texts.
private func moveReferences(_ body: inout BodyBuilt, _ matter: inout FrontMatter, _ map: Renumbering, place: SourcePlace, notes: inout Notes) {
    guard map.changes || !map.ambiguous.isEmpty else { return }
    var section: String?
    for index in body.blocks.indices {
        if let number = body.origins[index].sectionNumber?.first { section = String(number) }
        if let own = map.sectionOfBlock[index] { section = own }
        body.blocks[index] = rewriting(body.blocks[index]) { rewriteReferences($0, map: map, section: section, place: body.origins[index].place, notes: &notes) }
    }
    for field in [FrontMatterField.summary, .recommendation] {
        let at = matter.line(of: field).map { SourcePlace(line: $0) } ?? place
        switch matter[field] {
        case .text(let inlines)?: matter.setText(field, rewriteReferences(inlines, map: map, section: nil, place: at, notes: &notes))
        case .textList(let entries)?: matter[field] = .textList(entries.map { rewriteReferences($0, map: map, section: nil, place: at, notes: &notes) })
        default: break
        }
    }
}

/// A block with every inline run passed through `change`.
private func rewriting(_ block: Block, _ change: ([Inline]) -> [Inline]) -> Block {
    switch block {
    case .heading(let level, let inlines, let line): return .heading(level: level, change(inlines), line: line)
    case .paragraph(let inlines, let line): return .paragraph(change(inlines), line: line)
    case .list(let ordered, let items, let line): return .list(ordered: ordered, items: items.map { $0.map { rewriting($0, change) } }, line: line)
    case .table(var table):
        table.header = table.header.map(change)
        table.rows = table.rows.map { $0.map(change) }
        return .table(table)
    default: return block
    }
}

/// Lists whose labels the output prints in another style than the source's.
private func warnItemStyles(_ uses: [ListBuilder.StyleUse], options: NumberingOptions, notes: inout Notes) {
    let items = options.items ?? []
    for use in uses where !items.isEmpty {
        // Deeper levels than the options give repeat the last two.
        let printed = use.depth < items.count ? items[use.depth] : items.count < 2 ? items[0] : items[items.count - 2 + (use.depth - items.count) % 2]
        guard printed != use.style, use.style != .decimal || printed != .decimal else { continue }
        notes.warn(use.place, "a list labelled \(use.style.rawValue) where the output labels this depth \(printed.rawValue)")
    }
}

private func placeOf(_ block: ImportBlock) -> SourcePlace {
    switch block {
    case .paragraph(let p): p.place
    case .table(let t): t.place
    case .image(let i): i.place
    }
}
