import Foundation
import QuireLoopback
import QuireTestSupport
import Testing

/// A full disk is the server's trouble: 507 with Retry-After, not a 400 or 422 blaming the
/// client, and the server goes on. The server's temporary folder is a small tmpfs mounted
/// for the test (root only: the test is skipped where mounting is not allowed).
@Suite struct DiskFullTests {
    @Test(.enabled(if: TinyDisk.canMount)) func anUploadIntoAFullDiskIs507() throws {
        let disk = try TinyDisk(bytes: 1 << 20)
        let server = try ServerProcess([], environment: ["TMPDIR": disk.folder.path])
        let reply = try server.post("/v1/render", form: paperForm(try contents(examplePaper), files: [("big.bin", Data(repeating: 7, count: 3 << 20))]))
        #expect(reply.status == 507 && reply.problem?.kind == "disk-full", "\(reply.status) \(reply.text.prefix(300))")
        #expect(Int(reply.header("Retry-After") ?? "") != nil)
        #expect(try server.get("/healthz").status == 200)
        server.stop()
    }

    /// The upload fits (a 640 KB figure of noise and 900 KB of other files on a 2 MiB disk);
    /// the pack's PDF showing the figure does not. Before, that was a 422 blaming the paper.
    @Test(.enabled(if: TinyDisk.canMount)) func aPackPDFThatDoesNotFitTheDiskIs507AndLeavesNothing() throws {
        let disk = try TinyDisk(bytes: 2 << 20)
        let server = try ServerProcess([], environment: ["TMPDIR": disk.folder.path])
        let idle = disk.usedBytes
        var form = MultipartForm()
        form.add("manifest", filename: "pack.yaml", Data("""
            meeting:
              committee: Cabinet
              date: 2025-03-12
              time: "10:00"
              venue: County Hall
            items:
              - number: 1
                title: The report
                paper: report.md
            """.utf8))
        form.add("report.md", filename: "report.md", Data((MemoryBombTests.paper + "\n![Noise, for size](noise.png)\n").utf8))
        form.add("noise.png", filename: "noise.png", noisePNG(width: 800, height: 800))
        form.add("notes.bin", filename: "notes.bin", Data(repeating: 1, count: 900 << 10))
        let reply = try server.post("/v1/packs", form: form)
        #expect(reply.status == 507 && reply.problem?.kind == "disk-full", "\(reply.status) \(reply.text.prefix(400))")
        #expect(reply.problem?.detail.contains("the disk is full") == true && reply.problem?.detail.contains(".pdf") == true,
                "the output's write is what failed: \(reply.problem?.detail ?? "")")
        #expect(Int(reply.header("Retry-After") ?? "") != nil)
        // Nothing of the request is left on the disk, so the next one has the room it had.
        let cleaned = server.wait(timeout: 10) { disk.usedBytes <= idle + (64 << 10) }
        #expect(cleaned, "\(disk.usedBytes - idle) bytes left behind: \(disk.files)")
        #expect(disk.files.allSatisfy { !$0.hasSuffix(".tmp") && !$0.hasSuffix(".pdf") }, "\(disk.files)")
        let small = try server.post("/v1/render", form: paperForm(try contents(examplePaper)))
        #expect(small.status == 200 && small.isPDF, "a render that fits, afterwards: \(small.status)")
        #expect(server.stop() == 0)
    }

    /// A paper's PDF is made in memory, never on the disk: the same upload's PDF, larger than
    /// the room left on the disk, is served, and the disk is as it was once the request is done.
    @Test(.enabled(if: TinyDisk.canMount)) func aPaperPDFLargerThanTheRoomLeftIsServedFromMemory() throws {
        let disk = try TinyDisk(bytes: 2 << 20)
        let server = try ServerProcess([], environment: ["TMPDIR": disk.folder.path])
        let idle = disk.usedBytes
        let source = Data((MemoryBombTests.paper + "\n![Noise, for size](noise.png)\n").utf8)
        let noise = noisePNG(width: 800, height: 800)
        let files = [("noise.png", noise), ("notes.bin", Data(repeating: 1, count: 900 << 10))]
        let reply = try server.post("/v1/render", form: paperForm(source, files: files))
        #expect(reply.status == 200 && reply.isPDF, "\(reply.status) \(reply.text.prefix(400))")
        #expect(reply.body.count > (2 << 20) - 900 << 10 - noise.count, "the PDF is larger than the room the upload left: \(reply.body.count) bytes")
        let cleaned = server.wait(timeout: 10) { disk.usedBytes <= idle + (64 << 10) }
        #expect(cleaned, "\(disk.usedBytes - idle) bytes left behind: \(disk.files)")
        #expect(server.stop() == 0)
    }
}
