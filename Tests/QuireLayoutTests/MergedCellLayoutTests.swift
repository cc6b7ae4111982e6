import QuireLayout
import QuireModel
import QuirePages
import Testing

/// Merged cells and several header rows, on the page tree (fixed-pitch shaper).
@Suite("Merged cells")
struct MergedCellLayoutTests {
    /// "Plans" over two columns, "Year" down both header rows, "20xx and on" down two rows
    /// (the second with figures of its own, 7 and 7000).
    func table(rows: Int) -> String {
        var lines = ["| Year | Plans | < |", "|------|------:|--:|", "| ^ | New | Total |"]
        for n in 1...rows {
            lines.append(n == rows / 2 ? "| 20\(10 + n) and on | \(n) | \(n * 100) |" : "| 20\(10 + n) | \(n) | \(n * 100) |")
            if n == rows / 2 { lines.append("| ^ | 7 | 7000 |") }
        }
        return lines.joined(separator: "\n") + "\n{: header-rows=2 keep-together=false}\n"
    }

    /// Each drawn text with its position, page by page.
    func texts(_ document: PagedDocument) -> [[(text: String, x: Double, y: Double, width: Double)]] {
        document.pages.map { page in
            page.frame.items.compactMap { item in
                guard case .glyphs(let run) = item.item else { return nil }
                return (run.text, item.point.x, item.point.y, run.width)
            }
        }
    }

    @Test("both header rows repeat on every page; the rows a merged cell spans are never parted")
    func repeatsAndKeeps() throws {
        for filler in 0...6 {
            let source = (filler > 0 ? paragraph(lines: filler, tag: "p") + "\n\n" : "") + table(rows: 12)
            let pages = texts(layout(try paper(source), testTheme(lines: 12)).document)
            let withRows = pages.filter { $0.contains { $0.text.hasPrefix("20") && $0.text.count >= 4 } }
            #expect(withRows.count >= 2, "filler \(filler)")
            for page in withRows {
                let plans = try #require(page.firstIndex { $0.text == "Plans" }, "filler \(filler): no 'Plans' on \(page.map(\.text))")
                let new = try #require(page.firstIndex { $0.text == "New" })
                let firstRow = try #require(page.firstIndex { $0.text.hasPrefix("20") && $0.text.count >= 4 })
                #expect(plans < new && new < firstRow)
            }
            // The merged rows' figures (600, 7000) are on the page of their text, "2016 and on".
            let merged = try #require(pages.firstIndex { $0.contains { $0.text == "2016 and on" } })
            #expect(pages[merged].contains { $0.text == "600" } && pages[merged].contains { $0.text == "7000" }, "filler \(filler)")
            let rows = withRows.flatMap { $0 }.filter { $0.text.hasPrefix("20") && $0.text.count >= 4 }.map(\.text)
            #expect(rows == (1...12).map { $0 == 6 ? "2016 and on" : "20\(10 + $0)" }, "every row once, in order")
        }
    }

    @Test("a merged cell spans its columns' widths with no rule between them; the header rows are TH with their spans")
    func geometryAndTags() throws {
        let document = layout(try paper(table(rows: 4)), testTheme(lines: 30)).document
        let page = document.pages[0]
        let plans = try #require(texts(document)[0].first { $0.text == "Plans" })
        let new = try #require(texts(document)[0].first { $0.text == "New" })
        let total = try #require(texts(document)[0].first { $0.text == "Total" })
        // Centred over both columns: its middle lies between "New" (the first) and "Total".
        let middle = plans.x + plans.width / 2
        #expect(new.x + new.width < middle + 1 && middle < total.x, "\(plans) over \(new), \(total)")
        // Vertical rules in the first header row: none between "New" and "Total".
        let vertical = page.frame.items.compactMap { item -> (x: Double, top: Double)? in
            guard case .line(let to, _, _) = item.item, to.x == 0, to.y > 0 else { return nil }
            return (item.point.x, item.point.y)
        }
        let top = vertical.map(\.top).min()!
        let between = new.x + new.width + 2
        #expect(!vertical.contains { $0.top == top && $0.x > between && $0.x < total.x }, "a rule inside the merged cell")
        #expect(vertical.contains { $0.top > top && $0.x > between && $0.x < total.x }, "the second header row is ruled between its cells")
        // Tags.
        let tags = page.frame.items.compactMap { item -> StructureTag? in if case .beginTag(let tag) = item.item { tag } else { nil } }
        let headers = tags.filter { $0.role == .headerCell && $0.scope == .column }
        #expect(headers.count == 4)
        #expect(headers[0].rowSpan == 2 && headers[1].columnSpan == 2)
        // Below the header rows each row's first cell heads its row, a merged one too.
        #expect(tags.contains { $0.role == .headerCell && $0.scope == .row && $0.rowSpan == 2 }, "the merged row header")
        #expect(tags.contains { $0.role == .dataCell }, "the body's other cells")
    }

    @Test("a heading merged over columns widens them rather than wrap")
    func widths() throws {
        let source = "| A | Net revenue budget by service | < |\n|---|---:|---:|\n| x | 1 | 2 |\n"
        let document = layout(try paper(source), testTheme(lines: 30)).document
        #expect(texts(document)[0].contains { $0.text == "Net revenue budget by service" }, "one line: \(texts(document)[0].map(\.text))")
    }

    @Test("a span that would hide text is left out, with a diagnostic, and every cell is drawn")
    func badSpan() throws {
        var parsed = try paper("| A | B |\n|---|---|\n| c | d |\n")
        guard case .table(var table) = parsed.body[0] else { Issue.record("no table"); return }
        table.spans = [CellSpan(row: 1, column: 0, columns: 2), CellSpan(row: 0, column: 1, rows: 9)]
        parsed.body[0] = .table(table)
        let result = layout(parsed, testTheme(lines: 30))
        let drawn = texts(result.document)[0].map(\.text)
        for word in ["A", "B", "c", "d"] { #expect(drawn.contains(word)) }
        #expect(result.diagnostics.count == 2, "\(result.diagnostics)")
    }
}
