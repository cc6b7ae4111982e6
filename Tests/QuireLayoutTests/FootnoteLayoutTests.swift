import QuireLayout
import QuireModel
import QuirePages
import Testing

/// Footnotes on the page tree (fixed-pitch shaper): numbered in reading order, raised and
/// smaller at the reference, set at the foot of the page that refers to them.
@Suite("Footnotes")
struct FootnoteLayoutTests {
    /// A paper whose every paragraph refers to a note, after `filler` lines.
    func source(filler: Int, notes: Int) -> String {
        let paragraphs = (1...notes).map { "Paragraph \($0) refers to its note[^n\($0)] in passing." }
        let definitions = (1...notes).map { "[^n\($0)]: Note text \($0)." }
        return (filler > 0 ? paragraph(lines: filler, tag: "p") + "\n\n" : "") + paragraphs.joined(separator: "\n\n") + "\n\n"
            + definitions.joined(separator: "\n")
    }

    /// Per page, each glyph run with its position and size.
    func runs(_ document: PagedDocument) -> [[(text: String, x: Double, y: Double, size: Double)]] {
        document.pages.map { page in
            page.frame.items.compactMap { item in
                guard case .glyphs(let run) = item.item else { return nil }
                return (run.text, item.point.x, item.point.y, run.font.size)
            }
        }
    }

    @Test("each note is on the page of its number, below all the text, above the footer, in order")
    func footOfPage() throws {
        var theme = testTheme(lines: 12)
        theme.footer.template = "Page {page}"
        for filler in 0...10 {
            let result = layout(try paper(source(filler: filler, notes: 4)), theme)
            let pages = runs(result.document)
            var seen: [Int] = []
            for page in pages {
                let markers = page.filter { $0.size < 12 * 0.7 && $0.size > 7 }.compactMap { Int($0.text) }
                let notes = page.filter { $0.text.hasPrefix("Note text") }
                #expect(notes.map(\.text) == markers.map { "Note text \($0)." }, "filler \(filler): notes \(notes.map(\.text)) for markers \(markers)")
                seen += markers
                guard let highest = notes.map(\.y).min() else { continue }
                let body = page.filter { $0.size == 12 && !$0.text.hasPrefix("Page") }.map(\.y)
                #expect(body.allSatisfy { $0 < highest }, "filler \(filler): text under a note")
                let footer = try #require(page.first { $0.text.hasPrefix("Page") })
                #expect(notes.allSatisfy { $0.y < footer.y })
            }
            #expect(seen == [1, 2, 3, 4], "filler \(filler): numbered in reading order")
        }
    }

    @Test("the number is set smaller and raised; the note's number hangs left of its text")
    func marker() throws {
        let page = runs(layout(try paper(source(filler: 0, notes: 1)), testTheme(lines: 12)).document)[0]
        let word = try #require(page.first { $0.text.hasPrefix("Paragraph 1") })
        let marker = try #require(page.first { $0.text == "1" && $0.size < 12 })
        #expect(marker.size == 12 * 0.65 && marker.y < word.y)
        let number = try #require(page.first { $0.text == "1" && $0.size == 9 }), text = try #require(page.first { $0.text == "Note text 1." })
        #expect(number.x < text.x && number.y == text.y)
    }

    @Test("notes are tagged Note › Lbl + P; references side by side read 1,2")
    func tags() throws {
        let document = layout(try paper("Two notes[^a][^b] here.\n\n[^a]: First.\n[^b]: Second.\n"), testTheme(lines: 12)).document
        let items = document.pages[0].frame.items
        let roles = items.compactMap { item -> StructureRole? in if case .beginTag(let tag) = item.item { tag.role } else { nil } }
        let notes = roles.indices.filter { roles[$0] == .note }
        #expect(notes.count == 2)
        for index in notes { #expect(Array(roles[(index + 1)...].prefix(2)) == [.label, .paragraph]) }
        #expect(runs(document)[0].contains { $0.text == "1,2" })
    }

    @Test("a line whose note would not fit moves to the next page with it; a note never leaves its page")
    func noRoom() throws {
        // 12 lines to the page: ten lines of text, then the note's paragraph.
        let result = layout(try paper(paragraph(lines: 10, tag: "p") + "\n\nLast[^x] words.\n\n[^x]: " + String(repeating: "long note ", count: 20)), testTheme(lines: 12))
        let pages = runs(result.document)
        let marker = try #require(pages.firstIndex { $0.contains { $0.text == "1" && $0.size < 12 } })
        #expect(pages[marker].contains { $0.text.hasPrefix("long note") })
        #expect(pages[marker].contains { $0.text.hasPrefix("Last") })
    }
}
