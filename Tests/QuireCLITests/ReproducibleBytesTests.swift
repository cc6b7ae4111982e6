import Foundation
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
}
