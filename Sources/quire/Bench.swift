import ArgumentParser
import Foundation
import QuireKit

/// `quire bench`: engine against a bare Pango+Cairo loop (and Typst, when installed), side
/// by side in one run; each case in a fresh process so wall time and peak memory are its own.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark: pages/s, wall time and peak memory; engine/bare ratio and peers measured in the same run.")

    @Option(help: "Sections in the generated long paper (about 2 pages each).")
    var sections = 120

    @Option(help: "Runs per case; the median is reported.")
    var runs = 5

    @Option(help: "Folder of the peer scripts (../shared/peers) to time Typst beside Quire, if `import typst` works.")
    var peers: String?

    @Option(help: .hidden) var child: String?
    @Option(help: .hidden) var report: String?

    func run() async throws {
        let resources = Resources.locate()
        if let child, let benchCase = BenchCase(rawValue: child) {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("quire-bench-\(getpid()).pdf").path
            let measured = try benchCase.run(sections: sections, output: output, resources: resources)
            unlink(output)
            try "\(measured.milliseconds) \(measured.pages)\n".write(toFile: report!, atomically: true, encoding: .utf8)
            return
        }
        let driver = BenchDriver(runs: runs, executable: CommandLine.arguments[0], resources: resources)
        try driver.runAll(sections: sections, peers: peers)
    }
}
