import Foundation
@testable import QuireImport
@testable import QuireImportPDF
import QuireModel
import Testing

/// The reading fixtures: small papers shaped like councils' (Tests/Fixtures/import-reading).
let readingFixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures/import-reading")

/// A reading fixture's bytes.
func readingFixture(_ name: String) throws -> Data {
    try Data(contentsOf: readingFixtures.appendingPathComponent(name))
}

/// Reads a reading fixture through the route its bytes pick.
func readFixture(_ name: String) throws -> ImportDocument {
    try readImportDocument(try readingFixture(name), file: name)
}

extension ImportDocument {
    var paragraphs: [ImportParagraph] {
        blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
    }
    var tables: [ImportTable] {
        blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }

    /// The document as text, one block a line (a table's rows indented under it), for
    /// messages when a test fails and for reading what a reader made.
    var dump: String {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let p): out.append(p.dump)
            case .table(let t):
                out.append("T p\(t.place.page ?? 0):\(t.place.line) \(t.rows.count)x\(t.rows.first?.count ?? 0) header=\(t.headerRows)\(t.ruled ? " ruled" : "")\(t.continuesAcrossPages ? " continued" : "")")
                for row in t.rows {
                    out.append("  | " + row.map { $0.isCovered ? "<" : ($0.columnSpan > 1 ? "[\($0.columnSpan)] " : "") + ($0.alignedRight ? ">" : "") + $0.text }.joined(separator: " | ") + " |")
                }
            case .image(let i): out.append("I \(i.name)")
            }
        }
        for f in furniture { out.append("F p\(f.place.page ?? 0):\(f.place.line) \(f.reason): \(f.text)") }
        if let marking { out.append("M \(marking)") }
        return out.joined(separator: "\n")
    }
}

extension ImportParagraph {
    var dump: String {
        var flags: [String] = []
        if let marker { flags.append("[\(marker)@\(Int(markerIndent ?? 0))]") }
        flags.append("@\(Int(indent))")
        if sizeRatio != 1 { flags.append(String(format: "x%.2f", sizeRatio)) }
        if isBold { flags.append("B") }
        if isItalic { flags.append("I") }
        if isolated { flags.append("iso") }
        if boxed { flags.append("box") }
        return "P p\(place.page ?? 0):\(place.line) \(flags.joined(separator: " ")) \(inlinesDump(inlines))"
    }
}

/// Inlines with bold as **…** and italic as _…_.
func inlinesDump(_ inlines: [Inline]) -> String {
    inlines.map { inline in
        switch inline {
        case .text(let s), .code(let s): s
        case .strong(let c): "**" + inlinesDump(c) + "**"
        case .emphasis(let c): "_" + inlinesDump(c) + "_"
        case .link(_, let c): inlinesDump(c)
        case .softBreak: " "
        case .lineBreak: "\n"
        case .note(let c): "[^" + inlinesDump(c) + "]"
        }
    }.joined()
}

/// Every word a reader kept or set aside: markers, paragraph text, cell text, furniture.
func documentWords(_ document: ImportDocument) -> [String] {
    func words(_ p: ImportParagraph) -> [String] { (p.marker.map { [$0] } ?? []) + p.text.split(whereSeparator: \.isWhitespace).map(String.init) }
    var out: [String] = []
    for block in document.blocks {
        switch block {
        case .paragraph(let p): out += words(p)
        case .table(let t): out += t.rows.flatMap { $0.flatMap { $0.paragraphs.flatMap(words) } }
        case .image: break
        }
    }
    out += document.furniture.flatMap { $0.text.split(whereSeparator: \.isWhitespace).map(String.init) }
    return out
}

/// The word ledger of a reading: the input's words against the document's, as multisets.
/// A word one side has whole the other may have in two (a word the source broke over two
/// lines, "safe-" + "guarding"; a number and its title poppler ran together, "1.1The"): a
/// word that is two of the other side's unmatched words run together (less a hyphen) settles
/// all three. What is left is lost (`missing`) or read twice or made up (`extra`).
func wordLedger(input: [String], output: [String]) -> (missing: [String], extra: [String]) {
    var counts: [String: Int] = [:]
    for word in input { counts[word, default: 0] += 1 }
    for word in output { counts[word, default: 0] -= 1 }
    var missing = counts.filter { $0.value > 0 }
    var extra = counts.filter { $0.value < 0 }.mapValues { -$0 }
    /// Settles `whole` words of one side against pairs of `parts` of the other.
    func settle(_ whole: inout [String: Int], against parts: inout [String: Int]) {
        for (word, count) in whole {
            for _ in 0..<count {
                var settled = false
                for cut in word.indices.dropFirst() where !settled {
                    let head = String(word[..<cut]), tail = String(word[cut...])
                    for left in [head + "-", head] where (parts[left] ?? 0) > 0 && (parts[tail] ?? 0) > 0 && (left != tail || parts[tail]! > 1) {
                        parts[left]! -= 1
                        parts[tail]! -= 1
                        whole[word]! -= 1
                        settled = true
                        break
                    }
                }
            }
        }
    }
    settle(&extra, against: &missing)
    settle(&missing, against: &extra)
    func list(_ counts: [String: Int]) -> [String] { counts.filter { $0.value > 0 }.flatMap { Array(repeating: $0.key, count: $0.value) }.sorted() }
    return (list(missing), list(extra))
}
