import Foundation
import QuireTestSupport
import Testing

/// The one path rule with real symbolic links: a data file, an image, a layout, a pack's
/// paper and PDF, an archive's paper, each as a link to a file outside and inside a linked
/// folder outside, is refused with the file, line and field, and nothing is written; a link
/// that stays inside is followed, and `--root` widens a pack's or archive's root on purpose.
@Suite struct SymlinkPolicyTests {
    /// What lives outside the job: a data file whose figure must never reach a PDF, an
    /// image, a paper and a PDF.
    struct Layout {
        let scratch: Scratch
        var outside: URL { scratch.root.appendingPathComponent("outside") }
        var paper: URL { scratch.work.appendingPathComponent("paper") }

        init() throws {
            scratch = try Scratch()
            let fm = FileManager.default
            try fm.createDirectory(at: scratch.root.appendingPathComponent("outside"), withIntermediateDirectories: true)
            try fm.createDirectory(at: scratch.work.appendingPathComponent("paper"), withIntermediateDirectories: true)
            try SymlinkPolicyTests.figures.write(to: outside.appendingPathComponent("figures.yaml"), atomically: true, encoding: .utf8)
            try fm.copyItem(at: SymlinkPolicyTests.png, to: outside.appendingPathComponent("logo.png"))
            try SymlinkPolicyTests.paper().write(to: outside.appendingPathComponent("paper.md"), atomically: true, encoding: .utf8)
            try fm.copyItem(at: repositoryRoot.appendingPathComponent("examples/county-council-2017-10-19/appendix-a-business-plan.pdf"),
                            to: outside.appendingPathComponent("appendix.pdf"))
        }

        func link(_ name: String, to target: URL) throws {
            let url = scratch.work.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: url, withDestinationURL: target)
        }

        func write(_ name: String, _ text: String) throws { try scratch.write(name, text) }
    }

    /// The canary: "4,242" in a PDF would mean a file outside was read.
    static let figures = "indicators:\n  canary:\n    label: Canary\n    unit: count\n    values: {\"2017\": 4242}\n"
    static let png = repositoryRoot.appendingPathComponent("Tests/Fixtures/corpus/city-housing-repairs-2025/logo.png")

    /// A complete committee paper; `data` is on line 2 when given.
    static func paper(data: String? = nil, body: String = "The body text.") -> String {
        "---\n" + (data.map { "data: \($0)\n" } ?? "") + """
            by: [{name: Jane Smith, role: Corporate Director}]
            to: Cabinet
            date: 19/10/2017
            subject: Link test
            classification: Unrestricted
            summary: A summary.
            recommendation: NOTE the report.
            ---

            # Introduction

            \(body)

            """
    }

    func text(_ pdf: URL) throws -> String { try run("pdftotext", [pdf.path, "-"]).out }

    // MARK: - A paper's data files and images

    @Test(arguments: ["file", "folder"])
    func aDataFileLinkedOutsideIsRefusedAtItsLine(_ kind: String) throws {
        let job = try Layout()
        let path = kind == "file" ? "figures.yaml" : "data/figures.yaml"
        try job.link(kind == "file" ? "paper/figures.yaml" : "paper/data", to: kind == "file" ? job.outside.appendingPathComponent("figures.yaml") : job.outside)
        try job.write("paper/paper.md", Self.paper(data: path, body: "The canary is {{ canary[2017] }}."))
        let result = try job.scratch.quire(["render", "paper/paper.md", "-o", "out.pdf"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("paper/paper.md:2: error: field 'data': data file '\(path)' is a symbolic link"), "\(result.stderr)")
        #expect(result.stderr.contains("leading to \(realPath(job.outside))/figures.yaml") && result.stderr.contains("hint: links may only lead inside"),
                "\(result.stderr)")
        #expect(!job.scratch.exists("out.pdf"))
    }

    @Test(arguments: ["file", "folder"])
    func anImageLinkedOutsideIsRefusedAtItsLine(_ kind: String) throws {
        let job = try Layout()
        let path = kind == "file" ? "logo.png" : "img/logo.png"
        try job.link(kind == "file" ? "paper/logo.png" : "paper/img", to: kind == "file" ? job.outside.appendingPathComponent("logo.png") : job.outside)
        try job.write("paper/paper.md", Self.paper(body: "The logo:\n\n![The logo](\(path))"))
        let result = try job.scratch.quire(["render", "paper/paper.md", "-o", "out.pdf"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("paper/paper.md:15: error: field 'image': image '\(path)' is a symbolic link"), "\(result.stderr)")
        #expect(!job.scratch.exists("out.pdf"))
    }

    @Test func linksThatStayInsideThePapersFolderAreFollowed() throws {
        let job = try Layout()
        try FileManager.default.createDirectory(at: job.paper.appendingPathComponent("years"), withIntermediateDirectories: true)
        try Self.figures.write(to: job.paper.appendingPathComponent("years/2017.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: Self.png, to: job.paper.appendingPathComponent("years/logo.png"))
        try job.link("paper/figures.yaml", to: job.paper.appendingPathComponent("years/2017.yaml"))
        try job.link("paper/current", to: job.paper.appendingPathComponent("years"))
        try job.write("paper/paper.md", Self.paper(data: "figures.yaml", body: "The canary is {{ canary[2017] }}.\n\n![The logo](current/logo.png)"))
        let result = try job.scratch.quire(["render", "paper/paper.md", "-o", "out.pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try text(job.scratch.work.appendingPathComponent("out.pdf")).contains("4,242"))
    }

    @Test func aLayoutInTheJobsLayoutsFolderLinkedOutsideIsRefused() throws {
        let job = try Layout()
        try "extends: committee-paper\nname: house\n".write(to: job.outside.appendingPathComponent("house.yaml"), atomically: true, encoding: .utf8)
        try job.link("layouts/house.yaml", to: job.outside.appendingPathComponent("house.yaml"))
        try job.write("paper.md", Self.paper().replacingOccurrences(of: "---\nby:", with: "---\nlayout: house\nby:"))
        let result = try job.scratch.quire(["render", "paper.md", "-o", "out.pdf"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("paper.md:2: error: field 'layout': the layout 'layouts/house.yaml' is a symbolic link"), "\(result.stderr)")
    }

    // MARK: - Packs and archives

    /// A pack of two items (the first at line 7), the second with a PDF appendix.
    static func manifest(paper: String, pdf: String) -> String {
        """
        meeting:
          committee: Cabinet
          date: 2025-03-12
          time: "10:00"
          venue: County Hall
        items:
          - number: 1
            title: A linked paper
            paper: \(paper)
          - number: 2
            title: A linked appendix
            paper: own.md
            appendices:
              - title: "Appendix A"
                pdf: \(pdf)
        """
    }

    @Test(arguments: ["file", "folder"])
    func aPacksPaperOrPDFLinkedOutsideIsRefusedUnlessTheRootHoldsIt(_ kind: String) throws {
        let job = try Layout()
        try job.write("own.md", Self.paper())
        if kind == "file" {
            try job.link("linked.md", to: job.outside.appendingPathComponent("paper.md"))
            try job.link("appendix.pdf", to: job.outside.appendingPathComponent("appendix.pdf"))
        } else {
            try job.link("shared", to: job.outside)
        }
        let paper = kind == "file" ? "linked.md" : "shared/paper.md", pdf = kind == "file" ? "appendix.pdf" : "shared/appendix.pdf"
        try job.write("pack.yaml", Self.manifest(paper: paper, pdf: pdf))
        let refused = try job.scratch.quire(["pack", "pack.yaml", "-o", "pack.pdf"])
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("pack.yaml:7: error: field 'paper': the paper '\(paper)' is a symbolic link"), "\(refused.stderr)")
        #expect(!job.scratch.exists("pack.pdf"))
        // The PDF alone, the paper made a file of the pack's own.
        try job.write("pack.yaml", Self.manifest(paper: "own.md", pdf: pdf))
        let pdfRefused = try job.scratch.quire(["pack", "pack.yaml", "-o", "pack.pdf"])
        #expect(pdfRefused.status == 2 && pdfRefused.stderr.contains("field 'pdf': the PDF '\(pdf)' is a symbolic link"), "\(pdfRefused.stderr)")
        // A root holding both the pack and what it links: read on purpose.
        try job.write("pack.yaml", Self.manifest(paper: paper, pdf: pdf))
        let widened = try job.scratch.quire(["pack", "pack.yaml", "--root", job.scratch.root.path, "-o", "pack.pdf"])
        #expect(widened.status == 0, "\(widened.stderr)")
        #expect(try text(job.scratch.work.appendingPathComponent("pack.pdf")).contains("A linked paper"))
    }

    @Test func anArchivesPaperFolderLinkedOutsideFailsAtItsEntryAndRendersWithARootHoldingIt() throws {
        let job = try Layout()
        try job.link("archive/2017/linked", to: job.outside)
        try job.write("archive/archive.yaml", """
            papers:
              - path: 2017/linked
                year: 2017
                committee: Cabinet
                date: 2017-10-19
                title: A linked paper
            """)
        let refused = try job.scratch.quire(["regenerate", "archive", "--out", "dist", "--jobs", "1"])
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("archive.yaml:2: error: field 'papers[0].path': the paper '2017/linked/paper.md' is a symbolic link"),
                "\(refused.stderr)")
        #expect(!job.scratch.exists("dist/2017/linked.pdf"))
        let widened = try job.scratch.quire(["regenerate", "archive", "--root", job.scratch.root.path, "--out", "dist", "--jobs", "1"])
        #expect(widened.status == 0, "\(widened.stderr)")
        #expect(job.scratch.exists("dist/2017/linked.pdf"))
    }

    @Test func theExamplePackLinksTheOtherExamplesAndNeedsTheirFolderAsItsRoot() throws {
        let scratch = try Scratch()
        let manifest = repositoryRoot.appendingPathComponent("examples/county-council-2017-10-19/pack.yaml").path
        let refused = try scratch.quire(["pack", manifest, "-o", "pack.pdf"])
        #expect(refused.status == 2 && refused.stderr.contains("is a symbolic link") && refused.stderr.contains("--root"), "\(refused.stderr)")
        let rendered = try scratch.quire(["pack", manifest, "--root", repositoryRoot.appendingPathComponent("examples").path, "-o", "pack.pdf"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
    }

    private func realPath(_ url: URL) -> String { url.resolvingSymlinksInPath().path }
}
