import Foundation
import QuireKit
import QuireTestSupport
import Testing

/// The PDF/UA-1 and PDF/A-2b rules that apply to Quire's output, as Tests/Tools/validation_rules.py
/// implements them on pikepdf and fontTools (chosen from veraPDF's rule profiles, written anew):
/// no failure on any example, as PDF and PDF/A, on the packs or the Welsh --pdfa paper, while
/// the files of before issue 17 fail the rules they broke.
@Suite("PDF/UA-1 and PDF/A-2b rules")
struct ValidationRuleTests {
    struct Result: Decodable {
        var checked: [String]
        var failures: [[String]]
    }

    static func validate(_ pdf: String, pdfa: Bool) throws -> Result {
        let result = try run("python3", [repositoryRoot.appendingPathComponent("Tests/Tools/validation_rules.py").path, pdf] + (pdfa ? ["--pdfa"] : []))
        guard result.status == 0 else { throw PDFReading.ReadingFailed(message: result.err) }
        return try JSONDecoder().decode(Result.self, from: Data(result.out.utf8))
    }

    @Test("every example meets the rules, as PDF (PDF/UA-1) and as PDF/A (both)", arguments: examples)
    func example(name: String) throws {
        let folder = try scratchDirectory()
        for pdfa in [false, true] {
            let path = folder.appendingPathComponent("\(name)\(pdfa ? ".pdfa" : "").pdf").path
            _ = try typesetter.renderPDF(file: examplePath(name), pdfa: pdfa, to: path)
            let result = try Self.validate(path, pdfa: pdfa)
            #expect(result.checked.count >= (pdfa ? 45 : 30), "\(result.checked)")
            #expect(result.failures.isEmpty, "\(name)\(pdfa ? " --pdfa" : ""): \(result.failures)")
        }
    }

    @Test("the public and full packs meet PDF/UA-1's rules; the Welsh --pdfa paper both parts'")
    func packsAndWelsh() throws {
        for edition in [PackEdition.publicPack, .fullPack] {
            let result = try Self.validate(try PackTests.render(edition), pdfa: false)
            #expect(result.failures.isEmpty, "\(edition): \(result.failures)")
        }
        let welsh = try scratchDirectory().appendingPathComponent("welsh.pdf").path
        _ = try typesetter.renderPDF(file: CIDFontOutputTests.welshPaper, pdfa: true, to: welsh)
        let result = try Self.validate(welsh, pdfa: true)
        #expect(result.failures.isEmpty, "\(result.failures)")
    }

    @Test("the files of before issue 17 fail the rules they broke: no PDF/UA claim, CID fonts without a map")
    func before() throws {
        let folder = repositoryRoot.appendingPathComponent("Tests/Fixtures/accessibility/before")
        let welsh = try Self.validate(folder.appendingPathComponent("welsh-figures-pdfa.pdf").path, pdfa: true).failures.map { $0[0] }
        #expect(welsh.contains("UA 5") && welsh.contains("UA 7.21.3.2") && welsh.contains("A 6.2.11.3.2"), "\(welsh)")
        let report = try Self.validate(folder.appendingPathComponent("kscb-annual-report.pdf").path, pdfa: true).failures.map { $0[0] }
        #expect(report.contains("UA 5"), "\(report)")
    }
}
