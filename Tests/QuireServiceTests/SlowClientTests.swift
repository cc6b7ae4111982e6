import Foundation
import QuireLoopback
import QuireSystem
import Testing

/// Slow clients against a real server over real sockets: bodies trickled a byte at a time
/// take no render slot or queue position and are cut off at the minimum rate; headers
/// trickled a byte at a time (slowloris) are cut off at the header deadline, so good requests
/// alongside are served; and /healthz answers promptly while large JSON uploads are decoded.
@Suite struct SlowClientTests {
    static let good = paperForm(try! contents(examplePaper))

    /// Connections that send a request's headers and then its body a byte every `interval` s.
    static func tricklers(_ count: Int, port: Int, headersOnly: Bool) throws -> [RawConnection] {
        try (0..<count).map { _ in
            let connection = try RawConnection(port: port)
            if headersOnly {
                try connection.send(Data("POST /v1/render HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8))
            } else {
                try connection.send(Data("POST /v1/render HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: \(good.contentType)\r\nContent-Length: \(good.finished.count)\r\n\r\n".utf8))
            }
            return connection
        }
    }

    /// Sends one byte on each connection every `interval` seconds until `stop` is set.
    static func keepTrickling(_ connections: [RawConnection], interval: Double, stop: Locked<Bool>) -> Thread {
        let thread = Thread {
            while !stop.value {
                for connection in connections { try? connection.send(Data("x".utf8)) }
                Thread.sleep(forTimeInterval: interval)
            }
        }
        thread.start()
        return thread
    }

    @Test func tricklingBodiesTakeNoSlotAndAreCutOffWhileGoodRequestsAreServed() throws {
        let server = try ServerProcess(["--concurrency", "1", "--max-queue", "2", "--header-timeout", "2", "--min-upload-rate-kib", "16"])
        let slow = try Self.tricklers(20, port: server.port, headersOnly: false)
        let stop = Locked(false)
        _ = Self.keepTrickling(slow, interval: 0.5, stop: stop)
        defer { stop.withLock { $0 = true } }
        // Before, each trickling body held a queue position: every good request got 429.
        for _ in 0..<3 {
            let reply = try server.post("/v1/render", form: Self.good)
            #expect(reply.status == 200 && reply.isPDF, "\(reply.status)")
        }
        #expect(try server.metric("quire_renders_queued") == 0)
        // Cut off at the minimum rate, after the 2 s grace.
        for connection in slow { #expect(connection.closedByServer(timeout: 20)) }
    }

    @Test func slowlorisHeadersAreCutOffAtTheDeadlineAndGoodRequestsGetThrough() throws {
        // Fewer connections allowed than the attack opens: good requests wait for the
        // deadline to close the attack's, not for the attacker to give up.
        let server = try ServerProcess(["--max-connections", "20", "--header-timeout", "2"])
        let attack = try Self.tricklers(40, port: server.port, headersOnly: true)
        let stop = Locked(false)
        _ = Self.keepTrickling(attack, interval: 0.5, stop: stop)
        defer { stop.withLock { $0 = true } }
        let started = Date()
        var served = 0
        for _ in 0..<5 where (try? server.post("/v1/render", form: Self.good, timeout: 60))?.status == 200 { served += 1 }
        #expect(served == 5, "\(served) of 5 good requests served in \(Date().timeIntervalSince(started)) s")
        for connection in attack.prefix(20) { #expect(connection.closedByServer(timeout: 20)) }
    }

    /// Before, only a connection's first request was on the header clock: one good request,
    /// then the next one's headers a byte at a time, held the connection until the idle timeout.
    @Test func slowlorisAfterAGoodRequestOnAKeptAliveConnectionIsCutOffAtTheHeaderDeadline() throws {
        let server = try ServerProcess(["--header-timeout", "2", "--idle-timeout", "30"])
        let request = Data("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        let slow = try RawConnection(port: server.port), idle = try RawConnection(port: server.port)
        for connection in [slow, idle] {
            try connection.send(request)
            let first = connection.receiveResponse(timeout: 10)
            #expect(first?.hasPrefix("HTTP/1.1 200") == true, "the first request: \(first ?? "no answer")")
        }
        // A well-formed start, then a header value a byte every half second.
        try slow.send(Data("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8))
        let started = Date()
        let stop = Locked(false)
        _ = Self.keepTrickling([slow], interval: 0.5, stop: stop)
        defer { stop.withLock { $0 = true } }
        #expect(slow.closedByServer(timeout: 15), "the trickled second request was not cut off")
        let cutAfter = Date().timeIntervalSince(started)
        #expect(cutAfter >= 1.5 && cutAfter < 6, "cut off after \(cutAfter) s (header deadline 2 s, idle timeout 30 s)")
        // A connection merely idle for longer than the header deadline is still open, and
        // answers its next request at once.
        Thread.sleep(forTimeInterval: max(0, 4 - Date().timeIntervalSince(started)))
        try idle.send(request)
        let second = idle.receiveResponse(timeout: 10)
        #expect(second?.hasPrefix("HTTP/1.1 200") == true, "the idle connection's second request: \(second ?? "no answer")")
    }

    @Test func healthAnswersPromptlyWhileLargeJSONUploadsAreDecoded() throws {
        let server = try ServerProcess(["--concurrency", "2"])
        let blob = Data(repeating: 0x41, count: 22 * 1024 * 1024).base64EncodedString()
        let body = try JSONSerialization.data(withJSONObject: ["paper": String(decoding: try contents(examplePaper), as: UTF8.self),
                                                               "files": [["path": "blob.bin", "content": blob, "encoding": "base64"]]])
        let done = Locked(0)
        for _ in 0..<2 {
            Thread {
                _ = try? LoopbackHTTP.send(port: server.port, method: "POST", path: "/v1/render", headers: [("Content-Type", "application/json")], body: body)
                done.withLock { $0 += 1 }
            }.start()
        }
        var slowest = 0.0, probes = 0
        while done.value < 2 {
            let started = Date()
            let health = try server.get("/healthz")
            slowest = max(slowest, Date().timeIntervalSince(started))
            probes += 1
            #expect(health.status == 200)
            // Probes 20 ms apart: on a fast machine the two uploads are decoded in a few
            // hundred milliseconds, and 100 ms apart left only three probes inside them.
            usleep(20_000)
        }
        #expect(probes > 3, "only \(probes) probes while the uploads were decoded")
        #expect(slowest < 2, "the slowest /healthz took \(slowest) s (the readiness probe allows 2 s)")
    }
}
