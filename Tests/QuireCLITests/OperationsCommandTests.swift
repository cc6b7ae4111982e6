import Foundation
import QuireTestSupport
import QuireVersion
import Testing

/// What an operator or script relies on from `quire`: the version, examples and exit codes in
/// `--help`, one default per option, `check --json`, and `quire serve` finding (or saying how to
/// build) the `quire-server` beside it.
@Suite struct OperationsCommandTests {
    static let subcommands = ["render", "import", "pack", "regenerate", "serve", "layouts", "dump", "check", "bench"]

    @Test func bothExecutablesPrintTheVersionWrittenInTheSource() throws {
        let scratch = try Scratch()
        for arguments in [["--version"], ["serve", "--version"]] {
            let result = try scratch.quire(arguments)
            #expect(result.status == 0, "\(arguments)")
            #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == QuireVersion.number, "\(arguments): \(result.stdout)")
        }
        #expect(QuireVersion.number.split(separator: ".").count == 3 && QuireVersion.number.split(separator: ".").allSatisfy { Int($0) != nil })
    }

    @Test func helpShowsExitCodesAndEverySubcommandAnExample() throws {
        let scratch = try Scratch()
        let root = try scratch.quire(["--help"])
        #expect(root.stdout.contains("Exit status:"))
        for status in ["0  done", "1  the work ran but found a fault", "2  bad input", "64  the command line cannot be read", "69  a library the command needs is not installed", "74  the disk (or quota) an output is written to is full"] {
            #expect(root.stdout.contains(status), "quire --help: \(status)")
        }
        // The statuses it lists are the ones given: 2 for bad input, 64 for a command line argument-parser cannot read.
        #expect(try scratch.quire(["render", "no-such-paper.md"]).status == 2)
        #expect(try scratch.quire(["render", "paper.md", "--no-such-option"]).status == 64)
        #expect(try scratch.quire(["render"]).status == 64)
        for subcommand in Self.subcommands {
            let help = try scratch.quire([subcommand, "--help"])
            #expect(help.status == 0, "\(subcommand)")
            #expect(help.stdout.contains("Example"), "quire \(subcommand) --help has no example")
            #expect(help.stdout.contains("quire \(subcommand)"), "quire \(subcommand) --help's example runs it")
            // argument-parser adds "(default: …)" to an option with a default; the help text must not say it again.
            for line in help.stdout.split(separator: "\n") {
                #expect(line.components(separatedBy: "(default:").count <= 2, "quire \(subcommand) --help: \(line)")
            }
        }
        let regenerate = try scratch.quire(["regenerate", "--help"]).stdout
        #expect(regenerate.contains("(default: one per core,"))
        #expect(!regenerate.contains("(default: \(ProcessInfo.processInfo.activeProcessorCount))"))
    }

    @Test func checkJSONIsTheReportAsOneObject() throws {
        let scratch = try Scratch()
        let render = try scratch.quire(["render", example("kscb-2016-17").path, "-o", "paper.pdf"])
        #expect(render.status == 0, "\(render.stderr)")
        let text = try scratch.quire(["check", "paper.pdf"])
        let json = try scratch.quire(["check", "--json", "--tree", "paper.pdf"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stdout)")
        #expect(object["passed"] as? Bool == true)
        #expect(object["file"] as? String == "paper.pdf")
        let checks = try #require(object["checks"] as? [[String: Any]])
        // The same checks, in the same order, as the text report.
        let textNames = text.stdout.split(separator: "\n").compactMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.map(String.init) }
        #expect(checks.compactMap { $0["name"] as? String } == textNames)
        #expect(checks.allSatisfy { ["pass", "info"].contains($0["status"] as? String ?? "") && $0["detail"] is String })
        let tree = try #require(object["tree"] as? [[String: Any]])
        #expect(tree.contains { $0["role"] as? String == "H1" && ($0["text"] as? String ?? "").contains("Introduction") && $0["page"] as? Int == 1 })
        #expect(tree.allSatisfy { $0["alt"] is NSNull || $0["alt"] is String })
        #expect((try JSONSerialization.jsonObject(with: Data(try scratch.quire(["check", "--json", "paper.pdf"]).stdout.utf8)) as? [String: Any])?["tree"] == nil)

        // A failing check: exit 1, passed false, the failing check marked.
        let untagged = scratch.work.appendingPathComponent("untagged.pdf").path
        #expect(try runProcess("pdftocairo", ["-pdf", scratch.work.appendingPathComponent("paper.pdf").path, untagged]).status == 0)
        let failing = try scratch.quire(["check", "--json", untagged])
        #expect(failing.status == 1)
        let failed = try #require(try JSONSerialization.jsonObject(with: Data(failing.stdout.utf8)) as? [String: Any])
        #expect(failed["passed"] as? Bool == false)
        #expect((failed["checks"] as? [[String: Any]])?.contains { $0["name"] as? String == "tagged" && $0["status"] as? String == "fail" } == true)
    }

    /// After the README's first command, `quire serve` starts: the script builds quire-server
    /// beside quire with the very command the hint names; a quire without its server names
    /// the command for the configuration it was built in; and the quire these tests run (a
    /// plain `swift build`) has its server beside it.
    @Test func serveFindsItsServerOrNamesTheCommandThatBuildsIt() throws {
        let script = try String(contentsOf: repositoryRoot.appendingPathComponent("scripts/render-examples.sh"), encoding: .utf8)
        let lines = script.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let release = "swift build -c release --static-swift-stdlib --product quire-server"
        #expect(lines.contains("swift build -c release --static-swift-stdlib --product quire"))
        #expect(lines.contains(release), "render-examples.sh builds quire-server")
        #expect(lines.contains("quire=.build/release/quire"))

        let built = try quireExecutable()
        for (folder, command) in [("release", release), ("debug", "swift build --product quire-server"), ("bin", "install quire-server in")] {
            let scratch = try Scratch()
            let copy = scratch.root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: built, to: copy.appendingPathComponent("quire"))
            let result = try runProcess(copy.appendingPathComponent("quire").path, ["serve", "--port", "0"], timeout: 60)
            let text = result.stderr
            #expect(result.status == 2, "\(folder)")
            #expect(text.contains("quire-server is missing") && text.contains(command), "\(folder): \(text)")
        }
        // Beside the quire `swift build` made, quire-server is there and answers.
        #expect(FileManager.default.isExecutableFile(atPath: built.deletingLastPathComponent().appendingPathComponent("quire-server").path))
        let help = try Scratch().quire(["serve", "--help"])
        #expect(help.status == 0 && help.stdout.contains("QUIRE_MAX_BODY_MIB"), "\(help.stderr)")
    }
}
