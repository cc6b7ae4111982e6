public import Foundation
public import QuireKit
public import QuireModel
import QuirePages
import QuireSource
import QuireSystem

/// How to regenerate an archive.
public struct RegenerateOptions: Sendable {
    public var output: URL
    public var jobs: Int
    /// Render into a scratch folder and compare with the manifest instead of writing.
    public var check: Bool
    public var shard: Shard?
    /// The folder the archive may read from (default: the archive's own): a paper's folder is
    /// named inside the archive, and a symbolic link there may lead anywhere inside `root`.
    public var root: URL?

    public init(output: URL, jobs: Int, check: Bool = false, shard: Shard? = nil, root: URL? = nil) {
        self.output = output
        self.jobs = jobs
        self.check = check
        self.shard = shard
        self.root = root
    }
}

/// What happened to one paper.
public struct PaperResult: Sendable {
    public enum Outcome: Sendable {
        case rendered(ArchiveManifest.Entry)
        /// `--check`: the fresh render is byte-identical to the manifest and the file.
        case unchanged(ArchiveManifest.Entry)
        /// `--check`: it is not; the text says where.
        case differs(String)
        case failed(QuireError)
    }

    public var paper: ArchiveEntry
    public var outcome: Outcome
    public var seconds: Double
    /// What the render warned about (a field the layout requires that the archived paper lacks).
    public var warnings: [Diagnostic] = []

    public var succeeded: Bool {
        switch outcome {
        case .rendered, .unchanged: true
        case .differs, .failed: false
        }
    }
}

public struct RegenerateReport: Sendable {
    public var index: ArchiveIndex
    public var results: [PaperResult]  // in index order
    public var seconds: Double
    public var manifest: URL?
}

extension Typesetter {
    /// Renders every paper of the archive at `folder` (its `archive.yaml`), or this shard's
    /// share, `jobs` at a time, into `<output>/<path>.pdf` with a manifest; or, with `check`,
    /// renders them afresh and compares. A paper that fails is reported and the rest go on;
    /// `progress` hears of each paper as it finishes (from worker threads, one at a time).
    public func regenerate(archive folder: URL, options: RegenerateOptions,
                           progress: @escaping @Sendable (_ done: Int, _ total: Int, PaperResult) -> Void) throws(QuireError) -> RegenerateReport {
        let indexFile = folder.appendingPathComponent("archive.yaml")
        guard let data = FileManager.default.contents(atPath: indexFile.path) else {
            throw QuireError(.io, at: nil, "cannot read \(indexFile.path)", hint: "give the folder holding archive.yaml")
        }
        let index = try parseArchiveIndex(data: data, file: indexFile.path)
        // The output folder may not be, or hold, the archive's index or a paper's folder.
        let inputs = [InputFile(indexFile.path, role: "the archive index")]
            + index.papers.map { InputFile(folder.appendingPathComponent($0.path).path, role: "the folder of paper '\($0.path)'") }
        try checkOutputFolder(options.output.path, inputs: inputs, option: "--out")
        if !options.check {
            do {
                try FileManager.default.createDirectory(at: options.output, withIntermediateDirectories: true)
            } catch {
                throw QuireError(.io, at: nil, field: "--out", "cannot create the folder '\(options.output.path)'", hint: "check the path and its permissions")
            }
        }
        let papers = index.papers.filter { options.shard?.contains($0.path) ?? true }
        let expected = options.check ? try ArchiveManifest.readAll(in: options.output) : [:]
        let scratch = options.check ? FileManager.default.temporaryDirectory.appendingPathComponent("quire-check-\(getpid())-\(UUID().uuidString)") : nil
        defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }

        let started = ContinuousClock.now
        let results = ConcurrentSlots<PaperResult>(count: papers.count)
        /// The next paper to take, and how many are done (for the progress line).
        let counts = Locked((next: 0, done: 0))
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.jobs, papers.count))) { _ in
            while true {
                let claimed = counts.withLock { counts in
                    defer { counts.next += 1 }
                    return counts.next
                }
                guard claimed < papers.count else { return }
                let paper = papers[claimed]
                let field = "papers[\(index.papers.firstIndex(of: paper) ?? 0)].path"
                let result = render(paper, archive: folder, index: (indexFile.path, field), options: options, scratch: scratch, expected: expected[paper.path])
                results[claimed] = result
                counts.withLock { counts in
                    counts.done += 1
                    progress(counts.done, papers.count, result)
                }
            }
        }
        let all = papers.indices.map { results[$0]! }
        var manifestURL: URL?
        if !options.check {
            manifestURL = options.output.appendingPathComponent(ArchiveManifest.fileName(for: options.shard))
            // A paper that failed keeps its last good entry, marked with the error: its PDF is
            // still in the folder, and a failed run (a full disk fails every paper) must not
            // leave a manifest that has forgotten it.
            let previous = ArchiveManifest.entries(at: manifestURL!)
            let entries = all.compactMap { result -> ArchiveManifest.Entry? in
                switch result.outcome {
                case .rendered(let entry): return entry
                case .failed(let error):
                    guard var kept = previous[result.paper.path] else { return nil }
                    kept.failed = error.description
                    return kept
                case .unchanged, .differs: return nil
                }
            }
            try ArchiveManifest(papers: entries).write(to: manifestURL!)
        }
        return RegenerateReport(index: index, results: all, seconds: (ContinuousClock.now - started).seconds, manifest: manifestURL)
    }

    /// One paper: rendered to its place (or to scratch, and compared, with `--check`).
    private func render(_ paper: ArchiveEntry, archive: URL, index: (file: String, field: String), options: RegenerateOptions, scratch: URL?,
                        expected: ArchiveManifest.Entry?) -> PaperResult {
        let started = ContinuousClock.now
        var warnings: [Diagnostic] = []
        func result(_ outcome: PaperResult.Outcome) -> PaperResult {
            PaperResult(paper: paper, outcome: outcome, seconds: (ContinuousClock.now - started).seconds, warnings: warnings)
        }
        let root = options.root ?? archive
        let pdfName = paper.path + ".pdf"
        let target = (scratch ?? options.output).appendingPathComponent(pdfName)
        var pageHashes: [String] = []
        do throws(QuireError) {
            do {
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw QuireError(.io, at: nil, "cannot create \(target.deletingLastPathComponent().path)")
            }
            // The paper's folder may be a link, to a folder inside the root.
            let source = try findLocalFile(paper.path + "/" + paper.source, in: [archive], linkRoots: [root],
                                           location: SourceLocation(file: index.file, line: paper.line), field: index.field, what: "the paper")
            let (data, directory) = try readSource(source.path)
            // An archived paper renders as its source was, in a layout found beside the archive
            // too (its layouts/ folder, or a path inside it).
            let rendered = try renderPDF(data: data, file: source.path, directory: directory, root: root, linkRoot: root, origin: .archived,
                                         observe: { page in
                var codec = FrameCodec()
                var hasher = SHA256()
                hasher.update(codec.encode(page.frame))
                hasher.update(page.label.description.utf8)
                pageHashes.append(String(hasher.hexDigest().prefix(16)))
            }, to: target.path)
            warnings = rendered.diagnostics
            guard let bytes = FileManager.default.contents(atPath: target.path) else {
                throw QuireError(.io, at: nil, "cannot read back \(target.path)")
            }
            let entry = ArchiveManifest.Entry(path: paper.path, pdf: pdfName, pages: rendered.pages, sha256: SHA256.hex(bytes), pageHashes: pageHashes)
            guard scratch != nil else { return result(.rendered(entry)) }
            if let difference = compare(entry, with: expected, existing: options.output.appendingPathComponent(pdfName)) {
                return result(.differs(difference))
            }
            return result(.unchanged(entry))
        } catch {
            return result(.failed(error))
        }
    }

    /// Where a fresh render departs from the manifest (and the file on disk from both), or nil.
    private func compare(_ fresh: ArchiveManifest.Entry, with expected: ArchiveManifest.Entry?, existing: URL) -> String? {
        guard let expected else { return "it is not in the manifest (regenerate to add it)" }
        if fresh.sha256 != expected.sha256 {
            let shared = min(fresh.pageHashes.count, expected.pageHashes.count)
            if let page = (0..<shared).first(where: { fresh.pageHashes[$0] != expected.pageHashes[$0] }) {
                return "page \(page + 1) differs from the manifest (the first of \(expected.pages) to differ)"
            }
            if fresh.pages != expected.pages {
                return "it now has \(fresh.pages) pages, the manifest \(expected.pages): pages from \(shared + 1) on differ"
            }
            return "every page lays out as before, but the PDF's bytes differ (fonts, drawing or the PDF writer changed)"
        }
        guard let onDisk = FileManager.default.contents(atPath: existing.path) else {
            return "\(existing.path) is missing (the render matches the manifest)"
        }
        if SHA256.hex(onDisk) != expected.sha256 {
            return "\(existing.path) was changed after it was written (the render matches the manifest)"
        }
        return nil
    }
}
