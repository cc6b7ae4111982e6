import Foundation
import QuireKit
import QuireTestSupport
import Testing

/// Checkers Quire did not write, from PyPI, on every example (as PDF and PDF/A), the packs and
/// the Welsh --pdfa paper: `pdfua` (PDF/UA-1's machine-checkable rules), `outloud` (PDF/UA-1
/// and semantic checks) and `avalpdf` (tagging, headings, alternative text, tables, links).
/// None may report an error. (scripts/python-packages.sh installs them; their commands are
/// the packages' own console scripts.)
@Suite("Independent checkers")
struct IndependentCheckerTests {
    /// Runs the three checkers on a file; returns their complaints (empty: none).
    static func complaints(_ pdf: String) throws -> [String] {
        for module in ["pdfua", "outloud", "avalpdf"] {
            if let missing = missingPythonModule(module, package: module) { throw PDFReading.ReadingFailed(message: missing) }
        }
        var out: [String] = []
        // pdfua: exit 0 with no findings; 2 for warnings only, 3 for errors.
        let pdfua = try run("pdfua", ["check", pdf])
        if pdfua.status != 0 { out.append("pdfua (\(pdfua.status)): \(pdfua.out.suffix(600))") }
        let outloud = try run("outloud", ["--json", "-", "--fail-on", "error", pdf])
        if let data = outloud.out.data(using: .utf8), let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
           let result = (json["results"] as? [[String: Any]])?.first, let counts = result["counts"] as? [String: Int] {
            if (counts["error"] ?? 0) > 0 || result["error"] as? String != nil {
                let findings = (result["findings"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String == "error" }
                out.append("outloud: \(findings.map { "\($0["rule"] ?? "") \($0["message"] ?? "")" })")
            }
        } else {
            out.append("outloud gave no report: \(outloud.err.suffix(400))")
        }
        let folder = try scratchDirectory()
        let avalpdf = try run("avalpdf", ["--report", "--quiet", "-o", folder.path, pdf])
        let reports = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix("_validation_report.json") }
        if let report = reports.first, let data = FileManager.default.contents(atPath: folder.appendingPathComponent(report).path),
           let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let results = json["validation_results"] as? [String: Any] {
            let issues = results["issues"] as? [Any] ?? []
            if !issues.isEmpty { out.append("avalpdf: \(issues)") }
        } else {
            out.append("avalpdf gave no report (\(avalpdf.status)): \(avalpdf.err.suffix(400))")
        }
        return out
    }

    @Test("every example, as PDF and as PDF/A, passes pdfua, outloud and avalpdf", arguments: examples)
    func example(name: String) throws {
        let folder = try scratchDirectory()
        for pdfa in [false, true] {
            let path = folder.appendingPathComponent("\(name)\(pdfa ? ".pdfa" : "").pdf").path
            _ = try typesetter.renderPDF(file: examplePath(name), pdfa: pdfa, to: path)
            let complaints = try Self.complaints(path)
            #expect(complaints.isEmpty, "\(name)\(pdfa ? " --pdfa" : ""): \(complaints)")
        }
    }

    @Test("the public and full packs and the Welsh --pdfa paper pass them too")
    func packsAndWelsh() throws {
        var files = [try PackTests.render(.publicPack), try PackTests.render(.fullPack)]
        let welsh = try scratchDirectory().appendingPathComponent("welsh.pdf").path
        _ = try typesetter.renderPDF(file: CIDFontOutputTests.welshPaper, pdfa: true, to: welsh)
        files.append(welsh)
        for file in files {
            let complaints = try Self.complaints(file)
            #expect(complaints.isEmpty, "\(file): \(complaints)")
        }
    }
}
