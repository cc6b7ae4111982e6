import Foundation
import QuireKit

/// `quire bench --import`: Quire's importer and the peer (pymupdf4llm, PDF → Markdown) on the
/// same corpus (`Tests/Fixtures/corpus`), scored by the same scorer
/// (`Tests/Tools/score_import.py`), printed side by side: words in order, header rows in
/// the right key, table cells right, tables recovered, the numbering (Quire: papers whose
/// `numbering:` reproduces the source's style; a Markdown peer: paragraph numbers printed
/// before their paragraph), lines written twice, and the time per paper. Quire runs on all
/// three routes (the Word document, the PDF LibreOffice exported from it, and that PDF's
/// text export); the peers are pymupdf4llm on the PDF and pandoc on the Word document. They are installed by `bash scripts/peer-tools.sh`; a peer that is
/// missing is said so and left out.
struct ImportBench {
    let executable: String
    let resources: Resources

    /// One importer's figures over the corpus: right and total per figure.
    struct Totals {
        var name: String
        var figures: [String: (right: Int, total: Int)] = [:]
        var linesTwice = 0
        var numberingKept: Int?
        var papers = 0
        var failed: [String] = []
        var milliseconds: [Double] = []

        mutating func add(_ score: [String: Any]) {
            papers += 1
            for key in ImportBench.figures {
                guard let figure = score[key] as? [String: Any], let right = figure["right"] as? Int, let total = figure["total"] as? Int else { continue }
                figures[key, default: (0, 0)].right += right
                figures[key, default: (0, 0)].total += total
            }
            linesTwice += score["lines_twice"] as? Int ?? 0
            if let kept = score["numbering_kept"] as? Bool { numberingKept = (numberingKept ?? 0) + (kept ? 1 : 0) }
        }
    }

    static let figures = ["words_in_order", "header_rows_right", "table_cells_right", "tables_recovered", "numbers_printed"]

    func run() throws {
        let corpus = resources.root.appendingPathComponent("Tests/Fixtures/corpus")
        let tools = resources.root.appendingPathComponent("Tests/Tools")
        let papers = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
            .filter { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("\($0)/truth.json").path) }
        guard !papers.isEmpty else { throw BenchError("no corpus at \(corpus.path): run from a checkout") }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("quire-import-bench-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        print("quire bench --import: \(papers.count) papers of Tests/Fixtures/corpus, scored by Tests/Tools/score_import.py\n")

        var rows: [Totals] = []
        for (route, name) in [("docx", "Word"), ("pdf", "PDF"), ("txt", "text export")] {
            var totals = Totals(name: "quire import (\(name))")
            for paper in papers {
                let folder = corpus.appendingPathComponent(paper)
                let output = scratch.appendingPathComponent("\(paper).\(route).md").path
                let start = DispatchTime.now().uptimeNanoseconds
                let imported = runTool([executable, "import", folder.appendingPathComponent("paper.\(route)").path, "-o", output,
                                        "--report", output + ".report"])
                totals.milliseconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                guard imported.status == 0 else {
                    totals.failed.append(paper)
                    continue
                }
                let scored = runTool(["python3", tools.appendingPathComponent("score_import.py").path, "--truth", folder.appendingPathComponent("truth.json").path,
                                      "--quire", output, "--import-report", output + ".report", "--json"])
                guard scored.status == 0, let score = try? JSONSerialization.jsonObject(with: Data(scored.out.utf8)) as? [String: Any] else {
                    throw BenchError("the scorer failed on \(paper): \(scored.err.suffix(300)) (python3 with PyYAML: bash scripts/test.sh installs it)")
                }
                totals.add(score)
            }
            rows.append(totals)
        }
        let peers = [
            Peer(name: "pymupdf4llm (PDF)", input: "paper.pdf", probe: ["python3", "-c", "import pymupdf4llm, pymupdf.layout"],
                 command: ["python3", tools.appendingPathComponent("peer_pymupdf4llm.py").path]),
            Peer(name: "pandoc (Word)", input: "paper.docx", probe: ["pandoc", "--version"],
                 command: ["bash", tools.appendingPathComponent("peer_pandoc.sh").path]),
        ]
        for peer in peers {
            guard runTool(peer.probe).status == 0 else {
                print("(\(peer.name) not measured: bash scripts/peer-tools.sh installs it beside Quire)\n")
                continue
            }
            rows.append(try measure(peer, papers: papers, corpus: corpus, tools: tools, scratch: scratch))
        }
        printTable(rows)
    }

    /// A peer converter: what it reads, how to tell it is installed, and the command that
    /// writes its Markdown to standard output (the input's path appended).
    struct Peer {
        var name: String
        var input: String
        var probe: [String]
        var command: [String]
    }

    /// A peer over the corpus, timed and scored as Quire is.
    private func measure(_ peer: Peer, papers: [String], corpus: URL, tools: URL, scratch: URL) throws -> Totals {
        var totals = Totals(name: peer.name)
        for paper in papers {
            let folder = corpus.appendingPathComponent(paper)
            let markdown = scratch.appendingPathComponent("\(paper).\(peer.input).peer.md")
            let start = DispatchTime.now().uptimeNanoseconds
            let converted = runTool(peer.command + [folder.appendingPathComponent(peer.input).path])
            totals.milliseconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            guard converted.status == 0 else {
                totals.failed.append(paper)
                continue
            }
            try converted.out.write(to: markdown, atomically: true, encoding: .utf8)
            let scored = runTool(["python3", tools.appendingPathComponent("score_import.py").path, "--truth", folder.appendingPathComponent("truth.json").path,
                                  "--markdown", markdown.path, "--json"])
            guard scored.status == 0, let score = try? JSONSerialization.jsonObject(with: Data(scored.out.utf8)) as? [String: Any] else {
                throw BenchError("the scorer failed on \(peer.name)'s \(paper): \(scored.err.suffix(300))")
            }
            totals.add(score)
        }
        return totals
    }

    private func printTable(_ rows: [Totals]) {
        let headings = ["importer", "papers", "words in order", "header rows", "table cells", "tables", "numbers printed", "style kept", "lines twice", "ms/paper"]
        var lines = [headings]
        for row in rows {
            var cells = [row.name, "\(row.papers)" + (row.failed.isEmpty ? "" : " (\(row.failed.count) failed)")]
            for key in Self.figures {
                let figure = row.figures[key] ?? (0, 0)
                cells.append(figure.total == 0 ? "–" : String(format: "%.1f%% (%d/%d)", 100 * Double(figure.right) / Double(figure.total), figure.right, figure.total))
            }
            cells.append(row.numberingKept.map { "\($0)/\(row.papers)" } ?? "–")
            cells.append("\(row.linesTwice)")
            let sorted = row.milliseconds.sorted()
            cells.append(sorted.isEmpty ? "–" : String(format: "%.0f", sorted[sorted.count / 2]))
            lines.append(cells)
        }
        printColumns(lines)
        for row in rows where !row.failed.isEmpty { print("\(row.name) failed on: \(row.failed.joined(separator: ", "))") }
        print("""

            numbers printed: a Markdown peer's paragraphs and headings printed with the number the
            paper gives them; style kept: papers whose numbering: options reproduce the paper's own
            numbering (Quire writes numbering as options, not as text)

            """)
    }
}
