import ArgumentParser
import Foundation
import QuireCommandLine
import QuireArchive
import QuireKit
import QuireModel

/// `quire regenerate archive/ --out dist/ [--jobs 2] [--check] [--shard 3/8]`.
struct Regenerate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regenerate",
        abstract: "Render every paper of an archive (its archive.yaml) in parallel, with a manifest of pages and SHA-256; or check that fresh renders are byte-identical to it.",
        discussion: """
            Examples:
              quire regenerate archive/ --out dist/
              quire regenerate archive/ --out dist/ --check
              quire regenerate archive/ --out dist/ --shard 3/8 --jobs 2

            Exit status: 0 when every paper rendered (or matched), 1 when one failed or \
            differs, 2 for a bad index or arguments.
            """)

    @Argument(help: "The archive folder, holding archive.yaml and a folder per paper.")
    var archive: String

    @Option(help: "Where the PDFs and the manifest go (each paper as <path>.pdf).")
    var out: String

    @Option(help: "Papers rendered at once. (default: one per core, \(ProcessInfo.processInfo.activeProcessorCount) here)")
    var jobs: Int?

    @Flag(help: "Render afresh and compare with the manifest in --out instead of writing; a difference names the paper and the first page that differs.")
    var check = false

    @Option(help: "Render only share i of n (e.g. 3/8), stable as the archive grows: one shard per machine or Job pod.")
    var shard: String?

    @Option(help: "The folder the archive may read from (default: the archive's): symbolic links among its papers may lead anywhere inside it, never out.")
    var root: String?

    func validate() throws {
        try validating { () throws(QuireError) in if let jobs { try checkOption(jobs, "--jobs", in: 1...4096) } }
    }

    func run() throws {
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        var shardOption: Shard?
        do throws(QuireError) {
            shardOption = try shard.map { text throws(QuireError) in try Shard(parsing: text) }
        } catch {
            throw failWith(error)
        }
        let options = RegenerateOptions(output: URL(fileURLWithPath: out), jobs: jobs, check: check, shard: shardOption,
                                        root: root.map { URL(fileURLWithPath: $0) })
        TemporaryFiles.removeOnSignal()
        let typesetter = Typesetter(threads: 1, concurrentRenders: jobs)
        let terminal = isatty(STDERR_FILENO) == 1
        let report: RegenerateReport
        do {
            report = try typesetter.regenerate(archive: URL(fileURLWithPath: archive), options: options) { done, total, result in
                let line = "[\(done)/\(total)] \(status(result)) \(result.paper.path)"
                // On a terminal one line is rewritten in place; in a log each paper gets its own.
                FileHandle.standardError.write(Data((terminal ? "\r\u{1B}[K" + line + (done == total ? "\n" : "") : line + "\n").utf8))
            }
        } catch {
            throw failWith(error)
        }
        printSummary(report, check: check, jobs: jobs)
        for result in report.results where !result.warnings.isEmpty {
            for warning in result.warnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) }
        }
        let failed = report.results.filter { !$0.succeeded }
        for result in failed {
            switch result.outcome {
            case .failed(let error): FileHandle.standardError.write(Data("\(result.paper.path): failed\n\(error)\n".utf8))
            case .differs(let text): FileHandle.standardError.write(Data("\(result.paper.path): \(text)\n".utf8))
            default: break
            }
        }
        if failed.contains(where: { if case .failed(let error) = $0.outcome { error.kind == .diskFull } else { false } }) { throw ExitCode.diskFull }
        if !failed.isEmpty { throw ExitCode(1) }
    }

    private func status(_ result: PaperResult) -> String {
        switch result.outcome {
        case .rendered: "rendered"
        case .unchanged: "identical"
        case .differs: "DIFFERS"
        case .failed: "FAILED"
        }
    }

    private func printSummary(_ report: RegenerateReport, check: Bool, jobs: Int) {
        func pad(_ text: String, _ width: Int) -> String {
            let cut = text.count > width - 1 ? String(text.prefix(width - 2)) + "…" : text
            return cut + String(repeating: " ", count: max(1, width - cut.count))
        }
        print(pad("year", 6) + pad("date", 12) + pad("committee", 28) + pad("title", 44) + pad("pages", 7) + "result")
        var pages = 0
        for result in report.results.sorted(by: { ($0.paper.year, $0.paper.date, $0.paper.path) < ($1.paper.year, $1.paper.date, $1.paper.path) }) {
            var count = "-"
            if case .rendered(let entry) = result.outcome { count = String(entry.pages); pages += entry.pages }
            if case .unchanged(let entry) = result.outcome { count = String(entry.pages); pages += entry.pages }
            print(pad(String(result.paper.year), 6) + pad(result.paper.date.iso, 12) + pad(result.paper.committee, 28) + pad(result.paper.title, 44)
                  + pad(count, 7) + status(result) + String(format: " (%.2f s)", result.seconds))
        }
        let failed = report.results.filter { !$0.succeeded }.count
        let skipped = report.index.papers.count - report.results.count
        print(String(format: "%d papers, %d pages in %.2f s (%d at a time)", report.results.count, pages, report.seconds, jobs)
              + (skipped > 0 ? "; \(skipped) in other shards" : "")
              + (failed > 0 ? "; \(failed) \(check ? "differ or failed" : "failed")" : "")
              + (report.manifest.map { "; manifest \($0.path)" } ?? ""))
    }
}
