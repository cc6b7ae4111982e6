import Foundation
import QuireTestSupport
import Testing

/// `quire layouts`, `quire dump` and the help text.
@Suite struct OtherCommandsTests {
    @Test func layoutsListsEachWithItsDescription() throws {
        let result = try Scratch().quire(["layouts"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        let committee = try #require(lines.first { $0.hasPrefix("committee-paper ") })
        #expect(committee.contains("Cover report with a By/To/Subject header block"))
        let cabinet = try #require(lines.first { $0.hasPrefix("cabinet-decision ") })
        #expect(cabinet.contains("Decision report with From/Decision No/Key decision rows"))
    }

    /// `quire layouts` alone skips the argument parser; anything more goes through it. Both
    /// routes list the same, and fail the same way on a broken layout.
    @Test func layoutsAloneMatchesTheParsedCommand() throws {
        let scratch = try Scratch()
        let cache = ["XDG_CACHE_HOME": scratch.work.appendingPathComponent("cache").path]
        let alone = try scratch.quire(["layouts"], environment: cache), parsed = try scratch.quire(["layouts", "--"], environment: cache)
        #expect(alone.status == 0 && parsed.status == 0, "\(alone.stderr) \(parsed.stderr)")
        #expect(alone.stdout == parsed.stdout && alone.stdout.contains("committee-paper "))
        let ours = scratch.work.appendingPathComponent("ours")
        try FileManager.default.createDirectory(at: ours, withIntermediateDirectories: true)
        try scratch.write("ours/broken.yaml", "extends: committee-paper\npage: [unclosed\n")
        let environment = cache.merging(["QUIRE_LAYOUTS": ours.path]) { $1 }
        let brokenAlone = try scratch.quire(["layouts"], environment: environment)
        let brokenParsed = try scratch.quire(["layouts", "--"], environment: environment)
        #expect(brokenAlone.status == 2 && brokenParsed.status == 2)
        #expect(brokenAlone.stderr == brokenParsed.stderr && brokenAlone.stderr.contains("broken.yaml"), "\(brokenAlone.stderr)")
    }

    @Test func helpNamesTheSubcommands() throws {
        let result = try Scratch().quire(["--help"])
        #expect(result.status == 0)
        for subcommand in ["render", "layouts", "dump"] {
            #expect(result.stdout.contains(subcommand), "--help should mention \(subcommand)")
        }
    }

    @Test func renderHelpNamesItsOptions() throws {
        let result = try Scratch().quire(["render", "--help"])
        #expect(result.status == 0)
        for option in ["<source>", "--output", "-o", "--png", "--dpi", "--layout"] {
            #expect(result.stdout.contains(option), "render --help should mention \(option)")
        }
    }

    @Test(arguments: examples)
    func dumpPrintsThePageTree(_ name: String) throws {
        let result = try Scratch().quire(["dump", example(name).path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("page 1 ") == true)
        #expect(lines.contains { $0.hasPrefix("page 2 ") })
        #expect(result.stdout.contains("Page 1 of"))
    }
}
