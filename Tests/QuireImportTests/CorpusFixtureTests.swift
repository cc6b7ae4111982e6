import Foundation
import QuireModel
import QuireTestSupport
import Testing

// The import corpus (Tests/Fixtures/corpus, written by its generate.py) and the scorer every
// import test and the benchmark use (Tests/Tools/score_import.py). These tests check the
// fixtures themselves: that each paper has all its files, that its truth is well formed and
// names only Quire's own front-matter keys, that the truth says what the published PDF says,
// and that the scorer scores what it claims to.

/// The corpus folder.
let corpusFolder = repositoryRoot.appendingPathComponent("Tests/Fixtures/corpus")

/// The scorer.
let scorerPath = repositoryRoot.appendingPathComponent("Tests/Tools/score_import.py").path

/// Every paper folder of the corpus (a folder holding a truth.json), sorted.
func corpusPapers() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(atPath: corpusFolder.path).sorted()
        .map { corpusFolder.appendingPathComponent($0) }
        .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("truth.json").path) }
}

/// A paper's truth.json as a dictionary.
func truth(of paper: URL) throws -> [String: Any] {
    let data = try Data(contentsOf: paper.appendingPathComponent("truth.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(paper.lastPathComponent): truth.json is not an object")
}

@Suite("Import corpus fixtures")
struct CorpusFixtureTests {
    @Test("the scorer passes its own test: a hand-written perfect source scores 100%, each fault lowers its figure")
    func scorerSelfTest() throws {
        let result = try run("python3", [scorerPath, "--self-test"])
        #expect(result.status == 0, "score_import.py --self-test failed:\n\(result.out)\(result.err)")
        #expect(result.out.contains("passed"))
    }

    @Test("at least 12 papers, at least 3 in each of the four house styles, each with every file")
    func everyPaperHasItsFiles() throws {
        let papers = try corpusPapers()
        #expect(papers.count >= 12)
        var styles: [String: Int] = [:]
        let layouts = ["county": "county-2025", "city": "city-committee-report", "combined": "combined-authority",
                       "welsh": "welsh-council"]
        for paper in papers {
            let name = paper.lastPathComponent
            let truth = try truth(of: paper)
            #expect(truth["id"] as? String == name, "\(name): truth id \(truth["id"] ?? "none")")
            let style = try #require(truth["style"] as? String, "\(name): no style")
            styles[style, default: 0] += 1
            #expect(truth["layout"] as? String == layouts[style], "\(name): layout \(truth["layout"] ?? "none") for style \(style)")
            let docx = try Data(contentsOf: paper.appendingPathComponent("paper.docx"))
            #expect(docx.starts(with: [0x50, 0x4B, 0x03, 0x04]), "\(name): paper.docx is not a zip")
            let pdf = paper.appendingPathComponent("paper.pdf").path
            #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)).starts(with: Array("%PDF-".utf8)), "\(name): paper.pdf")
            let info = try run("pdfinfo", [pdf])
            #expect(info.status == 0, "\(name): pdfinfo: \(info.err)")
            let pages = Int(info.out.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "0") ?? 0
            let text = try String(contentsOf: paper.appendingPathComponent("paper.txt"), encoding: .utf8)
            // pdftotext -layout ends every page with a form feed.
            #expect(text.filter { $0 == "\u{0C}" }.count == pages, "\(name): \(pages) pages but form feeds differ")
            let furniture = truth["furniture"] as? [String] ?? []
            #expect(furniture.contains { text.contains($0) }, "\(name): no furniture line found in paper.txt")
            let body = truth["body"] as? [[String: Any]] ?? []
            if body.contains(where: { $0["kind"] as? String == "image" }) {
                let pngs = try FileManager.default.contentsOfDirectory(atPath: paper.path).filter { $0.hasSuffix(".png") }
                #expect(!pngs.isEmpty, "\(name): an image in the truth but no picture in the folder")
            }
        }
        for style in layouts.keys {
            #expect(styles[style, default: 0] >= 3, "style \(style): \(styles[style, default: 0]) papers")
        }
    }

    @Test("every truth names Quire's front-matter keys, counts its header rows and has square tables")
    func truthIsWellFormed() throws {
        var acrossPages = 0
        for paper in try corpusPapers() {
            let name = paper.lastPathComponent
            let truth = try truth(of: paper)
            let header = try #require(truth["header"] as? [String: Any], "\(name): no header")
            var rows = 0
            for (key, value) in header {
                #expect(FrontMatterField(rawValue: key) != nil, "\(name): header key '\(key)' is not a FrontMatterField")
                rows += key == "fields" ? (value as? [Any])?.count ?? 0 : 1
            }
            #expect(truth["header_rows"] as? Int == rows, "\(name): header_rows \(truth["header_rows"] ?? "none"), counted \(rows)")
            if let date = header["date"] as? String {
                let parts = date.split(separator: "-").compactMap { Int($0) }
                #expect(parts.count == 3 && CalendarDate(validYear: parts[0], month: parts[1], day: parts[2]) != nil,
                        "\(name): date \(date) is not an ISO date")
            }
            let numbering = try #require(truth["numbering"] as? [String: Any], "\(name): no numbering")
            if let paragraphs = numbering["paragraphs"] as? String {
                #expect(ParagraphNumbering(rawValue: paragraphs) != nil, "\(name): paragraphs \(paragraphs)")
            }
            if let count = numbering["count"] as? String { #expect(NumberingCount(rawValue: count) != nil, "\(name): count \(count)") }
            for item in numbering["items"] as? [String] ?? [] { #expect(ItemNumbering(rawValue: item) != nil, "\(name): item \(item)") }
            if let recommendations = numbering["recommendations"] as? String {
                #expect(ItemNumbering(rawValue: recommendations) != nil, "\(name): recommendations \(recommendations)")
            }
            for block in truth["body"] as? [[String: Any]] ?? [] where block["kind"] as? String == "table" {
                let grid = try #require(block["rows"] as? [[Any]], "\(name): a table without rows")
                let width = grid.first?.count ?? 0
                #expect(width > 0 && grid.allSatisfy { $0.count == width }, "\(name): table '\(block["caption"] ?? "")' is not square")
                #expect((block["header_rows"] as? Int ?? 0) >= 1)
                if block["across_pages"] as? Bool == true { acrossPages += 1 }
                // Every covered position (null) lies under a span that starts above or to its left.
                var covered = Set<[Int]>()
                for (r, row) in grid.enumerated() {
                    for (c, cell) in row.enumerated() {
                        guard let cell = cell as? [String: Any] else { continue }
                        let rows = cell["rowspan"] as? Int ?? 1, columns = cell["colspan"] as? Int ?? 1
                        for dr in 0..<rows { for dc in 0..<columns where dr > 0 || dc > 0 { covered.insert([r + dr, c + dc]) } }
                    }
                }
                for (r, row) in grid.enumerated() {
                    for (c, cell) in row.enumerated() {
                        #expect((cell is NSNull) == covered.contains([r, c]), "\(name): table '\(block["caption"] ?? "")' cell \(r),\(c)")
                    }
                }
            }
            let word = try #require(truth["word"] as? [String: [Any]], "\(name): no word features")
            let texts = (truth["body"] as? [[String: Any]] ?? []).map { ($0["text"] as? String) ?? "" }.joined(separator: " ")
            for deleted in word["deletions"] as? [String] ?? [] {
                #expect(!texts.contains(deleted), "\(name): deleted text '\(deleted)' is in the truth's text")
            }
        }
        #expect(acrossPages >= 1, "no corpus table crosses a page break")
    }

    @Test("the truth says what the published PDF says: its own text export scores ≥ 99% of words in order")
    func truthMatchesTheTextExport() throws {
        for paper in try corpusPapers() {
            let result = try run("python3", [scorerPath, "--truth", paper.appendingPathComponent("truth.json").path,
                                             "--markdown", paper.appendingPathComponent("paper.txt").path, "--json"])
            try #require(result.status == 0, "\(paper.lastPathComponent): scorer failed: \(result.err)")
            let score = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
            let words = try #require(score["words_in_order"] as? [String: Any])
            let ratio = words["ratio"] as? Double ?? 0
            #expect(ratio >= 0.99, "\(paper.lastPathComponent): only \(ratio) of the truth's words in order in paper.txt: \(score["details"] ?? "")")
        }
    }

    @Test("the import cases are here, with the split-section PDF their script makes")
    func importCases() throws {
        let folder = repositoryRoot.appendingPathComponent("Tests/Fixtures/import-cases")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for name in ["README.md", "make-split-section-pdf.py", "r1_blank_in_from.txt", "r2_label_own_line.txt",
                     "r3_other_council_header.txt", "r4_table.txt", "r5_people.txt", "r7_numbering.txt", "split-section.pdf"] {
            #expect(names.contains(name), "import-cases lacks \(name)")
        }
        let text = try run("pdftotext", ["-layout", folder.appendingPathComponent("split-section.pdf").path, "-"])
        #expect(text.status == 0 && text.out.contains("Tree planting programme"))
    }
}
