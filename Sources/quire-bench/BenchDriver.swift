import Foundation
import QuireBench
import QuireKit

/// Spawns benchmark cases as processes, collects wall time and peak RSS (from wait4), and
/// prints medians with ratios against the baseline measured in the same run.
struct BenchDriver {
    let runs: Int
    /// The quire CLI, timed as users run it.
    let executable: String
    /// This harness, run again for each engine case (`--child`).
    let harness: String
    let resources: Resources

    struct Row {
        var name: String
        var wallMs: Double
        var workMs: Double?
        var pages: Int
        var peakMiB: Double
    }

    func runAll(sections: Int) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("quire-bench-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        print("quire bench: \(ProcessInfo.processInfo.activeProcessorCount) cores, median of \(runs) runs, each case a fresh process\n")

        // 1. Long document: engine vs bare Pango+Cairo on the same paragraphs, in-process work.
        var long: [Row] = []
        for benchCase in ["bare", "engine-1", "engine"] {
            long.append(try measureCase(benchCase, sections: sections, scratch: scratch))
        }
        printTable("long paper (\(sections) sections, generated)", long, baseline: "bare")
        if let bare = long.first, let engine = long.last, let one = long.dropLast().last {
            print(String(format: "engine/bare time per page: %.2f (2 threads), %.2f (1 thread)\n",
                         (engine.workMs! / Double(engine.pages)) / (bare.workMs! / Double(bare.pages)),
                         (one.workMs! / Double(one.pages)) / (bare.workMs! / Double(bare.pages))))
        }

        // 2. Memory against page count: peak RSS at a quarter, half and all of the sections.
        var memory: [Row] = []
        for size in [sections / 4, sections / 2, sections] {
            var row = try measureCase("engine", sections: size, scratch: scratch)
            row.name = "engine, \(size) sections"
            memory.append(row)
        }
        printTable("peak memory against document length", memory, baseline: nil)

        // 3. Whole process, cold: the 2017 seed paper, and 50 copies of it in one document.
        let paper = resources.root.appendingPathComponent("examples/kscb-2016-17/paper.md").path
        let pack = scratch.appendingPathComponent("seed-x50.md").path
        try repeatedBody(of: paper, times: 50).write(toFile: pack, atomically: true, encoding: .utf8)
        let report = resources.root.appendingPathComponent("examples/kscb-annual-report/paper.md").path
        let single = [
            try measureProcess("quire render (seed 2017)", [executable, "render", paper, "-o", scratch.appendingPathComponent("s.pdf").path], pdf: scratch.appendingPathComponent("s.pdf").path),
            try measureProcess("quire render (annual report, data)", [executable, "render", report, "-o", scratch.appendingPathComponent("a.pdf").path], pdf: scratch.appendingPathComponent("a.pdf").path),
        ]
        let many = [try measureProcess("quire render (seed x50)", [executable, "render", pack, "-o", scratch.appendingPathComponent("p.pdf").path], pdf: scratch.appendingPathComponent("p.pdf").path)]
        printTable("single paper, whole process", single, baseline: nil)
        printTable("long document, whole process", many, baseline: nil)

        // 4. Committee packs: 10, 20 and 30 generated papers (about 500 pages at 30), laid out
        // in parallel; peak memory against the number of pages written.
        var packs: [Row] = []
        for papers in [10, 20, 30] {
            let manifest = try generatePack(papers: papers, in: scratch.appendingPathComponent("pack-\(papers)"), resources: resources)
            let out = scratch.appendingPathComponent("pack-\(papers).pdf").path
            packs.append(try measureProcess("quire pack (\(papers) papers)", [executable, "pack", manifest, "-o", out], pdf: out))
        }
        printTable("committee pack, whole process", packs, baseline: nil)

        // 5. Archive: 40 papers (fewer for a small run) regenerated one and two at a time,
        // against the obvious script, a `quire render` process per paper.
        let archive = scratch.appendingPathComponent("archive")
        let sources = try generateArchive(papers: max(4, min(40, sections / 3)), in: archive, resources: resources)
        let dist = scratch.appendingPathComponent("dist").path
        var loop = "set -e\n"
        for (number, source) in sources.enumerated() { loop += "'\(executable)' render '\(source)' -o '\(dist)/loop-\(number).pdf'\n" }
        let script = scratch.appendingPathComponent("loop.sh").path
        try FileManager.default.createDirectory(atPath: dist, withIntermediateDirectories: true)
        try loop.write(toFile: script, atomically: true, encoding: .utf8)
        var regenerate = [try measureProcess("quire render per paper (shell loop)", ["/bin/sh", script], pdf: "\(dist)/loop-0.pdf")]
        regenerate[0].pages = sources.count  // papers, not pages, for this table
        for jobs in [1, 2] {
            var row = try measureProcess("quire regenerate --jobs \(jobs)", [executable, "regenerate", archive.path, "--out", dist, "--jobs", String(jobs)],
                                         pdf: "\(dist)/loop-0.pdf")
            row.pages = sources.count
            regenerate.append(row)
        }
        printTable("archive of \(sources.count) papers, whole process (the pages column counts papers)", regenerate, baseline: regenerate[0].name)
    }

    // MARK: - Measuring

    private func measureCase(_ benchCase: String, sections: Int, scratch: URL) throws -> Row {
        var samples: [(wall: Double, work: Double, pages: Int, rss: Double)] = []
        for run in 0..<runs {
            let report = scratch.appendingPathComponent("\(benchCase)-\(run).txt").path
            let result = try spawnMeasured([harness, "--child", benchCase, "--sections", String(sections), "--report", report])
            let fields = try String(contentsOfFile: report, encoding: .utf8).split(separator: " ")
            samples.append((result.wallMs, Double(fields[0])!, Int(fields[1].trimmingCharacters(in: .whitespacesAndNewlines))!, result.peakMiB))
        }
        return Row(name: benchCase, wallMs: median(samples.map(\.wall)), workMs: median(samples.map(\.work)),
                   pages: samples[0].pages, peakMiB: median(samples.map(\.rss)))
    }

    private func measureProcess(_ name: String, _ command: [String], pdf: String) throws -> Row {
        let result = try medianRun(command, runs: runs)
        return Row(name: name, wallMs: result.wallMs, workMs: nil, pages: try pdfPageCount(pdf), peakMiB: result.peakMiB)
    }

    private func repeatedBody(of paper: String, times: Int) throws -> String {
        let text = try String(contentsOfFile: paper, encoding: .utf8)
        let parts = text.components(separatedBy: "\n---\n")
        let frontMatter = parts[0] + "\n---\n", body = parts.dropFirst().joined(separator: "\n---\n")
        return frontMatter + Array(repeating: body, count: times).joined(separator: "\n\n")
    }

    // MARK: - Printing

    private func printTable(_ title: String, _ rows: [Row], baseline: String?) {
        print(title)
        print("  " + pad("case", 34) + pad("wall ms", 10, right: true) + pad("work ms", 10, right: true) + pad("pages", 7, right: true)
              + pad("pages/s", 10, right: true) + pad("peak MiB", 10, right: true) + (baseline != nil ? pad("ratio", 8, right: true) : ""))
        let base = rows.first { $0.name == baseline }
        for row in rows {
            let time = row.workMs ?? row.wallMs
            var line = "  " + pad(row.name, 34) + pad(String(format: "%.1f", row.wallMs), 10, right: true)
                + pad(row.workMs.map { String(format: "%.1f", $0) } ?? "-", 10, right: true) + pad(String(row.pages), 7, right: true)
                + pad(String(format: "%.1f", Double(row.pages) / (time / 1000)), 10, right: true)
                + pad(String(format: "%.1f", row.peakMiB), 10, right: true)
            if let base { line += pad(String(format: "%.2f", time / (base.workMs ?? base.wallMs)), 8, right: true) }
            print(line)
        }
        print("")
    }

    private func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let space = String(repeating: " ", count: max(0, width - s.count))
        return right ? space + s : s + space
    }
}
