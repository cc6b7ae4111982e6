import Foundation
import QuireTestSupport
import QuireArchive
import QuireKit
import Testing

/// `quire regenerate` on a copy of examples/archive: PDFs and a manifest whose digests are
/// the files' own, byte-identical re-renders, `--check` naming the paper and page that
/// changed, failures reported without stopping the rest, and shards that together render
/// every paper exactly once.
@Suite struct RegenerateCommandTests {
    static let allPaths = ["2013/kscb-annual-report-2012-13", "2017/cabinet-decision-17-00123", "2017/kscb-annual-report-2016-17",
                                      "2017/kscb-year-in-figures", "2019/partnership-annual-report", "2020/partnership-annual-report",
                                      "2021/partnership-annual-report"]

    /// A copy of the example archive with its linked folders copied as real folders, so a
    /// test can change a paper without touching the examples.
    static func copyArchive(into scratch: Scratch) throws -> URL {
        let source = repositoryRoot.appendingPathComponent("examples/archive")
        let copy = scratch.work.appendingPathComponent("archive")
        for year in try FileManager.default.contentsOfDirectory(atPath: source.path) where Int(year) != nil {
            for name in try FileManager.default.contentsOfDirectory(atPath: source.appendingPathComponent(year).path) {
                let target = copy.appendingPathComponent("\(year)/\(name)")
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: source.appendingPathComponent("\(year)/\(name)").resolvingSymlinksInPath(), to: target)
            }
        }
        try FileManager.default.copyItem(at: source.appendingPathComponent("archive.yaml"), to: copy.appendingPathComponent("archive.yaml"))
        return copy
    }

    static func manifest(_ url: URL) throws -> ArchiveManifest {
        try JSONDecoder().decode(ArchiveManifest.self, from: Data(contentsOf: url))
    }

    @Test func rendersEveryPaperWithAManifestThatSha256sumAgreesWith() throws {
        let scratch = try Scratch()
        let archive = try Self.copyArchive(into: scratch)
        let run = try scratch.quire(["regenerate", archive.path, "--out", "dist", "--jobs", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        let manifest = try Self.manifest(scratch.work.appendingPathComponent("dist/manifest.json"))
        #expect(manifest.papers.map(\.path) == Self.allPaths)
        for entry in manifest.papers {
            let pdf = scratch.work.appendingPathComponent("dist/\(entry.pdf)")
            let sum = try shellOutput(["sha256sum", pdf.path]).split(separator: " ").first.map(String.init)
            #expect(sum == entry.sha256, "\(entry.path)")
            #expect(entry.pageHashes.count == entry.pages)
            #expect(try shellOutput(["pdfinfo", pdf.path]).contains("Pages:           \(entry.pages)"))
        }
        // The summary table names each paper's year, committee and pages.
        #expect(run.stdout.contains("2013  2013-10-04  Social Care and Public"))
        #expect(run.stdout.contains("7 papers, 27 pages"))
        // A second run into another folder writes the same bytes: the archive is reproducible.
        #expect(try scratch.quire(["regenerate", archive.path, "--out", "again", "--jobs", "1"]).status == 0)
        #expect(try Self.manifest(scratch.work.appendingPathComponent("again/manifest.json")) == manifest)
        let check = try scratch.quire(["regenerate", archive.path, "--out", "dist", "--check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.components(separatedBy: "identical").count - 1 == 7)
    }

    @Test func checkNamesThePaperAndTheFirstPageThatDiffers() throws {
        let scratch = try Scratch()
        let archive = try Self.copyArchive(into: scratch)
        #expect(try scratch.quire(["regenerate", archive.path, "--out", "dist"]).status == 0)
        // Change one figure in the annual report's data: the text that quotes it moves.
        let figures = archive.appendingPathComponent("2017/kscb-year-in-figures/figures.yaml")
        var text = try String(contentsOf: figures, encoding: .utf8)
        let range = try #require(text.range(of: "1185") ?? text.range(of: "1,185"))
        text.replaceSubrange(range, with: "1186")
        try text.write(to: figures, atomically: true, encoding: .utf8)
        // And tamper with another paper's PDF on disk.
        let tampered = scratch.work.appendingPathComponent("dist/2013/kscb-annual-report-2012-13.pdf")
        var bytes = try Data(contentsOf: tampered)
        bytes.append(contentsOf: Array("% edited\n".utf8))
        try bytes.write(to: tampered)

        let check = try scratch.quire(["regenerate", archive.path, "--out", "dist", "--check"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("2017/kscb-year-in-figures: page "))
        #expect(check.stderr.contains("differs from the manifest"))
        #expect(check.stderr.contains("2013/kscb-annual-report-2012-13: ") && check.stderr.contains("was changed after it was written"))
        #expect(!check.stderr.contains("2017/kscb-annual-report-2016-17:"))
        // --check writes nothing.
        #expect(try Data(contentsOf: tampered) == bytes)
    }

    @Test func aFailingPaperIsReportedAndTheRestAreRendered() throws {
        let scratch = try Scratch()
        let archive = try Self.copyArchive(into: scratch)
        let paper = archive.appendingPathComponent("2017/kscb-annual-report-2016-17/paper.md")
        try (try String(contentsOf: paper, encoding: .utf8)).replacingOccurrences(of: "subject:", with: "subjet:").write(to: paper, atomically: true, encoding: .utf8)
        let run = try scratch.quire(["regenerate", archive.path, "--out", "dist"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("2017/kscb-annual-report-2016-17: failed"))
        #expect(run.stderr.contains("paper.md:") && run.stderr.contains("unknown"))
        let manifest = try Self.manifest(scratch.work.appendingPathComponent("dist/manifest.json"))
        #expect(manifest.papers.count == 6)
        #expect(scratch.exists("dist/2017/kscb-year-in-figures.pdf"))
    }

    /// A paper that rendered once and then fails keeps its entry (marked failed, with the
    /// error) beside its old PDF; it is clean again once it renders.
    @Test func aFailedRunKeepsTheLastGoodEntry() throws {
        let scratch = try Scratch()
        let archive = try Self.copyArchive(into: scratch)
        #expect(try scratch.quire(["regenerate", archive.path, "--out", "dist"]).status == 0)
        let good = try Self.manifest(scratch.work.appendingPathComponent("dist/manifest.json"))
        let paper = archive.appendingPathComponent("2017/kscb-annual-report-2016-17/paper.md")
        let source = try String(contentsOf: paper, encoding: .utf8)
        try source.replacingOccurrences(of: "subject:", with: "subjet:").write(to: paper, atomically: true, encoding: .utf8)
        #expect(try scratch.quire(["regenerate", archive.path, "--out", "dist"]).status == 1)
        let kept = try Self.manifest(scratch.work.appendingPathComponent("dist/manifest.json"))
        #expect(kept.papers.map(\.path) == Self.allPaths)
        let entry = try #require(kept.papers.first { $0.path == "2017/kscb-annual-report-2016-17" })
        #expect(entry.failed?.contains("subjet") == true, "\(entry)")
        var unmarked = entry
        unmarked.failed = nil
        #expect(good.papers.contains(unmarked))
        #expect(kept.papers.filter { $0.failed != nil }.count == 1)
        #expect(scratch.exists("dist/2017/kscb-annual-report-2016-17.pdf"))
        try source.write(to: paper, atomically: true, encoding: .utf8)
        #expect(try scratch.quire(["regenerate", archive.path, "--out", "dist"]).status == 0)
        #expect(try Self.manifest(scratch.work.appendingPathComponent("dist/manifest.json")) == good)
    }

    @Test(arguments: [1, 2, 3, 5])
    func shardsTogetherRenderEveryPaperExactlyOnce(count: Int) throws {
        let scratch = try Scratch()
        let archive = try Self.copyArchive(into: scratch)
        var rendered: [String] = []
        for index in 1...count {
            let run = try scratch.quire(["regenerate", archive.path, "--out", "dist", "--shard", "\(index)/\(count)", "--jobs", "1"])
            #expect(run.status == 0, "\(run.stderr)")
            let name = "manifest-shard-\(index)-of-\(count).json"
            rendered += try Self.manifest(scratch.work.appendingPathComponent("dist/\(name)")).papers.map(\.path)
        }
        #expect(rendered.sorted() == Self.allPaths)
        // The shards' manifests together are what --check compares against.
        #expect(try scratch.quire(["regenerate", archive.path, "--out", "dist", "--check"]).status == 0)
    }

    @Test func badArgumentsAndIndexesExit2AtTheirLine() throws {
        let scratch = try Scratch()
        let shard = try scratch.quire(["regenerate", "x", "--out", "dist", "--shard", "9/8"])
        #expect(shard.status == 2 && shard.stderr.contains("--shard"))
        try FileManager.default.createDirectory(at: scratch.work.appendingPathComponent("bad"), withIntermediateDirectories: true)
        try scratch.write("bad/archive.yaml", "papers:\n  - path: ../outside\n    year: 2017\n    committee: C\n    date: 2017-01-01\n    title: T\n")
        let escaping = try scratch.quire(["regenerate", "bad", "--out", "dist"])
        #expect(escaping.status == 2)
        #expect(escaping.stderr.contains("archive.yaml:2: error: field 'papers[0].path'"))
        try scratch.write("bad/archive.yaml", "papers:\n  - path: a\n    yaer: 2017\n")
        let typo = try scratch.quire(["regenerate", "bad", "--out", "dist"])
        #expect(typo.status == 2 && typo.stderr.contains("did you mean 'year'"))
        let noManifest = try scratch.quire(["regenerate", try Self.copyArchive(into: scratch).path, "--out", "empty", "--check"])
        #expect(noManifest.status == 2 && noManifest.stderr.contains("no manifest.json"))
    }
}

func shellOutput(_ command: [String]) throws -> String {
    try runProcess(command[0], Array(command.dropFirst())).stdout
}

@Test func sha256MatchesKnownVectors() {
    #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(SHA256.hex(Data(repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
}

/// The example archive's two imported seeds are what `quire import` makes of Tests/Fixtures/seeds
/// today: the committed sources cannot drift from the importer.
@Test func theArchivesImportedSeedsAreTheImportersOutput() throws {
    let scratch = try Scratch()
    let seeds = repositoryRoot.appendingPathComponent("Tests/Fixtures/seeds")
    for (seed, folder) in [("002_7148d2f1bdfd8117.txt", "2013/kscb-annual-report-2012-13"), ("000_998c20c10e644540.txt", "2017/kscb-annual-report-2016-17")] {
        let run = try scratch.quire(["import", seeds.appendingPathComponent(seed).path, "-o", "\(seed).md"])
        #expect(run.status == 0, "\(run.stderr)")
        let committed = try String(contentsOf: repositoryRoot.appendingPathComponent("examples/archive/\(folder)/paper.md"), encoding: .utf8)
        #expect(String(decoding: scratch.contents(of: "\(seed).md") ?? Data(), as: UTF8.self) == committed, "\(folder): re-import with quire import Tests/Fixtures/seeds/\(seed)")
    }
}

