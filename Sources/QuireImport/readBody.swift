import Foundation
import QuireModel

/// The body read into blocks, with the closing sections that become front matter.
struct BodyRead {
    var blocks: [BodyBlock] = []
    var backgroundDocuments: [String] = []
    var contact: [Contact] = []
    var warnings: [ImportWarning] = []
    var unplaced: [UnplacedLine] = []
}

/// A run of legacy lines that makes one block, before it becomes Markdown.
struct RawBlock {
    enum Kind: Equatable {
        case section(number: Int, title: String)
        /// A paragraph with its legacy number ("(3)" or "2.3"), if it had one.
        case paragraph(number: Int?, section: Int?)
        case item(label: String)
        case bullet
    }

    var kind: Kind
    var first: LegacyText.Line
    /// The text after the marker, then the lines that continue it.
    var lines: [String]
    var all: [LegacyText.Line]
}

/// Splits body lines into blocks. A block starts at a section heading, a paragraph number,
/// an item letter or a bullet that stands at the start of a block (after a blank line or a
/// finished sentence, or next in its sequence: "(b)" after "(a)"), or at text after a blank
/// line that follows a finished sentence. Any other line continues the block before it: a
/// hard wrap, or a page break in mid-paragraph (blank lines between "… 24,000 CYP)" and
/// "were supported …").
func splitBlocks(_ lines: ArraySlice<LegacyText.Line>, ledger: inout WordLedger) -> [RawBlock] {
    var blocks: [RawBlock] = []
    var afterBlank = true
    var lastNumber: Int?
    var lastLetter: String?
    for line in lines {
        if line.isBlank { afterBlank = true; continue }
        defer { afterBlank = false }
        let previous = blocks.last
        let previousIsSection = if case .section = previous?.kind { true } else { false }
        let atStart = previous == nil || afterBlank || previousIsSection || endsSentence(previous!.lines.last ?? "")
        func start(_ kind: RawBlock.Kind, _ written: String, _ rest: String) {
            ledger.drop(written)
            blocks.append(RawBlock(kind: kind, first: line, lines: rest.isEmpty ? [] : [rest], all: [line]))
        }
        switch lineMarker(line.text) {
        case .section(let number, let title, let written) where atStart:
            start(.section(number: number, title: title), written, "")
            lastNumber = nil
            lastLetter = nil
            continue
        case .numberedParagraph(let number, let section, let written, let rest) where atStart || number == (lastNumber ?? 0) + 1:
            start(.paragraph(number: number, section: section), written, rest)
            lastNumber = number
            lastLetter = nil
            continue
        case .item(let label, let written, let rest) where atStart || isNextLabel(label, after: lastLetter):
            start(.item(label: label), written, rest)
            if !isRoman(label, after: lastLetter) { lastLetter = label }
            continue
        case .bullet(let written, let rest) where atStart || previous?.kind == .bullet:
            start(.bullet, written, rest)
            continue
        default:
            break
        }
        // A marker with nothing after it ("(1)" alone on its line) takes the next text.
        if let previous, !previousIsSection, !afterBlank || previous.lines.isEmpty || !endsSentence(previous.lines.last!) {
            blocks[blocks.count - 1].lines.append(line.text)
            blocks[blocks.count - 1].all.append(line)
        } else {
            blocks.append(RawBlock(kind: .paragraph(number: nil, section: nil), first: line, lines: [line.text], all: [line]))
        }
    }
    return blocks
}

/// "(b)" after "(a)"; "(i)" or "(ii)" as sub-items anywhere after a letter.
private func isNextLabel(_ label: String, after letter: String?) -> Bool {
    guard let letter else { return label == "a" }
    if isRoman(label, after: letter) { return true }
    return label.unicodeScalars.first.map { $0.value } == letter.unicodeScalars.first.map { $0.value + 1 }
}

/// Closing section titles, which Quire makes from the front matter. A "Recommendations"
/// section is not one of them: it stays in the body, as in the examples.
private let closingTitle = #"^(?i:(background\s+(?:documents?|papers?))|(contact\s+(?:details?|officers?)|contacts?))\s*(?::\s*(.*?))?\s*$"#

/// Reads the body: numbered sections, paragraphs (their legacy numbers dropped and checked),
/// lettered and bulleted lists, and the Background documents and Contact details sections
/// (which go to the front matter).
func readBody(_ lines: ArraySlice<LegacyText.Line>, file: String, vocabulary: Set<String>, ledger: inout WordLedger) -> BodyRead {
    var read = BodyRead()
    let blocks = splitBlocks(lines, ledger: &ledger)
    var closing: (isContact: Bool, blocks: [RawBlock])?
    var numbering = Numbering(file: file)
    var seenSection = false

    func finishClosing() {
        guard let open = closing else { return }
        closing = nil
        if open.isContact {
            let (contacts, leftOver) = readContacts(open.blocks.map(\.all), ledger: &ledger)
            read.contact += contacts
            read.unplaced += leftOver.map { UnplacedLine(line: $0.number, page: $0.page, text: $0.text, reason: "in Contact details but no name found; kept as a paragraph") }
            read.blocks += leftOver.map { .paragraph(joinWrappedLines([$0.text])) }
        } else {
            read.backgroundDocuments += open.blocks.map { joinWrappedLines($0.lines, vocabulary: vocabulary) }.filter { !$0.isEmpty }
        }
    }

    for (index, block) in blocks.enumerated() {
        if let title = closingHeading(block) {
            finishClosing()
            ledger.drop(title.heading)
            closing = (title.isContact, [])
            if let value = title.value {
                let line = LegacyText.Line(number: block.first.number, page: block.first.page, text: value)
                closing!.blocks.append(RawBlock(kind: .paragraph(number: nil, section: nil), first: line, lines: [value], all: [line]))
            }
            continue
        }
        if case .section(_, let title) = block.kind {
            finishClosing()
            read.blocks.append(.section(title))
            numbering.startSection(blocks[(index + 1)...].prefix { if case .section = $0.kind { false } else { true } })
            seenSection = true
            continue
        }
        if closing != nil {
            closing!.blocks.append(block)
            continue
        }
        if !seenSection {
            read.unplaced += block.all.map { UnplacedLine(line: $0.number, page: $0.page, text: $0.text, reason: "after the header block, before the first section; kept as an unnumbered paragraph") }
        }
        let text = joinWrappedLines(block.lines, vocabulary: vocabulary)
        switch block.kind {
        case .paragraph(let number, let section):
            guard !text.isEmpty else { continue }
            read.blocks.append(.paragraph(text))
            read.warnings += numbering.paragraph(number: number, section: section, line: block.first.number)
        case .item(let label):
            appendItem(text, roman: isRoman(label, after: lastLetter(read.blocks)), to: &read.blocks)
        case .bullet:
            if case .bulletList(let items) = read.blocks.last {
                read.blocks[read.blocks.count - 1] = .bulletList(items + [text])
            } else {
                read.blocks.append(.bulletList([text]))
            }
        case .section:
            break
        }
    }
    finishClosing()
    return read
}

/// A closing section's heading (numbered or not), its text as written, and a value written
/// on the same line ("5. Background documents: none").
private func closingHeading(_ block: RawBlock) -> (heading: String, isContact: Bool, value: String?)? {
    let title: String
    switch block.kind {
    case .section(_, let t): title = t
    case .paragraph(nil, _) where block.all.count == 1: title = block.first.text.trimmingCharacters(in: .whitespaces)
    default: return nil
    }
    guard let g = matchGroups(closingTitle, title) else { return nil }
    let value = g[2].isEmpty ? nil : g[2]
    let line = block.first.text
    let heading = value.flatMap { line.range(of: $0, options: .backwards) }.map { String(line[..<$0.lowerBound]) } ?? line
    return (heading, !g[1].isEmpty, value)
}

/// The letter of the last lettered item, to tell "(i)" the letter from "(i)" the numeral.
private func lastLetter(_ blocks: [BodyBlock]) -> String? {
    guard case .letteredList(let items) = blocks.last, (1...26).contains(items.count) else { return nil }
    return String(UnicodeScalar(UInt8(96 + items.count)))
}

/// Adds a lettered item (or a roman sub-item of the last one) to the list the body ends with.
private func appendItem(_ text: String, roman: Bool, to blocks: inout [BodyBlock]) {
    guard case .letteredList(var items) = blocks.last else {
        blocks.append(.letteredList([ListItem(text: text)]))
        return
    }
    if roman, !items.isEmpty {
        items[items.count - 1].subItems.append(text)
    } else {
        items.append(ListItem(text: text))
    }
    blocks[blocks.count - 1] = .letteredList(items)
}
