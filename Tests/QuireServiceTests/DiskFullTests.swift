import Foundation
import QuireLoopback
import QuireTestSupport
import Testing

/// A full disk is the server's trouble: 507 with Retry-After, not a 400 or 422 blaming the
/// client, and the server goes on. The server's temporary folder is a 1 MiB tmpfs mounted
/// for the test (root only: the test is skipped where mounting is not allowed).
@Suite struct DiskFullTests {
    static let canMount = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount")

    @Test(.enabled(if: canMount)) func anUploadIntoAFullDiskIs507() throws {
        let tiny = FileManager.default.temporaryDirectory.appendingPathComponent("quire-tiny-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tiny, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tiny) }
        let mounted = try runProcess("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", tiny.path])
        try #require(mounted.status == 0, "mount: \(mounted.stderr)")
        defer { _ = try? runProcess("/bin/umount", [tiny.path]) }
        let server = try ServerProcess([], environment: ["TMPDIR": tiny.path])
        let reply = try server.post("/v1/render", form: paperForm(try contents(examplePaper), files: [("big.bin", Data(repeating: 7, count: 3 << 20))]))
        #expect(reply.status == 507 && reply.problem?.kind == "disk-full", "\(reply.status) \(reply.text.prefix(300))")
        #expect(Int(reply.header("Retry-After") ?? "") != nil)
        #expect(try server.get("/healthz").status == 200)
        server.stop()
    }
}
