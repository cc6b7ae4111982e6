import Foundation
import QuireModel

/// The header block read into front matter, and where the body starts.
struct HeaderBlock {
    var frontMatter = FrontMatter()
    /// Index in the lines of the first body line.
    var bodyStart = 0
    /// The first label's line, or nil when the text has no header block.
    var firstLine: Int?
    var warnings: [ImportWarning] = []
    var unplaced: [UnplacedLine] = []
}

/// A header row and the lines its value runs on to.
private struct Row {
    var label: HeaderLabel
    var line: LegacyText.Line
    var more: [LegacyText.Line] = []
    /// Whether the value already ran on over a blank line; it may once (one page break), so a
    /// value without a full stop cannot swallow a body that has no numbered sections.
    var ranOn = false

    var valueLines: [String] { ([label.value] + more.map(\.text)).filter { !$0.allSatisfy(\.isWhitespace) } }
}

/// How far into the text the first label may be: past this, what looks like a label is body.
private let preambleLimit = 15

/// Reads the header block: "Label: value" rows (colons or tabs), each value running on over
/// the lines that follow until the next label, a blank line, or (for long values) a blank
/// line after a finished sentence. The block ends at the first numbered section.
func readHeaderBlock(_ lines: [LegacyText.Line], file: String, vocabulary: Set<String>, ledger: inout WordLedger) -> HeaderBlock {
    var header = HeaderBlock()
    var rows: [Row] = []
    var preamble: [LegacyText.Line] = []
    var index = 0
    var afterBlank = false
    while index < lines.count {
        let line = lines[index]
        if line.isBlank {
            afterBlank = true
        } else if case .section = lineMarker(line.text) {
            break
        } else if let label = headerLabel(line.text) {
            rows.append(Row(label: label, line: line))
        } else if rows.isEmpty {
            guard preamble.count < preambleLimit else { break }
            preamble.append(line)
        } else if isRunningOn(rows[rows.count - 1], afterBlank: afterBlank) {
            rows[rows.count - 1].more.append(line)
            if afterBlank { rows[rows.count - 1].ranOn = true }
        } else {
            break
        }
        if !line.isBlank { afterBlank = false }
        index += 1
    }
    guard let first = rows.first else { return header }
    header.firstLine = first.line.number
    header.bodyStart = index
    header.unplaced = preamble.map { UnplacedLine(line: $0.number, page: $0.page, text: $0.text, reason: "before the header block; kept as a paragraph before the first section") }
    for row in rows {
        ledger.drop(row.label.written)
        if !row.label.lookalikes.isEmpty {
            let letters = row.label.lookalikes.map(describeLookalike).joined(separator: ", ")
            header.warnings.append(ImportWarning(file: file, line: row.line.number,
                                                 message: "label '\(row.label.written.trimmingCharacters(in: .whitespaces))' has look-alike letters (\(letters)); read as '\(row.label.label)'"))
        }
        store(row, in: &header, file: file, vocabulary: vocabulary, ledger: &ledger)
    }
    takeDateFromTo(&header, rows: rows, file: file, ledger: &ledger)
    warnMissing(&header, file: file)
    return header
}

/// Whether a row's value goes on with the next unlabelled line: always straight after it;
/// after a blank line only for a long value whose last line did not end its sentence.
private func isRunningOn(_ row: Row, afterBlank: Bool) -> Bool {
    guard afterBlank else { return true }
    return row.label.key.mayRunOn && !row.ranOn && !endsSentence(row.valueLines.last ?? "")
}

/// Puts one row's value under its field, by the field's kind; a field given twice keeps both
/// (the second as a further row).
private func store(_ row: Row, in header: inout HeaderBlock, file: String, vocabulary: Set<String>, ledger: inout WordLedger) {
    let text = joinWrappedLines(row.valueLines, vocabulary: vocabulary)
    var m = header.frontMatter
    defer { header.frontMatter = m }
    func further() { m.fields.append(HeaderField(label: row.label.label, value: [.text(text)])) }
    guard case .known(let field, let from) = row.label.key else {
        further()
        return
    }
    switch field.kind {
    case .people:
        m.by += readPeople(row.valueLines)
        m.byIsFrom = from
    case .date:
        guard let date = parseLegacyDate(text), m.date == nil else {
            header.warnings.append(ImportWarning(file: file, line: row.line.number, message: "cannot read '\(text)' as a date; kept as a further row — write date: YYYY-MM-DD"))
            further()
            return
        }
        m.date = date.date
        ledger.drop(String(text[date.range]))
        let rest = (text[..<date.range.lowerBound] + text[date.range.upperBound...]).trimmingCharacters(in: .whitespaces)
        if !ledgerWords(rest).isEmpty {
            header.unplaced.append(UnplacedLine(line: row.line.number, page: row.line.page, text: rest, reason: "text beside the date; kept as a paragraph"))
        }
    case .textList:
        let entries = field == .recommendation ? readRecommendation(row.valueLines, vocabulary: vocabulary, ledger: &ledger) : [text]
        m[field] = .textList(m.textList(field) + entries.map { [.text($0)] })
    case .text:
        guard m.has(field) else {
            m.setText(field, [.text(text)])
            return
        }
        header.warnings.append(ImportWarning(file: file, line: row.line.number, message: "'\(row.label.label)' is given twice; the second is kept as a further row"))
        further()
    case .contacts, .name, .files, .rows, .numbering:
        further()
    }
}

/// "Name, Role, with commas" per line (split at the first comma). A line starting in lower
/// case ("and Social Care") goes on with the role above; a line without a comma is a name.
func readPeople(_ lines: [String]) -> [Person] {
    var people: [Person] = []
    for raw in lines {
        let line = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if let first = line.first, first.isLowercase || line.hasPrefix("& "), let last = people.popLast() {
            people.append(Person(name: last.name, role: joinWrappedLines([last.role ?? "", line])))
        } else if let comma = line.firstIndex(of: ",") {
            let role = line[line.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            people.append(Person(name: String(line[..<comma]), role: role.isEmpty ? nil : role))
        } else {
            people.append(Person(name: line, role: nil))
        }
    }
    return people
}

/// One text, or the items of a lettered list when the value is nothing but "(a) …" items
/// (their letters dropped: Quire letters a list recommendation itself).
private func readRecommendation(_ lines: [String], vocabulary: Set<String>, ledger: inout WordLedger) -> [String] {
    guard let first = lines.first, case .item = lineMarker(first) else { return [joinWrappedLines(lines, vocabulary: vocabulary)] }
    var items: [[String]] = []
    for line in lines {
        if case .item(_, let written, let rest) = lineMarker(line) {
            ledger.drop(written)
            items.append([rest])
        } else {
            items[items.count - 1].append(line)
        }
    }
    return items.map { joinWrappedLines($0, vocabulary: vocabulary) }
}

/// "To: County Council – 19th October 2017": without a Date row, the date comes from here
/// and the To row keeps the committee.
private func takeDateFromTo(_ header: inout HeaderBlock, rows: [Row], file: String, ledger: inout WordLedger) {
    guard header.frontMatter.date == nil, let to = header.frontMatter.text(.to)?.plainText, let date = parseLegacyDate(to),
          let row = rows.first(where: { $0.label.key == .known(.to, from: false) }) else { return }
    let written = String(to[date.range])
    header.frontMatter.date = date.date
    header.frontMatter.setText(.to, [.text((to[..<date.range.lowerBound] + to[date.range.upperBound...])
        .trimmingCharacters(in: CharacterSet(charactersIn: " \t,;–—-").union(.whitespaces)))])
    ledger.drop(written)
    header.warnings.append(ImportWarning(file: file, line: row.line.number, message: "the To row gives the date ('\(written)'); read as date: \(date.iso)"))
}

/// The rows the committee-paper layout requires, named when the header lacks them.
private func warnMissing(_ header: inout HeaderBlock, file: String) {
    let fields: [FrontMatterField] = [.by, .to, .date, .subject, .classification, .summary, .recommendation]
    for field in fields where !header.frontMatter.has(field) {
        let label = field.defaultLabel.map { String($0.dropLast()) } ?? field.key
        header.warnings.append(ImportWarning(file: file, line: header.firstLine ?? 1,
                                             message: "the header has no '\(label)' row; add '\(field.key):' to the front matter before rendering"))
    }
}
