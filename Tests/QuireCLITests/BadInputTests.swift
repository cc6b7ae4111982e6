import Foundation
import QuireTestSupport
import Testing

/// Bad input exits 2 with `FILE:LINE:` and the field on stderr, and leaves no output behind
/// (no PDF, no temporary `.*.tmp` file).
@Suite struct BadInputTests {
    static let good = """
        ---
        layout: committee-paper
        by:
          - name: Jane Smith
            role: Corporate Director
        to: Cabinet Committee
        date: 2017-10-19
        subject: Test paper
        classification: Unrestricted
        summary: A short summary.
        recommendation: NOTE the report.
        ---

        # Introduction

        The body.

        """

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var source: Data
        var line: Int
        var field: String?
        var mentions: [String]
        var testDescription: String { name }
    }

    static func edited(_ old: String, _ new: String) -> Data {
        precondition(good.contains(old))
        return Data(good.replacingOccurrences(of: old, with: new).utf8)
    }

    /// "The body." on line 16 in Windows-1252 curly quotes.
    static var windows1252: Data {
        let parts = good.components(separatedBy: "The body.")
        return Data(parts[0].utf8) + Data([0x93]) + Data("The body.".utf8) + Data([0x94]) + Data(parts[1].utf8)
    }

    static let cases: [Case] = [
        Case(name: "malformed YAML", source: edited("subject: Test paper", "subject: Test paper\n  extra: indented"),
             line: 9, field: nil, mentions: ["not valid YAML", "indentation"]),
        Case(name: "unknown key", source: edited("recommendation:", "recomendation:"),
             line: 11, field: "recomendation", mentions: ["did you mean 'recommendation'"]),
        Case(name: "missing classification", source: edited("classification: Unrestricted\n", ""),
             line: 2, field: "classification", mentions: ["requires 'classification'", "classification: Unrestricted"]),
        Case(name: "unknown layout", source: edited("layout: committee-paper", "layout: comittee-paper"),
             line: 2, field: "layout", mentions: ["did you mean 'committee-paper'", "available layouts: agenda, annual-report, cabinet-decision, city-committee-report, combined-authority, committee-paper, county-2025, welsh-council"]),
        Case(name: "not UTF-8", source: windows1252,
             line: 16, field: nil, mentions: ["not valid UTF-8", "save the file as UTF-8"]),
        Case(name: "empty body", source: Data(good.components(separatedBy: "# Introduction")[0].utf8),
             line: 13, field: nil, mentions: ["no body text"]),
    ]

    @Test(arguments: cases)
    func exitsTwoWithLocationAndNoOutput(_ bad: Case) throws {
        let scratch = try Scratch()
        try scratch.write("paper.md", bad.source)
        let result = try scratch.quire(["render", "paper.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("paper.md:\(bad.line): error:"), "stderr: \(result.stderr)")
        if let field = bad.field {
            #expect(result.stderr.contains("field '\(field)'"), "stderr: \(result.stderr)")
        }
        for phrase in bad.mentions {
            #expect(result.stderr.contains(phrase), "stderr should mention \(phrase): \(result.stderr)")
        }
        #expect(result.stdout.isEmpty)
        // Neither the PDF nor a temporary `.paper.pdf.<pid>.tmp` is left behind.
        #expect(try scratch.listing() == ["paper.md"])
    }

    @Test func badInputWithExplicitOutputWritesNothing() throws {
        let scratch = try Scratch()
        try scratch.write("paper.md", Self.edited("recommendation:", "recomendation:"))
        let result = try scratch.quire(["render", "paper.md", "-o", "out.pdf", "--png", "pages"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("paper.md:11:"))
        #expect(try scratch.listing() == ["paper.md"])
    }

    @Test func pathIsReportedAsPassed() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.work.appendingPathComponent("papers"), withIntermediateDirectories: true)
        try scratch.write("papers/draft.md", Self.edited("date: 2017-10-19", "date: 19/10/17"))
        let result = try scratch.quire(["render", "papers/draft.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("papers/draft.md:7: error: field 'date':"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("two-digit year"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.work.appendingPathComponent("papers").path) == ["draft.md"])
    }

    /// A render that fails at once exits while its text stack is still warming up on another
    /// thread (`Typesetter.warmUp`): the exit waits for it, so no library's finaliser runs
    /// under it, and every run ends with the same message and status, however the threads fall.
    @Test func anEarlyFailureExitsCleanlyWhileTheTextStackWarmsUp() throws {
        let scratch = try Scratch()
        try scratch.write("paper.md", Self.edited("date: 2017-10-19", "date: 19/10/17"))
        for _ in 0..<12 {
            let result = try scratch.quire(["render", "paper.md"])
            #expect(result.status == 2, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("paper.md:7: error: field 'date':"), "stderr: \(result.stderr)")
            #expect(try scratch.listing() == ["paper.md"])
        }
        // Refused by the command line's parser, and by the pack command, as quickly.
        let option = try scratch.quire(["render", "paper.md", "--dpi", "many"])
        #expect(option.status == 64, "\(option.stderr)")
        #expect(option.stderr.contains("The value 'many' is invalid for '--dpi <dpi>'"), "\(option.stderr)")
        let pack = try scratch.quire(["pack", "missing.yaml"])
        #expect(pack.status == 2, "\(pack.stderr)")
        #expect(pack.stderr.contains("missing.yaml"), "\(pack.stderr)")
    }

    @Test func missingSourceFile() throws {
        let scratch = try Scratch()
        let result = try scratch.quire(["render", "missing.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing.md"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("check the path"))
        #expect(try scratch.listing() == [])
    }

    /// Three mistakes, one run: each printed at its line, in order, exit 2, nothing written.
    @Test func everyFrontMatterMistakeInOneRun() throws {
        let scratch = try Scratch()
        var source = String(decoding: Self.edited("recommendation:", "recomendation:"), as: UTF8.self)
        source = source.replacingOccurrences(of: "date: 2017-10-19", with: "date: 19/13/2017")
        source = source.replacingOccurrences(of: "classification: Unrestricted", with: "classification: “Unrestricted: open”")
        try scratch.write("paper.md", source)
        let result = try scratch.quire(["render", "paper.md", "-o", "out.pdf"])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("paper.md:") }.map { $0.split(separator: ":")[1] }
        #expect(lines == ["7", "9", "11"], "\(result.stderr)")
        #expect(result.stderr.contains("curly quotes"))
        #expect(try scratch.listing() == ["paper.md"])
    }
}
