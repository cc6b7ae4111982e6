import Foundation
import QuireKit

/// `quire bench --word`: `quire render report.docx` against LibreOffice's own
/// `soffice --headless --convert-to pdf` (what a council does to publish a Word paper) on the
/// same documents, the import corpus's twelve, timed in the same run: the median of `runs`
/// each, and the ratio. LibreOffice starts once per conversion, as a script calling it would.
struct WordBench {
    let executable: String
    let resources: Resources
    let runs: Int

    func run() throws {
        let corpus = resources.root.appendingPathComponent("Tests/Fixtures/corpus")
        let papers = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
            .filter { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("\($0)/paper.docx").path) }
        guard !papers.isEmpty else { throw BenchError("no Word documents in \(corpus.path): run from a checkout") }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("quire-word-bench-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let hasOffice = runTool(["soffice", "--version"]).status == 0
        print("quire bench --word: \(papers.count) Word documents of Tests/Fixtures/corpus, median of \(runs) run(s) each\n")
        if !hasOffice { print("(soffice not measured: apt-get install libreoffice-writer-nogui)\n") }

        var lines = [["document", "quire ms", "soffice ms", "ratio"]]
        var quireTotal = 0.0, officeTotal = 0.0
        for paper in papers {
            let docx = corpus.appendingPathComponent("\(paper)/paper.docx").path
            let quire = try median { () throws -> Void in
                let result = runTool([executable, "render", docx, "-o", scratch.appendingPathComponent("\(paper).pdf").path])
                guard result.status == 0 else { throw BenchError("quire render \(paper).docx failed: \(result.err.suffix(300))") }
            }
            var office: Double?
            if hasOffice {
                office = try median { () throws -> Void in
                    let result = runTool(["soffice", "--headless", "--convert-to", "pdf", "--outdir", scratch.appendingPathComponent("office").path, docx])
                    guard result.status == 0 else { throw BenchError("soffice failed on \(paper).docx: \(result.err.suffix(300))") }
                }
            }
            quireTotal += quire
            officeTotal += office ?? 0
            lines.append([paper, String(format: "%.0f", quire), office.map { String(format: "%.0f", $0) } ?? "–",
                          office.map { String(format: "%.2f×", $0 / quire) } ?? "–"])
        }
        lines.append(["all", String(format: "%.0f", quireTotal), hasOffice ? String(format: "%.0f", officeTotal) : "–",
                      hasOffice ? String(format: "%.2f×", officeTotal / quireTotal) : "–"])
        printColumns(lines, rulesAfter: [0, lines.count - 2])
        print("\nratio: soffice's time over Quire's (above 1: Quire is faster)")
    }

    /// The median wall time of `runs` calls, in milliseconds.
    private func median(_ work: () throws -> Void) throws -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try work()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return times.sorted()[times.count / 2]
    }
}
