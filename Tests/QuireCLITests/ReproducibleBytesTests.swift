import Foundation
import QuireKit
import QuireTestSupport
import Testing

/// The archive's promise: the same source, data, layout and fonts give the same bytes in
/// any process, from any folder (no clock, no random identifier, no path in the file).
@Suite struct ReproducibleBytesTests {
    @Test(arguments: ["kscb-2016-17", "cabinet-decision-2017", "kscb-annual-report"])
    func sameBytesFromAnotherFolderAndProcess(_ name: String) throws {
        let scratch = try Scratch()
        // A copy of the example's folder somewhere else entirely (data files and all).
        let copy = scratch.root.appendingPathComponent("elsewhere/\(name)")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: example(name).deletingLastPathComponent(), to: copy)
        let first = try scratch.quire(["render", example(name).path, "-o", "first.pdf"])
        let second = try scratch.quire(["render", copy.appendingPathComponent("paper.md").path, "-o", "second.pdf"])
        #expect(first.status == 0 && second.status == 0, "\(first.stderr) \(second.stderr)")
        let a = try #require(scratch.contents(of: "first.pdf")), b = try #require(scratch.contents(of: "second.pdf"))
        #expect(a == b)
        #expect(!String(decoding: a, as: UTF8.self).contains(scratch.root.path))
    }

    /// `quire render` warms its text stack up while its command line is parsed, and its pools
    /// take the contexts made then (`TextStackWarmUp`); a `Typesetter` in a process that did
    /// not (this one) makes its own. Both write the same bytes.
    @Test func sameBytesWithTheTextStackWarmedUpAndWithout() throws {
        let scratch = try Scratch()
        let paper = example("kscb-annual-report")
        let warmed = try scratch.quire(["render", paper.path, "-o", "warmed.pdf"])
        #expect(warmed.status == 0, "\(warmed.stderr)")
        let cold = scratch.work.appendingPathComponent("cold.pdf").path
        _ = try Typesetter(resources: Resources(root: repositoryRoot)).renderPDF(file: paper.path, root: scratch.work, to: cold)
        let a = try #require(scratch.contents(of: "warmed.pdf")), b = try #require(scratch.contents(of: "cold.pdf"))
        #expect(a == b, "a render with the warmed-up contexts differs from one without")
    }

    /// The same bytes whatever the scheduling: a pack (papers laid out side by side, then
    /// drawn and finished on every core) and a paper rendered on one CPU (`taskset -c 0`) and
    /// on all of them, and the archive regenerated one paper at a time and two at a time.
    @Test func sameBytesOnOneCoreAndOnAll() throws {
        let scratch = try Scratch()
        let examples = repositoryRoot.appendingPathComponent("examples")
        let quire = try quireExecutable().path
        let pack = examples.appendingPathComponent("county-council-2017-10-19/pack.yaml").path
        let paper = examples.appendingPathComponent("kscb-annual-report/paper.md").path
        for (name, arguments) in [("pack", ["pack", pack, "--root", examples.path, "--full"]), ("paper", ["render", paper])] {
            let all = try runProcess(quire, arguments + ["-o", "\(name)-all.pdf"], in: scratch.work)
            let one = try runProcess("taskset", ["-c", "0", quire] + arguments + ["-o", "\(name)-one.pdf"], in: scratch.work)
            #expect(all.status == 0 && one.status == 0, "\(all.stderr) \(one.stderr)")
            let a = try #require(scratch.contents(of: "\(name)-all.pdf")), b = try #require(scratch.contents(of: "\(name)-one.pdf"))
            #expect(a == b, "\(name): one core and all cores give different bytes")
        }
        for jobs in ["1", "2"] {
            let result = try scratch.quire(["regenerate", examples.appendingPathComponent("archive").path, "--root", examples.path,
                                            "--out", "archive-\(jobs)", "--jobs", jobs])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let files = try FileManager.default.subpathsOfDirectory(atPath: scratch.work.appendingPathComponent("archive-1").path).filter { $0.hasSuffix(".pdf") }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            #expect(scratch.contents(of: "archive-1/\(file)") == scratch.contents(of: "archive-2/\(file)"), "\(file) differs between --jobs 1 and 2")
        }
    }
}

