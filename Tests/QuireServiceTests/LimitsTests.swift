import Foundation
import QuireLoopback
import Testing

/// A valid paper of about `pages` pages (a dozen paragraphs a page).
func longPaper(pages: Int) -> Data {
    var text = ProblemParityTests.front + "---\n\n"
    for section in 1...max(1, pages / 2) {
        text += "# Section \(section)\n\n"
        for paragraph in 1...24 {
            text += "Paragraph \(paragraph) of section \(section) reports on the work of the Board over the year, "
                + "with the figures its partners gave and what the Board will do next about each of them.\n\n"
        }
    }
    return Data(text.utf8)
}

/// Size, pages, time, concurrency and shutdown: every limit holds, and is answered with the
/// status the README promises.
@Suite struct LimitsTests {
    @Test func bodiesOverTheLimitAre413WhetherAnnouncedOrNot() throws {
        let server = try ServerProcess(["--max-body-mib", "1"])
        let big = Data(repeating: 0x61, count: 2 * 1024 * 1024)
        let announced = try server.post("/v1/render", form: paperForm(big))
        #expect(announced.status == 413 && announced.problem?.kind == "too-large")
        // Chunked, with no Content-Length: the body is cut off at the limit as it arrives.
        var raw = Data("POST /v1/render HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
        for _ in 0..<32 { raw += Data("10000\r\n".utf8) + Data(repeating: 0x20, count: 0x10000) + Data("\r\n".utf8) }
        raw += Data("0\r\n\r\n".utf8)
        let chunked = try LoopbackHTTP.sendRaw(port: server.port, bytes: raw)
        #expect(chunked.status == 413)
        // Still serving.
        #expect(try server.post("/v1/render", form: paperForm(try contents(examplePaper))).status == 200)
    }

    @Test func documentsOverThePageLimitAre422() throws {
        let server = try ServerProcess(["--max-pages", "5"])
        let reply = try server.post("/v1/render", form: paperForm(longPaper(pages: 40)))
        #expect(reply.status == 422)
        #expect(reply.problem?.kind == "limit")
        #expect(reply.problem?.detail.contains("5 pages") == true)
        #expect(try server.post("/v1/render", form: paperForm(try contents(examplePaper))).status == 200)
    }

    @Test func aRenderPastTheTimeLimitIsStoppedAndAnswered503() throws {
        let server = try ServerProcess(["--render-timeout", "0.2"])
        let started = Date()
        let reply = try server.post("/v1/render", form: paperForm(longPaper(pages: 600)))
        let elapsed = Date().timeIntervalSince(started)
        #expect(reply.status == 503)
        #expect(reply.problem?.kind == "timeLimit")
        #expect(Int(reply.header("Retry-After") ?? "") != nil)
        // Stopped, not run to the end: a 600-page render takes far longer than this here.
        #expect(elapsed < 8, "answered after \(elapsed) s")
        #expect(try server.metric("quire_renders_in_flight") == 0)
    }

    @Test func aFullQueueIsAnswered429WithRetryAfter() throws {
        let server = try ServerProcess(["--concurrency", "1", "--max-queue", "0"])
        let slow = longPaper(pages: 150)
        let first = Locked<HTTPReply?>(nil)
        let thread = Thread { first.mutate { $0 = try? server.post("/v1/render", form: paperForm(slow)) } }
        thread.start()
        #expect(try server.wait { try server.metric("quire_renders_in_flight") == 1 })
        let refused = try server.post("/v1/render", form: paperForm(try contents(examplePaper)))
        #expect(refused.status == 429)
        #expect(refused.problem?.kind == "busy")
        #expect((Int(refused.header("Retry-After") ?? "") ?? 0) >= 1)
        #expect(server.wait(timeout: 120) { first.value != nil })
        #expect(first.value?.status == 200)
        #expect(try server.post("/v1/render", form: paperForm(try contents(examplePaper))).status == 200)
    }

    @Test func shutdownFinishesTheRenderInFlight() throws {
        let server = try ServerProcess()
        let slow = longPaper(pages: 150)
        let reply = Locked<HTTPReply?>(nil)
        let thread = Thread { reply.mutate { $0 = try? server.post("/v1/render", form: paperForm(slow)) } }
        thread.start()
        #expect(try server.wait { try server.metric("quire_renders_in_flight") == 1 })
        let status = server.stop(timeout: 120)
        #expect(status == 0, "the server exits cleanly after SIGTERM")
        #expect(server.wait { reply.value != nil })
        #expect(reply.value?.status == 200)
        #expect(reply.value?.isPDF == true)
        // And it no longer accepts connections.
        #expect(throws: (any Error).self) { try server.get("/healthz") }
    }
}
