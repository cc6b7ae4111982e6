import Foundation
import QuireKit

/// `quire bench --word`: `quire render report.docx` against LibreOffice's own
/// `soffice --headless --convert-to pdf` (what a council does to publish a Word paper) on the
/// same documents, the import corpus's twelve, timed in the same run: the median of `runs`
/// each, and the ratio. LibreOffice starts once per conversion, as a script calling it would,
/// and exports tagged PDF (its accessible setting, the best it offers a council). Each file,
/// Quire's and LibreOffice's, then goes through `quire check`, and the checks it fails are named.
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

        var lines = [["document", "quire ms", "soffice ms", "ratio", "quire check", "soffice check"]]
        var quireTotal = 0.0, officeTotal = 0.0
        var failing = (quire: 0, office: 0)
        for paper in papers {
            let docx = corpus.appendingPathComponent("\(paper)/paper.docx").path
            let quirePDF = scratch.appendingPathComponent("\(paper).pdf").path
            let officePDF = scratch.appendingPathComponent("office/paper.pdf").path
            let quire = try median { () throws -> Void in
                let result = runTool([executable, "render", docx, "-o", quirePDF])
                guard result.status == 0 else { throw BenchError("quire render \(paper).docx failed: \(result.err.suffix(300))") }
            }
            var office: Double?
            if hasOffice {
                office = try median { () throws -> Void in
                    let result = runTool(["soffice", "--headless", "--convert-to", Self.taggedExport, "--outdir", scratch.appendingPathComponent("office").path, docx])
                    guard result.status == 0 else { throw BenchError("soffice failed on \(paper).docx: \(result.err.suffix(300))") }
                }
            }
            quireTotal += quire
            officeTotal += office ?? 0
            let quireFailed = try failedChecks(quirePDF)
            let officeFailed = hasOffice ? try failedChecks(officePDF) : nil
            failing.quire += quireFailed.isEmpty ? 0 : 1
            failing.office += officeFailed.map { $0.isEmpty ? 0 : 1 } ?? 0
            lines.append([paper, String(format: "%.0f", quire), office.map { String(format: "%.0f", $0) } ?? "–",
                          office.map { String(format: "%.2f×", $0 / quire) } ?? "–",
                          Self.describe(quireFailed), officeFailed.map(Self.describe) ?? "–"])
        }
        lines.append(["all", String(format: "%.0f", quireTotal), hasOffice ? String(format: "%.0f", officeTotal) : "–",
                      hasOffice ? String(format: "%.2f×", officeTotal / quireTotal) : "–",
                      "\(papers.count - failing.quire)/\(papers.count) pass", hasOffice ? "\(papers.count - failing.office)/\(papers.count) pass" : "–"])
        printColumns(lines, rulesAfter: [0, lines.count - 2])
        print("\nratio: soffice's time over Quire's (above 1: Quire is faster); check: the quire check tests each file fails")
    }

    /// LibreOffice's PDF export with "Tagged PDF" ticked, as its filter options spell it.
    static let taggedExport = #"pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}"#

    /// The names of the checks `quire check --json` fails on `pdf` (none: it passes).
    private func failedChecks(_ pdf: String) throws -> [String] {
        let result = runTool([executable, "check", "--json", pdf])
        guard let object = try? JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any],
              let checks = object["checks"] as? [[String: Any]] else {
            throw BenchError("quire check --json \(pdf) gave no report: \(result.err.suffix(300))")
        }
        return checks.filter { $0["status"] as? String == "fail" }.compactMap { $0["name"] as? String }
    }

    private static func describe(_ failed: [String]) -> String {
        failed.isEmpty ? "pass" : "fails \(failed.joined(separator: ", "))"
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
