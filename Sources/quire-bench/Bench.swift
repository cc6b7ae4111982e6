import ArgumentParser
import Foundation
import QuireCommandLine
import QuireBench
import QuireKit
import QuireSystem
import QuireModel

/// `quire bench`: engine against a bare Pango+Cairo loop (and Typst, when installed), side
/// by side in one run; each case in a fresh process so wall time and peak memory are its own.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quire bench",
        abstract: "Benchmark: pages/s, wall time and peak memory; engine/bare ratio and peers measured in the same run.",
        discussion: """
            Examples:
              quire bench --runs 3
              quire bench --server --requests 200 --clients 8
              quire bench --import
              quire bench --word --runs 3
              quire bench --peers ../shared/peers --runs 5
            """)

    @Option(help: "Sections in the generated long paper (about 2 pages each).")
    var sections = 120

    @Option(help: "Runs per case; the median is reported.")
    var runs = 5

    @Option(help: "Benchmark against Typst instead: the folder of the peer scripts (../shared/peers); their seed paper once and as 50- and 250-paper packs, through both in one run.")
    var peers: String?

    @Option(help: "With --peers: the Python that imports typst (default: .build/peers-venv/bin/python, which scripts/peers-venv.sh makes, else python3).")
    var typstPython: String?

    @Flag(help: "Benchmark the service instead: requests/s and p50/p90/p99 latency of `quire serve` on a 3-page paper, against `quire render` per paper.")
    var server = false

    @Option(help: "With --server: requests per measured case.")
    var requests = 200

    @Option(help: "With --server: client threads sending at once.")
    var clients = 8

    @Flag(name: .customLong("import"), help: "Benchmark the importer instead: quire import (Word, PDF and text export) against pymupdf4llm and pandoc on the import corpus, scored side by side.")
    var importCorpus = false

    @Flag(help: "Benchmark Word documents instead: quire render report.docx against soffice --convert-to pdf on the corpus's .docx files.")
    var word = false

    @Option(help: .hidden) var child: String?
    @Option(help: .hidden) var report: String?

    func validate() throws {
        try validating { () throws(QuireError) in
            try checkOption(sections, "--sections", in: 1...10_000)
            try checkOption(runs, "--runs", in: 1...100)
            try checkOption(requests, "--requests", in: 1...1_000_000)
            try checkOption(clients, "--clients", in: 1...1024)
        }
    }

    func run() async throws {
        let resources = Resources.locate()
        // The cases time the quire CLI beside this harness, as a user runs it; each engine case
        // runs in a fresh process of this harness.
        let quire = Platform.executable.deletingLastPathComponent().appendingPathComponent("quire").path
        if let child, let benchCase = BenchCase(rawValue: child) {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("quire-bench-\(getpid()).pdf").path
            let measured = try benchCase.run(sections: sections, output: output, resources: resources)
            unlink(output)
            try "\(measured.milliseconds) \(measured.pages)\n".write(toFile: report!, atomically: true, encoding: .utf8)
            return
        }
        if importCorpus {
            try ImportBench(executable: quire, resources: resources).run()
            return
        }
        if word {
            try WordBench(executable: quire, resources: resources, runs: runs).run()
            return
        }
        if server {
            try ServerBench(executable: quire, resources: resources, requests: requests, clients: clients, runs: runs).run()
            return
        }
        if let peers {
            guard let python = PeerBench.typstPython(given: typstPython, root: resources.root) else {
                throw BenchError("no Python here imports typst: run `bash scripts/peers-venv.sh` (a virtual environment of its own, so other packages do not slow Typst's start), or pass --typst-python")
            }
            try PeerBench(executable: quire, resources: resources, runs: runs, peers: URL(fileURLWithPath: peers), python: python).run()
            return
        }
        let driver = BenchDriver(runs: runs, executable: quire, harness: Platform.executable.path, resources: resources)
        try driver.runAll(sections: sections)
    }
}
