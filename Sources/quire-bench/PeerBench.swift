import Foundation
import QuireKit

/// `quire bench --peers ../shared/peers`: the peer benchmark's own work through Quire and
/// Typst, side by side in one run. The peer scripts' seed 000 is the 2017 KSCB paper, which
/// Quire has as examples/kscb-2016-17: `gen_pack.py` writes it for Typst once and as 50- and
/// 250-paper packs; Quire renders the same, as `quire render` and as `quire pack` with that
/// paper as every item, and `check_words.py` confirms every word of the seed reached each
/// PDF, so both did the same work. Typst runs through the interpreter that imports it
/// (typst-py), timed gross and net of that interpreter's `import typst`.
struct PeerBench {
    let executable: String
    let resources: Resources
    let runs: Int
    let peers: URL
    let python: String

    struct Case {
        var name: String
        var papers: Int
        /// Pinned to one core (`taskset -c 0`): the work without the second core.
        var oneCore = false
    }

    static let cases = [Case(name: "one paper", papers: 1), Case(name: "50-paper pack", papers: 50),
                        Case(name: "250-paper pack", papers: 250), Case(name: "50-paper pack, one core", papers: 50, oneCore: true)]

    func run() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("quire-peer-bench-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        print("quire bench --peers: Quire and Typst on the peer scripts' seed 000, \(ProcessInfo.processInfo.activeProcessorCount) cores, "
              + "whole process, median of \(runs) runs after a warm-up\n")
        let version = runTool([python, "-c", "import typst, importlib.metadata as m; print(m.version('typst'))"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        let importOnly = try medianRun([python, "-c", "import typst"], runs: runs)
        print(String(format: "Typst %@ through %@; `import typst` alone: %.1f ms (subtracted for the net columns)\n", version, python, importOnly.wallMs))

        var lines = [["case", "Quire ms", "pages", "pages/s", "MiB", "cores", "Typst ms", "net ms", "pages", "pages/s", "MiB", "cores",
                      "Q/T time", "Q/T net", "Q÷T pages/s"]]
        var coverage: [String] = []
        for benchCase in Self.cases {
            let work = try workload(papers: benchCase.papers, in: scratch.appendingPathComponent("\(benchCase.papers)"))
            let pin = benchCase.oneCore ? ["taskset", "-c", "0"] : []
            let quireOut = scratch.appendingPathComponent("quire-\(benchCase.papers).pdf").path
            let typstOut = scratch.appendingPathComponent("typst-\(benchCase.papers).pdf").path
            let quire = try medianRun(pin + work.quire + ["-o", quireOut], runs: runs)
            let typst = try medianRun(pin + [python, peers.appendingPathComponent("render_typst.py").path, work.typst, typstOut], runs: runs)
            if !benchCase.oneCore {
                coverage.append("  \(benchCase.name): Quire \(wordCheck(quireOut, papers: benchCase.papers)); Typst \(wordCheck(typstOut, papers: benchCase.papers))")
            }
            let quirePages = try pdfPageCount(quireOut), typstPages = try pdfPageCount(typstOut)
            let net = max(1, typst.wallMs - importOnly.wallMs)
            let quireRate = Double(quirePages) / (quire.wallMs / 1000), typstRate = Double(typstPages) / (net / 1000)
            lines.append([benchCase.name,
                          format(quire.wallMs), "\(quirePages)", format(quireRate), format(quire.peakMiB), String(format: "%.2f", quire.cpuMs / quire.wallMs),
                          format(typst.wallMs), format(net), "\(typstPages)", format(typstRate), format(typst.peakMiB), String(format: "%.2f", typst.cpuMs / typst.wallMs),
                          String(format: "%.2f", quire.wallMs / typst.wallMs), String(format: "%.2f", quire.wallMs / net), String(format: "%.2f", quireRate / typstRate)])
        }
        printColumns(lines)
        print("\nQ/T: Quire's time over Typst's (below 1: Quire is faster), gross and net of `import typst`;"
              + " Q÷T pages/s: Quire's pages/s over Typst's net pages/s (above 1: Quire is faster); cores: CPU time over wall time")
        // Quire's source of the seed is what `quire import` made of it: the date in its own row
        // and the contact block in the house style, so a few of the seed's words are set
        // differently ("19 October 2017" for "– 19th October 2017").
        print("\ncheck_words.py, the seed's words in each PDF:\n" + coverage.joined(separator: "\n"))
        print("  (Quire's paper is examples/kscb-2016-17/paper.md, the seed as a Quire source (`quire import` of the seed misses the same words), printed in the house style: the To row's "
              + "'County Council – 19th October 2017' becomes the Date row's 19 October 2017, the contact's name and role get lines of "
              + "their own, and the seed's second paragraph (11) is printed (12), each a warning of the import; those are the words "
              + "counted missing, four or five a paper.)")
        try printStartUp()
    }

    /// What a cold command costs before it does any work (issue 19's target: under 8 ms for
    /// `--help` and `layouts`), beside what the dynamic loader alone takes to map the shared
    /// libraries the executable names, nothing relocated or run: the part no Quire code can
    /// make cheaper while those libraries load at start-up.
    private func printStartUp() throws {
        let count = max(runs * 5, 15)
        let libraries = runTool(["LD_TRACE_LOADED_OBJECTS=1", executable]).out.split(separator: "\n").filter { $0.contains("=>") || $0.contains("ld-linux") }.count
        let rows: [(String, [String])] = [
            ("quire --help", [executable, "--help"]),
            ("quire layouts", [executable, "layouts"]),
            ("loader alone, \(libraries) libraries mapped (LD_TRACE_LOADED_OBJECTS=1)", ["env", "LD_TRACE_LOADED_OBJECTS=1", executable]),
            ("env alone (the line above includes it)", ["env", "true"]),
        ]
        var lines = [["start-up", "ms", "CPU ms"]]
        for (name, command) in rows {
            let run = try medianRun(command, runs: count)
            lines.append([name, String(format: "%.1f", run.wallMs), String(format: "%.1f", run.cpuMs)])
        }
        print("\nstart-up, median of \(count) runs:")
        printColumns(lines)
    }

    /// The same work for both: gen_pack.py's Typst source, and Quire's source of the same
    /// paper (a pack of `papers` items when more than one).
    private func workload(papers: Int, in folder: URL) throws -> (quire: [String], typst: String) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let generated = runTool(["python3", peers.appendingPathComponent("gen_pack.py").path, "\(papers)", folder.path])
        guard generated.status == 0 else { throw BenchError("gen_pack.py \(papers) failed: \(generated.err.suffix(300))") }
        let seedPaper = resources.root.appendingPathComponent("examples/kscb-2016-17/paper.md")
        let paper = folder.appendingPathComponent("paper.md")
        try? FileManager.default.removeItem(at: paper)
        try FileManager.default.copyItem(at: seedPaper, to: paper)
        let typst = folder.appendingPathComponent("paper.typ").path
        guard papers > 1 else { return ([executable, "render", paper.path], typst) }
        var manifest = "meeting:\n  committee: County Council\n  date: 2017-10-19\n  venue: Council Chamber, Sessions House, Maidstone\nitems:\n"
        for number in 1...papers {
            manifest += "  - number: \(number)\n    title: Kent Safeguarding Children Board – 2016/17 Annual Report\n    paper: paper.md\n"
        }
        let path = folder.appendingPathComponent("pack.yaml").path
        try manifest.write(toFile: path, atomically: true, encoding: .utf8)
        return ([executable, "pack", path], typst)
    }

    /// The peer scripts' own check (every word of the seed, `papers` times, in the PDF's
    /// text), as its summary: "2982 words expected, 9 missing".
    private func wordCheck(_ pdf: String, papers: Int) -> String {
        let seed = peers.appendingPathComponent("inputs/000_998c20c10e644540.txt").path
        let result = runTool(["python3", peers.appendingPathComponent("check_words.py").path, seed, pdf, "\(papers)"])
        // "PATH: 1491 words expected, 5 missing: {...}": everything after the path, the words too.
        let summary = result.out.range(of: ": ").map { result.out[$0.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines) }
        return summary ?? "check_words.py failed: \(result.err.suffix(200))"
    }

    private func format(_ value: Double) -> String { String(format: value >= 100 ? "%.0f" : "%.1f", value) }

    /// The interpreter that imports typst: the one given, else the project's peer environment
    /// (scripts/peers-venv.sh makes it), else `python3` if it can; nil when none can.
    static func typstPython(given: String?, root: URL) -> String? {
        let candidates = [given, root.appendingPathComponent(".build/peers-venv/bin/python").path, "python3"].compactMap { $0 }
        for candidate in candidates {
            let probe = runTool([candidate, "-c", "import sys, typst; print(sys.executable)"])
            let path = probe.out.trimmingCharacters(in: .whitespacesAndNewlines)
            if probe.status == 0, !path.isEmpty { return path }
            if candidate == given { return nil }
        }
        return nil
    }
}
