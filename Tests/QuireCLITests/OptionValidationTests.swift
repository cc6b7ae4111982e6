import Foundation
import QuireTestSupport
import Testing

/// Every numeric option of every subcommand is checked against its range: `nan`, `inf`, a
/// huge number, zero or a negative one gets a message naming the option and the range (the
/// usage error status, 64), never a crash.
@Suite struct OptionValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let dpi = ["nan", "inf", "-inf", "1e9", "0", "-5", "23.9", "601"].map {
        // `--dpi=-5`: as a separate word, "-5" would be read as an option.
        Case(arguments: ["render", "paper.md", "--png", "pages", "--dpi=\($0)"], message: "--dpi must be a number from 24 to 600 dots per inch, not ")
    }
    static let others = [
        Case(arguments: ["regenerate", "archive", "--out", "dist", "--jobs", "0"], message: "--jobs must be a whole number from 1 to 4096, not 0"),
        Case(arguments: ["regenerate", "archive", "--out", "dist", "--jobs=-2"], message: "--jobs must be a whole number from 1 to 4096, not -2"),
        Case(arguments: ["regenerate", "archive", "--out", "dist", "--jobs", "100000"], message: "--jobs must be a whole number from 1 to 4096"),
        Case(arguments: ["bench", "--sections", "0"], message: "--sections must be a whole number from 1 to 10000, not 0"),
        Case(arguments: ["bench", "--runs=-1"], message: "--runs must be a whole number from 1 to 100"),
        Case(arguments: ["bench", "--server", "--requests", "0"], message: "--requests must be a whole number from 1 to 1000000"),
        Case(arguments: ["bench", "--server", "--clients", "5000"], message: "--clients must be a whole number from 1 to 1024"),
        Case(arguments: ["serve", "--port", "70000"], message: "--port must be a whole number from 0 to 65535, not 70000"),
        Case(arguments: ["serve", "--max-body-mib", "9999999999999"], message: "--max-body-mib must be a whole number from 1 to 4096 MiB"),
        Case(arguments: ["serve", "--max-pages", "0"], message: "--max-pages must be a whole number from 1 to 1000000"),
        Case(arguments: ["serve", "--render-timeout", "nan"], message: "--render-timeout must be a number from 0.01 to 86400 seconds, not nan"),
        Case(arguments: ["serve", "--render-timeout", "inf"], message: "--render-timeout must be a number from 0.01 to 86400 seconds, not inf"),
        Case(arguments: ["serve", "--idle-timeout=-1"], message: "--idle-timeout must be a number from 0.01 to 86400 seconds"),
        Case(arguments: ["serve", "--concurrency", "0"], message: "--concurrency must be a whole number from 1 to 4096"),
        Case(arguments: ["serve", "--max-queue=-1"], message: "--max-queue must be a whole number from 0 to 1000000"),
        Case(arguments: ["serve", "--max-connections", "0"], message: "--max-connections must be a whole number from 1 to 1000000"),
    ]

    @Test(arguments: dpi + others)
    func outOfRangeIsAMessageNotACrash(_ bad: Case) throws {
        let scratch = try Scratch()
        try scratch.write("paper.md", try Data(contentsOf: example("kscb-2016-17")))
        let result = try scratch.quire(bad.arguments)
        #expect(result.status == 64, "\(result.status): \(result.stderr)")
        #expect(result.stderr.contains(bad.message), "\(result.stderr)")
        #expect(!result.signalled)
        #expect(try scratch.listing() == ["paper.md"])
    }

    @Test func theEdgesOfARangeAreAccepted() throws {
        let scratch = try Scratch()
        try scratch.write("paper.md", try Data(contentsOf: example("kscb-2016-17")))
        let result = try scratch.quire(["render", "paper.md", "--png", "pages", "--dpi", "24"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(scratch.exists("pages/page-1.png"))
    }
}
