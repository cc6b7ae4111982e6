import Foundation
import QuireLoopback
import Testing

/// Nothing left behind: a request's folder is removed on every path (done, refused, too
/// large, timed out, client gone), and a server killed outright leaves its folders for the
/// next one to start, which removes them.
@Suite struct LeftoverTests {
    static func folder(of server: ServerProcess) -> URL {
        URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("quire-service-\(server.pid)")
    }

    static func entries(_ url: URL) -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] }

    @Test func everyWayARequestEndsRemovesItsFolder() throws {
        let server = try ServerProcess(["--render-timeout", "0.5", "--max-body-mib", "1", "--max-pages", "5"])
        let folder = Self.folder(of: server)
        #expect(try server.post("/v1/render", form: paperForm(try contents(examplePaper))).status != 0)
        #expect(try server.post("/v1/render", form: paperForm(Data("not a paper".utf8))).status == 422)
        #expect(try server.post("/v1/render", form: paperForm(longPaper(pages: 40))).status == 422)
        #expect(try server.post("/v1/render", form: paperForm(Data(repeating: 0x61, count: 2 << 20))).status == 413)
        #expect(try server.post("/v1/render", form: paperForm(longPaper(pages: 4), files: [("../x", Data())])).status == 400)
        // A client that hangs up mid-render.
        let form = paperForm(longPaper(pages: 4))
        let socket = try RawConnection(port: server.port)
        try socket.send(Data("POST /v1/render HTTP/1.1\r\nHost: x\r\nContent-Type: \(form.contentType)\r\nContent-Length: \(form.finished.count)\r\n\r\n".utf8) + form.finished)
        socket.close()
        #expect(server.wait { Self.entries(folder).isEmpty }, "left: \(Self.entries(folder))")
        #expect(try server.metric("quire_renders_in_flight") == 0)
    }

    @Test func aKilledServersFoldersAreRemovedByTheNextToStart() throws {
        let killed = try ServerProcess(["--concurrency", "1", "--render-timeout", "120"])
        let folder = Self.folder(of: killed)
        let holder = Thread { _ = try? killed.post("/v1/render", form: paperForm(longPaper(pages: 1900))) }
        holder.start()
        #expect(try killed.wait(timeout: 60) { try killed.metric("quire_renders_in_flight") == 1 })
        #expect(!Self.entries(folder).isEmpty, "a request folder in use")
        kill(killed.pid, SIGKILL)
        #expect(killed.wait { !killed.process.isRunning })
        #expect(FileManager.default.fileExists(atPath: folder.path), "SIGKILL leaves it")
        let next = try ServerProcess()
        #expect(!FileManager.default.fileExists(atPath: folder.path), "the next server removed it")
        #expect(FileManager.default.fileExists(atPath: Self.folder(of: next).path))
        next.stop()
        #expect(!FileManager.default.fileExists(atPath: Self.folder(of: next).path), "a clean shutdown removes its own")
    }
}
