import Foundation
import QuireTestSupport
import Testing

/// The import corpus (Tests/Fixtures/corpus: twelve papers in four councils' house styles,
/// each as Word wrote it, as LibreOffice exported it to PDF and as pdftotext exported that),
/// imported by all three routes (the .docx, the PDF and the text export),
/// imported as a user would (`quire import X -o X.md`, then `quire render X.md`) and scored
/// against the generator's truth by `Tests/Tools/score_import.py`, per paper and per route.
/// The targets are issue 14's: every paper imports and renders as written; ≥ 99.5% of words
/// in order; ≥ 95% of header rows in the right key; ≥ 95% of table cells right; the source's
/// numbering kept; no line written twice.
@Suite(.serialized) struct CorpusImportTests {
    static let corpus = repositoryRoot.appendingPathComponent("Tests/Fixtures/corpus")
    static let papers: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
        .filter { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("\($0)/truth.json").path) }
    static let routes = ["pdf", "txt", "docx"]

    /// One paper imported by one route: the scorer's figures and what the commands said.
    struct Imported: Sendable {
        /// The scorer's JSON, parsed where read (`score`).
        var json: Data
        var renderStatus: Int32
        var renderErrors: String

        var score: [String: Any] { (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] ?? [:] }
    }

    /// Imports and renders each paper once per route, scoring each (cached for the suite).
    static let results: [String: Imported] = {
        var out: [String: Imported] = [:]
        guard let folder = try? scratchDirectory(), let quire = try? quireExecutable().path else { return out }
        for paper in papers {
            for route in routes {
                let source = corpus.appendingPathComponent("\(paper)/paper.\(route)").path
                let output = folder.appendingPathComponent("\(paper)-\(route).md").path
                guard let imported = try? runProcess(quire, ["import", source, "-o", output], in: folder), imported.status == 0,
                      FileManager.default.fileExists(atPath: output + ".import-report.txt") else { continue }
                let rendered = try? runProcess(quire, ["render", output, "-o", output + ".pdf"], in: folder)
                let scored = try? run("python3", [repositoryRoot.appendingPathComponent("Tests/Tools/score_import.py").path,
                                                  "--truth", corpus.appendingPathComponent("\(paper)/truth.json").path, "--quire", output,
                                                  "--import-report", output + ".import-report.txt", "--json"])
                guard let scored, scored.status == 0 else { continue }
                out["\(paper)/\(route)"] = Imported(json: Data(scored.out.utf8), renderStatus: rendered?.status ?? -1, renderErrors: rendered?.stderr ?? "")
            }
        }
        return out
    }()

    @Test func theCorpusIsThere() throws {
        #expect(Self.papers.count >= 12)
        let missing = missingPythonModule("yaml", package: "PyYAML")
        try #require(missing == nil, "\(missing ?? "")")
    }

    @Test(arguments: papers, routes)
    func importsAndRendersAsWritten(paper: String, route: String) throws {
        let imported = try #require(Self.results["\(paper)/\(route)"], "quire import or the scorer failed on \(paper).\(route)")
        #expect(imported.score["lines_twice"] as? Int == 0, "lines written twice: \(String(describing: (imported.score["details"] as? [String: Any])?["lines_twice"]))")
        #expect(imported.score["numbering_kept"] as? Bool == true, "numbering: \(String(describing: (imported.score["details"] as? [String: Any])?["numbering"]))")
        // A paper lacking a field its layout requires still renders (imported-from: each
        // missing field is a warning, nothing made up).
        #expect(imported.renderStatus == 0, "quire render: \(imported.renderErrors)")
    }

    @Test(arguments: routes)
    func meetsTheTargetsOverTheCorpus(route: String) throws {
        var totals: [String: (right: Int, total: Int)] = [:]
        var shortfalls: [String] = []
        for paper in Self.papers {
            let imported = try #require(Self.results["\(paper)/\(route)"], "\(paper).\(route) did not import")
            for key in ["words_in_order", "header_rows_right", "table_cells_right"] {
                guard let figure = imported.score[key] as? [String: Any], let right = figure["right"] as? Int, let total = figure["total"] as? Int else { continue }
                totals[key, default: (0, 0)].right += right
                totals[key, default: (0, 0)].total += total
                if right < total { shortfalls.append("\(paper) \(key) \(right)/\(total)") }
            }
        }
        func ratio(_ key: String) -> Double { totals[key].map { Double($0.right) / Double(max(1, $0.total)) } ?? 0 }
        let detail = shortfalls.joined(separator: "; ")
        #expect(ratio("words_in_order") >= 0.995, "words in order \(ratio("words_in_order")): \(detail)")
        #expect(ratio("header_rows_right") >= 0.95, "header rows \(ratio("header_rows_right")): \(detail)")
        #expect(ratio("table_cells_right") >= 0.95, "table cells \(ratio("table_cells_right")): \(detail)")
    }
}
