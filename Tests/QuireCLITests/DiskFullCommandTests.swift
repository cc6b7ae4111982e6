import Foundation
import QuireTestSupport
import Testing

/// A full disk is not bad input: `quire render` into a disk with no room for the PDF exits 74
/// (not 2), says the disk is full and what to free, and leaves no partial or temporary file.
/// The disk is a small tmpfs mounted for the test (root only: skipped elsewhere).
@Suite struct DiskFullCommandTests {
    @Test(.enabled(if: TinyDisk.canMount)) func aPDFThatDoesNotFitItsDiskExits74AndLeavesNothing() throws {
        let scratch = try Scratch()
        let paper = try String(contentsOf: example("kscb-2016-17"), encoding: .utf8) + "\n![Noise, for size](noise.png)\n"
        try scratch.write("paper.md", paper)
        try scratch.write("noise.png", noisePNG(width: 800, height: 800))
        let disk = try TinyDisk(bytes: 256 << 10)
        let output = disk.folder.appendingPathComponent("paper.pdf").path
        let result = try scratch.quire(["render", "paper.md", "-o", output])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write '\(output)': the disk is full") && result.stderr.contains("free space on the disk holding"),
                "\(result.stderr)")
        #expect(disk.files.isEmpty, "left on the disk: \(disk.files)")
        // The same command with room succeeds: the input was never at fault.
        let roomy = try scratch.quire(["render", "paper.md", "-o", "paper.pdf"])
        #expect(roomy.status == 0 && scratch.contents(of: "paper.pdf")?.isPDF == true, "\(roomy.stderr)")
    }
}
