import Foundation
import QuireLoopback
import QuireService
import Testing
import QuireSystem

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
    @Test func bodiesOverTheLimitAre413WhetherAnnouncedOrNot() async throws {
        try await withService([.maxBodyMib: "1"]) { server in
            let big = Data(repeating: 0x61, count: 2 * 1024 * 1024)
            let announced = try await server.post("/v1/render", form: paperForm(big))
            #expect(announced.status == 413 && announced.problem?.kind == "too-large")
            // Still serving.
            #expect(try await server.post("/v1/render", form: paperForm(try contents(examplePaper))).status == 200)
        }
    }

    /// On the wire: a chunked body with no Content-Length is cut off at the limit as it
    /// arrives, JSON (read whole) and a form (streamed into the workspace) alike.
    @Test func aChunkedBodyOverTheLimitIs413OnTheWire() throws {
        let server = try ServerProcess(["--max-body-mib", "1"])
        let form = paperForm(Data(repeating: 0x61, count: 2 * 1024 * 1024))
        for (type, body) in [("application/json", Data(repeating: 0x20, count: 2 * 1024 * 1024)), (form.contentType, form.finished)] {
            var raw = Data("POST /v1/render HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: \(type)\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
            for start in stride(from: 0, to: body.count, by: 0x10000) {
                let chunk = body[start..<min(body.count, start + 0x10000)]
                raw += Data(String(chunk.count, radix: 16).utf8) + Data("\r\n".utf8) + chunk + Data("\r\n".utf8)
            }
            raw += Data("0\r\n\r\n".utf8)
            let chunked = try LoopbackHTTP.sendRaw(port: server.port, bytes: raw)
            #expect(chunked.status == 413, "\(type)")
        }
        #expect(try server.post("/v1/render", form: paperForm(try contents(examplePaper))).status == 200)
    }

    @Test func documentsOverThePageLimitAre422() async throws {
        try await withService([.maxPages: "5"]) { server in
            let reply = try await server.post("/v1/render", form: paperForm(longPaper(pages: 40)))
            #expect(reply.status == 422)
            #expect(reply.problem?.kind == "limit")
            #expect(reply.problem?.detail.contains("5 pages") == true)
            #expect(try await server.post("/v1/render", form: paperForm(try contents(examplePaper))).status == 200)
        }
    }

    /// A real process: the test times the answer, and in this process the suites' tasks share
    /// the cooperative threads with the in-process service, so its clock would measure them.
    @Test func aRenderPastTheTimeLimitIsStoppedAndAnswered503() throws {
        let server = try ServerProcess(["--render-timeout", "0.2"])
        let paper = longPaper(pages: 600)
        // The same body without its paper: what reading and parsing the upload alone takes
        // here now (seconds in a debug build on a busy machine), so the check below measures
        // the render, not the load.
        var uploadOnly = MultipartForm()
        uploadOnly.add("other", filename: "paper.md", paper)
        let uploadStarted = Date()
        #expect(try server.post("/v1/render", form: uploadOnly).status == 400)
        let upload = Date().timeIntervalSince(uploadStarted)
        let started = Date()
        let reply = try server.post("/v1/render", form: paperForm(paper))
        let elapsed = Date().timeIntervalSince(started)
        #expect(reply.status == 503)
        #expect(reply.problem?.kind == "timeLimit")
        #expect(Int(reply.header("Retry-After") ?? "") != nil)
        // Stopped, not run to the end: a 600-page render takes far longer than this here.
        #expect(elapsed - upload < 6, "answered after \(elapsed) s, \(upload) s of it reading the upload")
        #expect(try server.metric("quire_renders_in_flight") == 0)
    }

    /// A real process, like the time-limit test: in this process the suites' tasks share the
    /// cooperative threads with the in-process service, and on a loaded machine the held render
    /// could finish before the test's second request got a thread. The slot is held by a
    /// render the time limit ends, so it is in flight however slowly this side runs.
    @Test func aFullQueueIsAnswered429WithRetryAfter() throws {
        let server = try ServerProcess(["--concurrency", "1", "--max-queue", "0", "--render-timeout", "10"])
        let first = Locked<HTTPReply?>(nil)
        let thread = Thread { first.withLock { $0 = try? server.post("/v1/render", form: paperForm(longPaper(pages: 1900))) } }
        thread.start()
        #expect(try server.wait { try server.metric("quire_renders_in_flight") == 1 })
        let refused = try server.post("/v1/render", form: paperForm(try contents(examplePaper)))
        #expect(refused.status == 429)
        #expect(refused.problem?.kind == "busy")
        #expect((Int(refused.header("Retry-After") ?? "") ?? 0) >= 1)
        #expect(server.wait(timeout: 120) { first.value != nil })
        #expect([200, 503].contains(first.value?.status ?? 0), "the held render finishes or meets the time limit")
        #expect(try server.post("/v1/render", form: paperForm(try contents(examplePaper))).status == 200)
    }

    @Test func shutdownFinishesTheRenderInFlight() throws {
        let server = try ServerProcess()
        let slow = longPaper(pages: 150)
        let reply = Locked<HTTPReply?>(nil)
        let thread = Thread { reply.withLock { $0 = try? server.post("/v1/render", form: paperForm(slow)) } }
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
