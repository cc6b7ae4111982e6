import Foundation
import QuireTestSupport
import Testing

/// A paper, its data files and the layouts saved with Windows line ends (CRLF) and a
/// byte-order mark render to the same bytes as the files saved on Linux.
@Suite struct LineEndingCommandTests {
    func windows(_ data: Data) -> Data {
        Data(("\u{FEFF}" + String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n")).utf8)
    }

    @Test func aWindowsSavedPaperWithDataRendersTheSamePDF() throws {
        let scratch = try Scratch()
        let folder = repositoryRoot.appendingPathComponent("examples/kscb-annual-report")
        for name in ["paper.md", "figures.yaml", "workforce.csv"] {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            try scratch.write("lf-" + name, data)
            try scratch.write("crlf-" + name, windows(data))
        }
        for prefix in ["lf-", "crlf-"] {
            // The paper names its data files without the prefix.
            let source = String(decoding: scratch.contents(of: prefix + "paper.md")!, as: UTF8.self)
                .replacingOccurrences(of: "data: [figures.yaml, workforce.csv]", with: "data: [\(prefix)figures.yaml, \(prefix)workforce.csv]")
            try scratch.write(prefix + "paper.md", source)
        }
        let lf = try scratch.quire(["render", "lf-paper.md", "-o", "lf.pdf"])
        let crlf = try scratch.quire(["render", "crlf-paper.md", "-o", "crlf.pdf"])
        #expect(lf.status == 0 && crlf.status == 0, "\(lf.stderr)\(crlf.stderr)")
        #expect(scratch.contents(of: "lf.pdf") == scratch.contents(of: "crlf.pdf"))
    }

    @Test func aMistakeInAWindowsSavedDataFileIsOnItsLine() throws {
        let scratch = try Scratch()
        let folder = repositoryRoot.appendingPathComponent("examples/kscb-annual-report")
        try scratch.write("paper.md", windows(try Data(contentsOf: folder.appendingPathComponent("paper.md"))))
        try scratch.write("figures.yaml", windows(try Data(contentsOf: folder.appendingPathComponent("figures.yaml"))))
        try scratch.write("workforce.csv", windows(Data("id,label,unit,2016,2017\nchampions,\"Multi-agency\nCSE Champions\",count,,160\nnew-scrs,Serious Case Reviews,count,0,2,3\n".utf8)))
        let result = try scratch.quire(["render", "paper.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("workforce.csv:4: error: this row has 6 cells; the header has 5"), "\(result.stderr)")
    }

    /// Layouts saved on Windows (QUIRE_HOME pointing at a copy with CRLF layout files).
    @Test func windowsSavedLayoutsGiveTheSamePDF() throws {
        let scratch = try Scratch()
        let home = scratch.root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("layouts"), withIntermediateDirectories: true)
        for name in ["fonts", "assets"] {
            try FileManager.default.createSymbolicLink(at: home.appendingPathComponent(name), withDestinationURL: repositoryRoot.appendingPathComponent(name))
        }
        let layouts = repositoryRoot.appendingPathComponent("layouts")
        for name in try FileManager.default.contentsOfDirectory(atPath: layouts.path) {
            try windows(try Data(contentsOf: layouts.appendingPathComponent(name))).write(to: home.appendingPathComponent("layouts/\(name)"))
        }
        try scratch.write("paper.md", try Data(contentsOf: example("kscb-2016-17")))
        let plain = try scratch.quire(["render", "paper.md", "-o", "plain.pdf"])
        let windows = try scratch.quire(["render", "paper.md", "-o", "windows.pdf"], environment: ["QUIRE_HOME": home.path])
        #expect(plain.status == 0 && windows.status == 0, "\(windows.stderr)")
        #expect(scratch.contents(of: "plain.pdf") == scratch.contents(of: "windows.pdf"))
        let listed = try scratch.quire(["layouts"], environment: ["QUIRE_HOME": home.path])
        #expect(listed.stdout.contains("committee-paper"))
        // A mistake in a Windows-saved layout is on the line an editor shows it on.
        let layout = home.appendingPathComponent("layouts/committee-paper.yaml")
        var lines = String(decoding: try Data(contentsOf: layout), as: UTF8.self).components(separatedBy: "\r\n")
        let line = try #require(lines.firstIndex { $0.hasPrefix("body:") }) + 2
        lines.insert("  leding: 14", at: line - 1)
        try Data(lines.joined(separator: "\r\n").utf8).write(to: layout)
        let broken = try scratch.quire(["render", "paper.md", "-o", "broken.pdf"], environment: ["QUIRE_HOME": home.path])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("committee-paper.yaml:\(line):"), "\(broken.stderr)")
    }
}
