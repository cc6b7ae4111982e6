import Foundation
@testable import QuireImport
@testable import QuireImportPDF
import QuireModel
import QuireTestSupport
import Testing

/// The readers against the corpus (Tests/Fixtures/corpus): every paper from its PDF and from
/// its text export, scored against the generator's truth at the reading stage, before any
/// rule: words in order, table cells in the right row and column, furniture set aside,
/// nothing read twice or lost. The figures print per paper and per route.
@Suite struct CorpusReadingTests {
    static let corpus = repositoryRoot.appendingPathComponent("Tests/Fixtures/corpus")

    static var papers: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("\($0)/truth.json").path) }.sorted()
    }

    /// What one reading scored.
    struct Score: CustomStringConvertible {
        var paper = "", route = ""
        var wordsInOrder = 0, truthWords = 0
        var cellsRight = 0, cells = 0
        var spansRight = 0, spans = 0
        var tablesFound = 0, tables = 0
        var furnitureDropped = 0, furniture = 0, furnitureInBody = 0
        var lost = 0, twice = 0
        var description: String {
            func pct(_ a: Int, _ b: Int) -> String { b == 0 ? "   -  " : String(format: "%5.1f%%", 100 * Double(a) / Double(b)) }
            return "\(paper.padding(toLength: 32, withPad: " ", startingAt: 0)) \(route.padding(toLength: 4, withPad: " ", startingAt: 0)) words in order \(pct(wordsInOrder, truthWords))  cells \(pct(cellsRight, cells)) (\(cellsRight)/\(cells))  spans \(spansRight)/\(spans)  tables \(tablesFound)/\(tables)  furniture \(furnitureDropped)/\(furniture) (in body \(furnitureInBody))  lost \(lost)  twice \(twice)"
        }
        static func + (a: Score, b: Score) -> Score {
            var s = a
            s.wordsInOrder += b.wordsInOrder; s.truthWords += b.truthWords; s.cellsRight += b.cellsRight; s.cells += b.cells
            s.spansRight += b.spansRight; s.spans += b.spans; s.tablesFound += b.tablesFound; s.tables += b.tables
            s.furnitureDropped += b.furnitureDropped; s.furniture += b.furniture; s.furnitureInBody += b.furnitureInBody
            s.lost += b.lost; s.twice += b.twice
            return s
        }
    }

    static func score(paper: String, route: String) throws -> Score {
        let folder = corpus.appendingPathComponent(paper)
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("truth.json"))) as! [String: Any]
        let file = folder.appendingPathComponent(route == "pdf" ? "paper.pdf" : "paper.txt")
        let document = try readImportDocument(try Data(contentsOf: file), file: file.path)
        var score = Score(paper: paper, route: route)

        // Words in order: the truth's body, as a reader sees it, against the blocks in order.
        let truthWords = bodyWords(truth["body"] as? [[String: Any]] ?? []).flatMap(ledgerWords)
        let readWords = blockWords(document).flatMap(ledgerWords)
        score.truthWords = truthWords.count
        score.wordsInOrder = longestCommonSubsequence(truthWords, readWords)

        // Tables cell by cell: each truth table against the read table that matches it best.
        let read = document.tables.map { $0.rows.map { $0.map { $0.isCovered ? nil : normalised($0.text) } } }
        for table in (truth["body"] as? [[String: Any]] ?? []).filter({ $0["kind"] as? String == "table" }) {
            let rows = (table["rows"] as? [[Any]] ?? []).map { $0.map { ($0 as? [String: Any]).map { normalised($0["text"] as? String ?? "") } } }
            let positions = rows.flatMap { $0 }.filter { $0 != nil }.count
            let spanPositions = rows.flatMap { $0 }.filter { $0 == nil }.count
            score.cells += positions
            score.spans += spanPositions
            score.tables += 1
            let best = read.map { candidate -> (Int, Int) in
                var right = 0, spans = 0
                for (r, row) in rows.enumerated() {
                    for (c, cell) in row.enumerated() {
                        let other: String?? = r < candidate.count && c < candidate[r].count ? .some(candidate[r][c]) : .none
                        guard case .some(let value) = other else { continue }
                        if let cell { if value == cell { right += 1 } } else if value == nil { spans += 1 }
                    }
                }
                return (right, spans)
            }.max { $0.0 < $1.0 } ?? (0, 0)
            score.cellsRight += best.0
            score.spansRight += best.1
            if best.0 * 2 > positions { score.tablesFound += 1 }
        }

        // Furniture: every running header and footer line set aside, none in the body.
        let truthFurniture = (truth["furniture"] as? [String] ?? []).map(normalised)
        var dropped = document.furniture.map { normalised($0.text) }
        score.furniture = truthFurniture.count
        for line in truthFurniture {
            if let index = dropped.firstIndex(of: line) { dropped.remove(at: index); score.furnitureDropped += 1 }
        }
        let bodyText = blockWords(document).joined(separator: " ")
        score.furnitureInBody = Set(truthFurniture).filter { $0.count > 3 && bodyText.contains($0) }.count

        // Nothing lost, nothing twice: the route's own input against blocks and furniture.
        let input: String
        if route == "pdf" {
            let extracted = try run("pdftotext", ["-enc", "UTF-8", file.path, "-"])
            input = extracted.out
        } else {
            input = try String(contentsOf: file, encoding: .utf8)
        }
        let ledger = wordLedger(input: input.split(whereSeparator: \.isWhitespace).map(String.init), output: documentWords(document))
        score.lost = ledger.missing.count
        score.twice = ledger.extra.count
        return score
    }

    @Test func corpusFigures() throws {
        let papers = Self.papers
        try #require(!papers.isEmpty, "no corpus in \(Self.corpus.path)")
        var totals: [String: Score] = [:]
        var lines: [String] = []
        for route in ["pdf", "txt"] {
            var total = Score(paper: "ALL", route: route)
            for paper in papers {
                let score = try Self.score(paper: paper, route: route)
                lines.append(score.description)
                total = total + score
            }
            totals[route] = total
            lines.append(total.description)
        }
        print(lines.joined(separator: "\n"))
        for (route, total) in totals {
            #expect(Double(total.wordsInOrder) >= 0.995 * Double(total.truthWords), "\(route): words in order")
            #expect(Double(total.cellsRight) >= 0.95 * Double(total.cells), "\(route): table cells")
            #expect(total.furnitureDropped == total.furniture && total.furnitureInBody == 0, "\(route): furniture")
            #expect(total.lost == 0 && total.twice == 0, "\(route): ledger")
        }
    }
}

/// Whitespace as single spaces, trimmed.
private func normalised(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

/// The truth body's texts in reading order: numbers, run-in leads and texts; list and bullet
/// items depth first; table cells row by row.
private func bodyWords(_ body: [[String: Any]]) -> [String] {
    var out: [String] = []
    func items(_ list: [[String: Any]]) {
        for item in list {
            out.append(item["text"] as? String ?? "")
            items(item["items"] as? [[String: Any]] ?? [])
        }
    }
    for block in body {
        switch block["kind"] as? String {
        case "table":
            if let caption = block["caption"] as? String { out.append(caption) }
            for row in block["rows"] as? [[Any]] ?? [] { for cell in row { if let cell = cell as? [String: Any] { out.append(cell["text"] as? String ?? "") } } }
        case "list", "bullets": items(block["items"] as? [[String: Any]] ?? [])
        case "image": break
        default:
            out += [block["number"] as? String, block["run_in"] as? String, block["text"] as? String].compactMap { $0 }
        }
    }
    return out
}

/// The blocks' texts in order, markers included, table cells row by row.
private func blockWords(_ document: ImportDocument) -> [String] {
    var out: [String] = []
    for block in document.blocks {
        switch block {
        case .paragraph(let p): out += [p.marker ?? "", p.text]
        case .table(let t): for row in t.rows { for cell in row where !cell.isCovered { out += cell.paragraphs.flatMap { [$0.marker ?? "", $0.text] } } }
        case .image: break
        }
    }
    return out
}

/// The length of the longest common subsequence of two word lists.
private func longestCommonSubsequence(_ a: [String], _ b: [String]) -> Int {
    var ids: [String: Int] = [:]
    var x: [Int] = []
    for word in a {
        if ids[word] == nil { ids[word] = ids.count }
        x.append(ids[word]!)
    }
    let y = b.map { ids[$0] ?? -1 }
    var previous = [Int32](repeating: 0, count: y.count + 1), current = previous
    x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { y in
            for i in 0..<x.count {
                for j in 0..<y.count {
                    current[j + 1] = x[i] == y[j] ? previous[j] + 1 : max(previous[j + 1], current[j])
                }
                swap(&previous, &current)
            }
        }
    }
    return Int(previous[y.count])
}
