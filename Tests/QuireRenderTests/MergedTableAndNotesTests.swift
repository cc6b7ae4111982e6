import Foundation
import QuireKit
import QuireLayout
import QuireModel
import QuireTestSupport
import Testing

/// A council finance table with merged header cells and a paper with footnotes, rendered for
/// real (Pango, Cairo, the finisher) and read back with poppler and pikepdf.
@Suite("Merged cells and footnotes in the PDF")
struct MergedTableAndNotesTests {
    let paper = repositoryRoot.appendingPathComponent("Tests/Fixtures/tables/council-budget.md").path

    func render() throws -> String {
        let output = try scratchDirectory().appendingPathComponent("budget.pdf").path
        let result = try typesetter.layout(file: paper)
        try typesetter.writePDF(result.layout.document, to: output)
        return output
    }

    /// Lines of `pdftotext -layout`, runs of spaces squeezed to one.
    func lines(_ pdf: String) throws -> [String] {
        try run("pdftotext", ["-layout", pdf, "-"]).out.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
    }

    /// Each word `pdftotext -bbox` finds, with its box.
    func words(_ pdf: String) throws -> [(text: String, xMin: Double, xMax: Double, yMin: Double, yMax: Double)] {
        let html = try run("pdftotext", ["-bbox", pdf, "-"]).out
        let pattern = try NSRegularExpression(pattern: #"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            let group = { (i: Int) in String(html[Range(match.range(at: i), in: html)!]) }
            return (group(5), Double(group(1))!, Double(group(3))!, Double(group(2))!, Double(group(4))!)
        }
    }

    @Test("the merged headings and every figure land in their rows; the table's note is under it")
    func cells() throws {
        let text = try lines(try render())
        for row in ["Table 1: Net revenue budget by service", "Service Budget £m Change", "2024/25 2025/26 £m",
                    "Adult social care 412.3 430.1 17.8", "Highways and transport3 88.4 86.1 (2.3)",
                    "Corporate savings (12.0) (14.5) (2.5)", "Total 858.4 881.5 23.1"] {
            #expect(text.contains(row), "no line '\(row)' in\n\(text.joined(separator: "\n"))")
        }
        let total = try #require(text.firstIndex(of: "Total 858.4 881.5 23.1"))
        #expect(text[total + 1] == "3 Excludes the capital programme for highways maintenance.")
    }

    @Test("'Budget £m' is centred over its two columns; 'Service' heads both header rows")
    func mergedGeometry() throws {
        let all = try words(try render())
        let start = try #require(all.firstIndex { $0.text == "Budget" })
        let table = all[start...]  // the header block above says "2025/26" too
        let budget = all[start], unit = try #require(table.first { $0.text == "£m" })
        let first = try #require(table.first { $0.text == "2024/25" }), second = try #require(table.first { $0.text == "2025/26" })
        // Centred between the first year's cell and the second's (each right-aligned in its cell).
        // Its centre is the edge between the two year cells (they are as wide): 4 pt of padding
        // right of "2024/25", which ends where the digits do, one bracket's width (0.333 em at
        // 11 pt) inside its cell.
        let middle = (budget.xMin + unit.xMax) / 2, edge = first.xMax + 4 + 11 * 0.333
        #expect(abs(middle - edge) < 0.5, "'Budget £m' centred at \(middle), the cells meet at \(edge)")
        #expect(second.xMin > edge)
        #expect(budget.yMax < first.yMin, "the merged heading is above the years")
        let service = try #require(all.first { $0.text == "Service" })
        #expect(abs(service.yMin - budget.yMin) < 0.5, "'Service' is at the top of its two rows")
    }

    @Test("notes are numbered in order, their numbers small and raised, their text at the foot of the page")
    func footnotes() throws {
        let pdf = try render()
        let text = try lines(pdf)
        #expect(text.contains { $0.contains("balanced budget1 before the start of each financial") })
        let notes = ["1 Section 31A of the Local Government Finance Act 1992.", "2 The budget must be set by 11 March."]
        let first = try #require(text.firstIndex(of: notes[0]), "\(text)")
        #expect(text[first + 1] == notes[1])
        #expect(text[first...].contains { $0.hasPrefix("Page 1 of") })
        let body = try #require(text.firstIndex { $0.contains("Background Documents") })
        #expect(body < first, "the notes come after the body on the page")
        let all = try words(pdf)
        let word = try #require(all.first { $0.text == "balanced" })
        let marker = try #require(all.first { $0.text == "1" && $0.xMin > word.xMax && abs($0.yMax - word.yMax) < 8 }, "\(all.prefix(80))")
        #expect(marker.yMax < word.yMax - 3 && marker.yMax - marker.yMin < word.yMax - word.yMin, "the number is raised and smaller")
    }

    @Test("every word reaches the PDF: the text in order, the table's and the notes' words each once at least")
    func everyWord() throws {
        let result = try typesetter.layout(file: paper)
        let words = comparableWords(try run("pdftotext", ["-layout", try render(), "-"]).out)
        var marks = NoteMarks()
        let text = marks.text(result.paper.body)
        let missing = missingInOrder(comparableWords(text.body), in: words)
        #expect(missing.isEmpty, "\(missing.prefix(10))")
        var available = Dictionary(words.map { ($0, 1) }, uniquingKeysWith: +)
        let extra = comparableWords(text.tables) + noteWords(result.paper.body)
        #expect(extra.contains("Excludes") && extra.contains("Section") && extra.contains("transport3"))
        for word in extra {
            #expect((available[word] ?? 0) > 0, "word '\(word)' missing")
            available[word, default: 0] -= 1
        }
    }

    @Test("the structure tree holds the page tree's elements, the merged cells' spans and the notes")
    func structure() throws {
        let pdf = try render()
        let reading = try PDFReading(pdf)
        let document = try typesetter.layout(file: paper).layout.document
        #expect(reading.tree.filter { $0.role != "Link" }.map { String(repeating: " ", count: $0.depth) + $0.role } == pageTreeRoles(document))
        let headers = reading.tree.filter { $0.role == "TH" && $0.scope == "Column" }
        #expect(headers.count == 6, "every header row's cells head their columns")
        #expect(headers.contains { $0.rowspan == 2 && $0.colspan == nil }, "'Service' spans two rows")
        #expect(headers.contains { $0.colspan == 2 && $0.rowspan == nil }, "'Budget £m' spans two columns")
        let notes = reading.tree.enumerated().filter { $0.element.role == "Note" }
        #expect(notes.count == 3)
        #expect(Set(notes.compactMap(\.element.id)) == ["note-1", "note-2", "note-3"], "each note has its own /ID (PDF/UA 7.9)")
        for (index, note) in notes {
            #expect(reading.tree[index + 1].role == "Lbl" && reading.tree[index + 2].role == "P", "a note is its number and its text")
            #expect(reading.tree[index + 1].depth == note.depth + 1 && reading.tree[index + 2].depth == note.depth + 1)
        }
        let tree = reading.tree
        for (index, element) in tree.enumerated() where element.role != "Link" {
            let isLeaf = index + 1 == tree.count || tree[index + 1].depth <= element.depth
            #expect(!isLeaf || element.mcids > 0, "\(element.role) at \(index) is empty")
        }
        #expect(reading.unmarked == 0)
    }
}

/// The body's text as printed: each note's number right after its reference ("budget1", as
/// `pdftotext` reads a raised number), notes counted in reading order as the layout counts
/// them; the text of tables (caption, then cells row by row) apart, since a wrapped cell's
/// lines come out of order.
struct NoteMarks {
    private var count = 0

    mutating func text(_ blocks: [Block]) -> (body: String, tables: String) {
        var body: [String] = [], tables: [String] = []
        for block in blocks {
            switch block {
            case .heading(_, let inlines, _), .paragraph(let inlines, _): body.append(marked(inlines))
            case .list(_, let items, _):
                for item in items {
                    let inner = text(item)
                    body.append(inner.body)
                    tables.append(inner.tables)
                }
            case .quote(let inner, _):
                let quoted = text(inner)
                body.append(quoted.body)
                tables.append(quoted.tables)
            case .table(let table):
                tables.append(([table.caption ?? []] + table.header + table.rows.flatMap { $0 }).map { marked($0) }.joined(separator: " "))
            default: break
            }
        }
        return (body.joined(separator: "\n"), tables.joined(separator: " "))
    }

    private mutating func marked(_ inlines: [Inline]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .emphasis(let inner), .strong(let inner), .link(_, let inner): out += marked(inner)
            case .softBreak: out += " "
            case .lineBreak: out += "\n"
            case .note:
                count += 1
                out += String(count)
            }
        }
        return out
    }
}
