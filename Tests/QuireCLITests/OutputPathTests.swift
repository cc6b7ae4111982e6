import Foundation
import QuireBench
import QuireKit
import QuireTestSupport
import Testing

/// `-o` replaces only a regular file that is none of the inputs (or creates one): a device, a
/// folder, an input, or a symbolic link to any of these is refused with exit status 2, nothing
/// is written and the target is left as it was. `-o -` writes the PDF to standard output.
@Suite struct OutputPathTests {
    /// A scratch folder holding the annual-report example (a paper, a YAML and a CSV data file).
    func annualReport() throws -> Scratch {
        let scratch = try Scratch()
        let folder = repositoryRoot.appendingPathComponent("examples/kscb-annual-report")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: scratch.work.appendingPathComponent(name))
        }
        return scratch
    }

    /// The work folder's files and their bytes, to show a refused run changed nothing.
    func snapshot(_ scratch: Scratch) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try scratch.listing() {
            var isFolder: ObjCBool = false
            let path = scratch.work.appendingPathComponent(name).path
            FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            files[name] = isFolder.boolValue ? Data("folder".utf8) : (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { Data("→\($0)".utf8) }
                ?? FileManager.default.contents(atPath: path) ?? Data("unreadable".utf8)
        }
        return files
    }

    func refused(_ scratch: Scratch, _ arguments: [String], mentioning phrases: [String]) throws {
        let before = try snapshot(scratch)
        let result = try scratch.quire(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        for phrase in phrases { #expect(result.stderr.contains(phrase), "\(arguments): \(result.stderr)") }
        #expect(result.stdout.isEmpty)
        #expect(try snapshot(scratch) == before, "\(arguments) changed the folder")
    }

    @Test func theSourceAndEveryFileTheRenderReadsAreRefused() throws {
        let scratch = try annualReport()
        try refused(scratch, ["render", "paper.md", "-o", "paper.md"], mentioning: ["'paper.md' is the source", "would replace an input"])
        try refused(scratch, ["render", "paper.md", "-o", "./paper.md"], mentioning: ["is the source"])
        try refused(scratch, ["render", "paper.md", "-o", "figures.yaml"], mentioning: ["'figures.yaml' is a data file"])
        try refused(scratch, ["render", "paper.md", "-o", "workforce.csv"], mentioning: ["is a data file"])
        // The same file by another name: a symbolic link and a hard link.
        try FileManager.default.createSymbolicLink(atPath: scratch.work.appendingPathComponent("latest.pdf").path, withDestinationPath: "paper.md")
        try refused(scratch, ["render", "paper.md", "-o", "latest.pdf"], mentioning: ["'latest.pdf' is a symbolic link to the source"])
        try FileManager.default.linkItem(at: scratch.work.appendingPathComponent("workforce.csv"), to: scratch.work.appendingPathComponent("copy.pdf"))
        try refused(scratch, ["render", "paper.md", "-o", "copy.pdf"], mentioning: ["is a data file"])
        // PNG pages never replace an input either.
        try FileManager.default.createSymbolicLink(atPath: scratch.work.appendingPathComponent("pages").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: scratch.work.appendingPathComponent("page-1.png").path, withDestinationPath: "figures.yaml")
        try refused(scratch, ["render", "paper.md", "--png", "pages"], mentioning: ["is a symbolic link to a data file"])
    }

    @Test func aFolderAFIFOAndADanglingLinkAreRefused() throws {
        let scratch = try annualReport()
        try FileManager.default.createDirectory(at: scratch.work.appendingPathComponent("out"), withIntermediateDirectories: false)
        try refused(scratch, ["render", "paper.md", "-o", "out"], mentioning: ["'out' is a folder, not a file", "-o out/paper.pdf"])
        #expect(mkfifo(scratch.work.appendingPathComponent("pipe").path, 0o644) == 0)
        try refused(scratch, ["render", "paper.md", "-o", "pipe"], mentioning: ["is a named pipe (FIFO), not a regular file", "-o - writes to standard output"])
        try FileManager.default.createSymbolicLink(atPath: scratch.work.appendingPathComponent("gone.pdf").path, withDestinationPath: "nowhere/gone.pdf")
        try refused(scratch, ["render", "paper.md", "-o", "gone.pdf"], mentioning: ["symbolic link to nothing that exists"])
        try refused(scratch, ["render", "paper.md", "-o", "missing/paper.pdf"], mentioning: ["the folder 'missing' does not exist"])
    }

    /// `quire render paper.md -o /dev/null` run as root once replaced the device with a PDF.
    /// A character device made in the scratch folder (as root; CAP_MKNOD) stands for it, and a
    /// symbolic link to it; both stay the device they were.
    @Test func aCharacterDeviceIsLeftAlone() throws {
        let scratch = try annualReport()
        let device = scratch.work.appendingPathComponent("null").path
        var null = stat()
        #expect(stat("/dev/null", &null) == 0)
        guard mknod(device, S_IFCHR | 0o666, null.st_rdev) == 0 else {
            // Not root (or no CAP_MKNOD): /dev/null itself, which only root could replace.
            let result = try scratch.quire(["render", "paper.md", "-o", "/dev/null"])
            #expect(result.status == 2)
            #expect(result.stderr.contains("'/dev/null' is a character device, not a regular file; it is left as it is"))
            return
        }
        try FileManager.default.createSymbolicLink(atPath: scratch.work.appendingPathComponent("null-link").path, withDestinationPath: "null")
        for target in ["null", "null-link", scratch.work.appendingPathComponent("null").path] {
            try refused(scratch, ["render", "paper.md", "-o", target], mentioning: ["is a character device, not a regular file; it is left as it is"])
            var status = stat()
            #expect(stat(device, &status) == 0 && status.st_mode & S_IFMT == S_IFCHR && status.st_rdev == null.st_rdev)
        }
        // Checked before anything is read, so before the manifest is even looked for.
        try refused(scratch, ["pack", "pack.yaml", "-o", "null"], mentioning: ["character device"])
    }

    @Test func aLinkToAnotherFileIsWrittenThroughAndStaysALink() throws {
        let scratch = try annualReport()
        try scratch.write("old.pdf", "old")
        try FileManager.default.createSymbolicLink(atPath: scratch.work.appendingPathComponent("latest.pdf").path, withDestinationPath: "old.pdf")
        let result = try scratch.quire(["render", "paper.md", "-o", "latest.pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.work.appendingPathComponent("latest.pdf").path) == "old.pdf")
        #expect(scratch.contents(of: "old.pdf")?.isPDF == true)
        #expect(try scratch.listing().filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test func dashWritesTheSamePDFToStandardOutput() throws {
        let scratch = try annualReport()
        // A temporary folder of its own: other tests writing to standard output at the same
        // time leave their (still open) files in the shared one.
        let temporary = scratch.work.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let environment = ["TMPDIR": temporary.path]
        let piped = try scratch.quire(["render", "paper.md", "-o", "-"], environment: environment)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdoutData.isPDF)
        try scratch.write("stdout.pdf", piped.stdoutData)
        #expect(try run("qpdf", ["--check", scratch.work.appendingPathComponent("stdout.pdf").path]).status == 0)
        let written = try scratch.quire(["render", "paper.md", "-o", "file.pdf"])
        #expect(written.status == 0)
        #expect(scratch.contents(of: "file.pdf") == piped.stdoutData)
        // A failed render writes nothing there; and PNG pages need a folder.
        try scratch.write("bad.md", "---\nsubject: x\n")
        let failed = try scratch.quire(["render", "bad.md", "-o", "-"], environment: environment)
        #expect(failed.status == 2)
        #expect(failed.stdoutData.isEmpty)
        let png = try scratch.quire(["render", "paper.md", "--png", "-"])
        #expect(png.status == 64)
        #expect(png.stderr.contains("--png needs a folder"))
        // Nothing is left in the temporary folder either.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func packRefusesItsManifestAndEveryDocumentItNamesAndWritesToStandardOutput() throws {
        let scratch = try Scratch()
        let folder = repositoryRoot.appendingPathComponent("examples/county-council-2017-10-19")
        try run("cp", ["-RL", folder.path, scratch.work.appendingPathComponent("meeting").path])
        try refused(scratch, ["pack", "meeting/pack.yaml", "-o", "meeting/pack.yaml"], mentioning: ["is the manifest"])
        // The exempt paper is not read for the public pack, and still never replaced.
        try refused(scratch, ["pack", "meeting/pack.yaml", "-o", "meeting/exempt-land-disposal.md"], mentioning: ["an agenda item's document"])
        try refused(scratch, ["pack", "meeting/pack.yaml", "-o", "meeting/minutes-2017-07-20.pdf"], mentioning: ["an agenda item's document"])
        try refused(scratch, ["pack", "meeting/pack.yaml", "-o", "meeting/appendix-a-business-plan.pdf"], mentioning: ["is an appendix"])
        try refused(scratch, ["pack", "meeting/pack.yaml", "-o", "meeting/papers/kscb-annual-report/figures.yaml"], mentioning: ["is a data file"])
        let piped = try scratch.quire(["pack", "meeting/pack.yaml", "-o", "-"])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdoutData.isPDF)
    }

    @Test func importNeverReplacesTheLegacyPaperAndCanWriteTheSourceToStandardOutput() throws {
        let scratch = try Scratch()
        let seed = try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/seeds/000_998c20c10e644540.txt"))
        try scratch.write("old.txt", seed)
        try refused(scratch, ["import", "old.txt", "-o", "old.txt"], mentioning: ["'old.txt' is the legacy paper"])
        try refused(scratch, ["import", "old.txt", "--report", "old.txt"], mentioning: ["is the legacy paper"])
        try refused(scratch, ["import", "old.txt", "-o", "new.md", "--report", "new.md"], mentioning: ["would both be written to 'new.md'"])
        let piped = try scratch.quire(["import", "old.txt", "-o", "-"])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.hasPrefix("---\n"))
        #expect(scratch.exists("old.md.import-report.txt"))
        #expect(!scratch.exists("old.md"))
    }

    @Test func regenerateWritesOnlyIntoAFolderApartFromTheArchive() throws {
        let scratch = try Scratch()
        try run("cp", ["-R", repositoryRoot.appendingPathComponent("examples/archive").path, scratch.work.appendingPathComponent("archive").path])
        try scratch.write("notes.txt", "a file")
        for (out, phrase) in [("archive", "holds the archive index"), (".", "holds the archive index"), ("archive/2017", "holds the folder of paper"),
                              ("notes.txt", "'\(scratch.work.appendingPathComponent("notes.txt").path)' is a file, not a folder")] {
            let before = try snapshot(scratch)
            let result = try scratch.quire(["regenerate", "archive", "--out", out, "--jobs", "1"])
            #expect(result.status == 2, "\(out): \(result.stderr)")
            #expect(result.stderr.contains(phrase), "\(out): \(result.stderr)")
            #expect(try snapshot(scratch) == before)
        }
    }

    /// Interrupted while the PDF is being written, `quire` removes its temporary file and dies
    /// of the signal; nothing is left where the output belongs.
    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedRenderLeavesNoTemporaryFile(_ signal: Int32) throws {
        let scratch = try Scratch()
        let paper = generateLongPaper(sections: 200).source
        try scratch.write("long.md", paper)
        var sawTemporary = false
        let result = try scratch.quire(["render", "long.md", "-o", "long.pdf"]) { process in
            let deadline = Date().addingTimeInterval(120)
            while process.isRunning, Date() < deadline {
                if (try scratch.listing()).contains(where: { $0.hasPrefix(".long.pdf.") && $0.hasSuffix(".tmp") }) {
                    sawTemporary = true
                    kill(process.processIdentifier, signal)
                    return
                }
                usleep(5_000)
            }
        }
        #expect(sawTemporary, "the render ended before its temporary file was seen: \(result.stderr)")
        #expect(result.signalled && result.status == signal, "status \(result.status)")
        let left = try scratch.listing()
        #expect(left == ["long.md"], "left behind: \(left)")
    }

    @Test func temporaryFilesAreExclusiveRandomAndRegisteredUntilDone() throws {
        let scratch = try Scratch()
        let output = scratch.work.appendingPathComponent("out.pdf").path
        let first = try TemporaryFile(beside: output), second = try TemporaryFile(beside: output)
        #expect(first.path != second.path)
        #expect(first.path.hasPrefix(scratch.work.path + "/.out.pdf.") && first.path.hasSuffix(".tmp"))
        #expect(TemporaryFiles.registered.contains(first.path) && TemporaryFiles.registered.contains(second.path))
        var status = stat()
        #expect(stat(first.path, &status) == 0 && status.st_mode & 0o777 == 0o666 & ~currentUmask())
        #expect(write(first.descriptor, "x", 1) == 1)
        try first.commit(to: output)
        second.remove()
        #expect(!TemporaryFiles.registered.contains(first.path) && !TemporaryFiles.registered.contains(second.path))
        #expect(scratch.contents(of: "out.pdf") == Data("x".utf8))
        #expect(try scratch.listing() == ["out.pdf"])
    }

    private func currentUmask() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }
}
