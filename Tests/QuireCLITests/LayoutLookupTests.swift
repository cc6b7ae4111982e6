import Foundation
import QuireTestSupport
import Testing

/// Layouts a council keeps outside Quire's install: `--layout PATH`, `layout: ./styles/x.yaml`
/// in front matter, the `QUIRE_LAYOUTS` search path, a layout beside a pack or an archive,
/// `extends:`, and the path checks that keep every read inside the job's folders.
@Suite struct LayoutLookupTests {
    /// A complete paper for committee-paper, with `extra` front matter lines.
    static func paper(_ extra: String = "", dropping: [String] = []) -> String {
        var lines = ["by: [{name: Jane Smith, role: Corporate Director}]", "to: Cabinet", "date: 19/10/2017", "subject: House style test",
                     "classification: Unrestricted", "summary: A summary.", "recommendation: NOTE the report."]
        lines.removeAll { line in dropping.contains { line.hasPrefix($0 + ":") } }
        return "---\n" + (extra.isEmpty ? "" : extra + "\n") + lines.joined(separator: "\n") + "\n---\n\n# Introduction\n\nThe body text.\n"
    }

    /// A council's layout: committee-paper with its own footer.
    static let house = "extends: committee-paper\nname: house\ndescription: Our house style\nfooter:\n  text: \"Westshire – page {page}\"\n"

    func text(_ pdf: URL) throws -> String { try run("pdftotext", ["-layout", pdf.path, "-"]).out }

    @Test func aLayoutFileOnTheCommandLineAndInFrontMatter() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.work.appendingPathComponent("styles"), withIntermediateDirectories: true)
        try scratch.write("styles/house.yaml", Self.house)
        try scratch.write("paper.md", Self.paper())
        let flag = try scratch.quire(["render", "paper.md", "--layout", "./styles/house.yaml", "-o", "flag.pdf"])
        #expect(flag.status == 0, "\(flag.stderr)")
        #expect(try text(scratch.work.appendingPathComponent("flag.pdf")).contains("Westshire – page 1"))
        // Absolute, as a script would pass it.
        let absolute = try scratch.quire(["render", "paper.md", "--layout", scratch.work.appendingPathComponent("styles/house.yaml").path, "-o", "abs.pdf"])
        #expect(absolute.status == 0, "\(absolute.stderr)")
        // In the front matter, relative to the paper (here in a folder of its own).
        try FileManager.default.createDirectory(at: scratch.work.appendingPathComponent("papers/2025"), withIntermediateDirectories: true)
        try scratch.write("papers/2025/paper.md", Self.paper("layout: ../../styles/house.yaml"))
        let named = try scratch.quire(["render", "papers/2025/paper.md", "-o", "named.pdf"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(try text(scratch.work.appendingPathComponent("named.pdf")).contains("Westshire – page 1"))
        // The extended layout's keys are kept: the header block is committee-paper's.
        #expect(try text(scratch.work.appendingPathComponent("named.pdf")).contains("Classification:"))
    }

    @Test func theSearchPathComesBeforeTheBundledLayoutsAndMayShadowOne() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.work.appendingPathComponent("ours"), withIntermediateDirectories: true)
        try scratch.write("ours/house.yaml", Self.house)
        // A council's own committee-paper, extending the bundled one it shadows.
        try scratch.write("ours/committee-paper.yaml", "extends: committee-paper\nname: committee-paper\ndescription: Ours\nfooter:\n  text: \"Shadowed {page}\"\n")
        try scratch.write("paper.md", Self.paper("layout: house"))
        try scratch.write("plain.md", Self.paper())
        let environment = ["QUIRE_LAYOUTS": "/nonexistent:" + scratch.work.appendingPathComponent("ours").path]
        #expect(try scratch.quire(["render", "paper.md", "-o", "house.pdf"], environment: environment).status == 0)
        #expect(try text(scratch.work.appendingPathComponent("house.pdf")).contains("Westshire – page 1"))
        #expect(try scratch.quire(["render", "plain.md", "-o", "plain.pdf"], environment: environment).status == 0)
        #expect(try text(scratch.work.appendingPathComponent("plain.pdf")).contains("Shadowed 1"))
        let listed = try scratch.quire(["layouts"], environment: environment)
        let lines = listed.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("house ") && $0.hasSuffix("Our house style") })
        #expect(lines.contains { $0.hasPrefix("committee-paper ") && $0.hasSuffix(" Ours") })
        #expect(listed.stdout.contains("county-2025") && listed.stdout.contains("welsh-council"))
        // Without the search path the name is unknown, with the usual hint.
        let unknown = try scratch.quire(["render", "paper.md", "-o", "x.pdf"])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown layout 'house'") && unknown.stderr.contains("./styles/ours.yaml"))
    }

    @Test func aPathOutsideTheJobsFoldersOrALinkLeadingOutIsRefused() throws {
        let scratch = try Scratch()
        let outside = scratch.root.appendingPathComponent("outside.yaml")
        try Self.house.write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: scratch.work.appendingPathComponent("job"), withIntermediateDirectories: true)
        try scratch.write("job/paper.md", Self.paper("layout: ../../outside.yaml"))
        let job = scratch.work.appendingPathComponent("job")
        let escaping = try runProcess(try quireExecutable().path, ["render", "paper.md", "-o", "x.pdf"], in: job)
        #expect(escaping.status == 2)
        #expect(escaping.stderr.contains("paper.md:2: error: field 'layout': the layout '../../outside.yaml' is outside the folders Quire may read"), "\(escaping.stderr)")
        // A link inside the folder that points out of it is followed before the check.
        try FileManager.default.createSymbolicLink(at: job.appendingPathComponent("linked.yaml"), withDestinationURL: outside)
        try scratch.write("job/linked.md", Self.paper("layout: ./linked.yaml"))
        let linked = try runProcess(try quireExecutable().path, ["render", "linked.md", "-o", "x.pdf"], in: job)
        #expect(linked.status == 2 && linked.stderr.contains("outside the folders"), "\(linked.stderr)")
        #expect(!FileManager.default.fileExists(atPath: job.appendingPathComponent("x.pdf").path))
    }

    @Test func extendsErrorsNameTheLayoutFilesLineAndACircleIsReported() throws {
        let scratch = try Scratch()
        try scratch.write("bad.yaml", "extends: committee-paper\nbody:\n  sise: 12pt\n")
        try scratch.write("a.yaml", "extends: ./b.yaml\n")
        try scratch.write("b.yaml", "extends: ./a.yaml\n")
        try scratch.write("missing.yaml", "extends: comittee-paper\n")
        try scratch.write("paper.md", Self.paper())
        let bad = try scratch.quire(["render", "paper.md", "--layout", "bad.yaml"])
        #expect(bad.status == 2 && bad.stderr.contains("bad.yaml:3: error: field 'body.sise'") && bad.stderr.contains("did you mean 'body.size'?"), "\(bad.stderr)")
        let circle = try scratch.quire(["render", "paper.md", "--layout", "a.yaml"])
        #expect(circle.status == 2 && circle.stderr.contains("extend each other in a circle"), "\(circle.stderr)")
        let missing = try scratch.quire(["render", "paper.md", "--layout", "missing.yaml"])
        #expect(missing.status == 2 && missing.stderr.contains("missing.yaml:1: error: field 'extends': unknown layout 'comittee-paper'")
                && missing.stderr.contains("did you mean 'committee-paper'?"), "\(missing.stderr)")
    }

    @Test func aPacksPapersAndFrontSheetMayUseLayoutsInThePacksFolder() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.work.appendingPathComponent("layouts"), withIntermediateDirectories: true)
        try scratch.write("layouts/house.yaml", Self.house)
        try scratch.write("front.yaml", "extends: agenda\nname: front\npack:\n  title: Our agenda\n")
        try FileManager.default.createDirectory(at: scratch.work.appendingPathComponent("papers"), withIntermediateDirectories: true)
        try scratch.write("papers/one.md", Self.paper("layout: house"))
        try scratch.write("papers/two.md", Self.paper("layout: ../front.yaml", dropping: []).replacingOccurrences(of: "layout: ../front.yaml", with: "layout: ../layouts/house.yaml"))
        try scratch.write("pack.yaml", """
            layout: ./front.yaml
            meeting:
              committee: Cabinet
              date: 2025-03-12
              time: "10:00"
              venue: County Hall
            items:
              - number: 1
                title: House style by name
                paper: papers/one.md
              - number: 2
                title: House style by path
                paper: papers/two.md
            """)
        let result = try scratch.quire(["pack", "pack.yaml", "-o", "pack.pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try text(scratch.work.appendingPathComponent("pack.pdf"))
        #expect(text.contains("Our agenda") && text.contains("House style by path"))
    }

    @Test func anArchivedPaperWithoutSummaryOrClassificationRendersWithWarnings() throws {
        let scratch = try Scratch()
        let archive = scratch.work.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archive.appendingPathComponent("layouts"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: archive.appendingPathComponent("2016/old-paper"), withIntermediateDirectories: true)
        try Self.house.write(to: archive.appendingPathComponent("layouts/house.yaml"), atomically: true, encoding: .utf8)
        try Self.paper("layout: house", dropping: ["summary", "classification"])
            .write(to: archive.appendingPathComponent("2016/old-paper/paper.md"), atomically: true, encoding: .utf8)
        try """
            papers:
              - path: 2016/old-paper
                year: 2016
                committee: Cabinet
                date: 2016-10-19
                title: An old paper
            """.write(to: archive.appendingPathComponent("archive.yaml"), atomically: true, encoding: .utf8)
        let result = try scratch.quire(["regenerate", archive.path, "--out", "dist", "--jobs", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: the layout 'house' requires 'classification'; this archived paper has none, so it renders without it"))
        #expect(result.stderr.contains("requires 'summary'"))
        let text = try text(scratch.work.appendingPathComponent("dist/2016/old-paper.pdf"))
        #expect(text.contains("Westshire – page 1") && !text.contains("Summary:") && !text.contains("Classification:"))
        // The same paper rendered as a new one (from the archive's folder, whose layouts/ it
        // finds) still fails, with today's message.
        let fresh = try runProcess(try quireExecutable().path, ["render", "2016/old-paper/paper.md", "-o", "x.pdf"], in: archive)
        #expect(fresh.status == 2)
        #expect(fresh.stderr.contains("error: field 'classification': the layout 'house' requires 'classification', and the front matter has none"))
        #expect(fresh.stderr.contains("hint: add a line such as 'summary: …' between the '---' lines"))
    }

    @Test func anImportedPaperLackingARequiredFieldRendersWithAWarning() throws {
        let scratch = try Scratch()
        try scratch.write("imported.md", Self.paper("imported-from: old-paper.pdf", dropping: ["summary"]))
        let result = try scratch.quire(["render", "imported.md", "-o", "imported.pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("imported.md:2: warning: the layout 'committee-paper' requires 'summary'; this imported paper has none"))
        #expect(try !text(scratch.work.appendingPathComponent("imported.pdf")).contains("Summary:"))
    }
}
