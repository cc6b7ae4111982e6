import Foundation
import QuireLoopback
import QuireSystem
import Testing

/// The time limit is a limit: a render whose client hangs up is stopped at once and its slot
/// passes on, and a render that ends past its limit is answered 503 and counted as such,
/// never as done. Real processes and sockets: the client really closes its connection.
@Suite struct RealTimeLimitTests {
    /// Requests to /v1/render answered with `status`, from /metrics.
    static func answered(_ server: ServerProcess, status: Int) throws -> Double {
        let text = String(decoding: try server.get("/metrics").body, as: UTF8.self)
        return text.split(separator: "\n")
            .filter { $0.hasPrefix("quire_http_requests_total{") && $0.contains("route=\"/v1/render\"") && $0.contains("status=\"\(status)\"") }
            .compactMap { Double($0.split(separator: " ").last ?? "") }.reduce(0, +)
    }

    @Test func aClientThatHangsUpStopsItsRenderAndItsSlotPassesOn() throws {
        // One slot, and a render that would run for minutes (the limit far beyond the test).
        let server = try ServerProcess(["--concurrency", "1", "--render-timeout", "600"])
        let form = paperForm(longPaper(pages: 1900))
        let head = "POST /v1/render HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: \(form.contentType)\r\nContent-Length: \(form.finished.count)\r\n\r\n"
        let socket = try RawConnection(port: server.port)
        try socket.send(Data(head.utf8) + form.finished)
        #expect(try server.wait(timeout: 60) { try server.metric("quire_renders_in_flight") == 1 })
        let hungUp = Date()
        socket.close()
        #expect(try server.wait(timeout: 60) { try server.metric("quire_renders_in_flight") == 0 }, "the render stopped")
        let stoppedAfter = Date().timeIntervalSince(hungUp)
        #expect(try server.wait { try Self.answered(server, status: 499) == 1 }, "counted as a client gone, not as a render")
        #expect(try Self.answered(server, status: 200) == 0)
        // The slot is free: a good request is served now, not after the abandoned render.
        let good = try server.post("/v1/render", form: paperForm(try contents(examplePaper)))
        #expect(good.status == 200 && good.isPDF)
        #expect(stoppedAfter < 30, "stopped \(stoppedAfter) s after the client went")
    }

    @Test func aClientThatHangsUpWhileQueuedLeavesTheQueue() throws {
        let server = try ServerProcess(["--concurrency", "1", "--render-timeout", "20"])
        let holder = Thread { _ = try? server.post("/v1/render", form: paperForm(longPaper(pages: 1900))) }
        holder.start()
        #expect(try server.wait(timeout: 60) { try server.metric("quire_renders_in_flight") == 1 })
        let form = paperForm(try contents(examplePaper))
        let head = "POST /v1/render HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: \(form.contentType)\r\nContent-Length: \(form.finished.count)\r\n\r\n"
        let socket = try RawConnection(port: server.port)
        try socket.send(Data(head.utf8) + form.finished)
        #expect(try server.wait(timeout: 60) { try server.metric("quire_renders_queued") == 1 })
        socket.close()
        #expect(try server.wait(timeout: 10) { try server.metric("quire_renders_queued") == 0 }, "the queue let it go")
        #expect(try server.wait { try Self.answered(server, status: 499) == 1 })
    }

    /// Shutting down closes connections' input from the server's side; that is not a client
    /// leaving, so every request that reached the server before SIGTERM is still answered.
    @Test func shutdownIsNotTakenForClientsLeavingAndEveryRequestInIsAnswered() throws {
        let server = try ServerProcess(["--concurrency", "2", "--max-queue", "64"])
        let form = paperForm(try contents(examplePaper))
        let statuses = Locked<[Int]>([])
        for _ in 0..<40 {
            Thread { let status = (try? server.post("/v1/render", form: form))?.status ?? 0; statuses.withLock { $0.append(status) } }.start()
        }
        // Every request in: answered, rendering or waiting.
        #expect(try server.wait(timeout: 120) {
            try Self.answered(server, status: 200) + (server.metric("quire_renders_in_flight") ?? 0) + (server.metric("quire_renders_queued") ?? 0) >= 40
        })
        #expect(server.stop(timeout: 300) == 0)
        #expect(server.wait(timeout: 60) { statuses.value.count == 40 })
        #expect(statuses.value.allSatisfy { $0 == 200 }, "\(statuses.value)")
    }

    /// Before, a deadline crossed while the last page was drawn went unnoticed and the render
    /// was answered (and counted) 200.
    @Test func aRenderThatEndsPastItsLimitIsAnswered503AndCountedSo() throws {
        let server = try ServerProcess(["--render-timeout", "0.01"])
        let reply = try server.post("/v1/render", form: paperForm(try contents(examplePaper)))
        #expect(reply.status == 503 && reply.problem?.kind == "timeLimit", "\(reply.status)")
        #expect(try Self.answered(server, status: 503) == 1)
        #expect(try Self.answered(server, status: 200) == 0)
        #expect(try server.metric("quire_renders_in_flight") == 0)
    }
}

/// A client socket the test closes when it likes (the loopback client always waits for the answer).
final class RawConnection: @unchecked Sendable {
    private var fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, connected == 0 else { throw ConnectionFailed(reason: "connect: \(String(cString: strerror(errno)))") }
    }

    deinit { close() }

    /// Sends every byte (blocking).
    func send(_ data: Data) throws {
        try data.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let count = Foundation.send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                guard count > 0 else { throw ConnectionFailed(reason: "send: \(String(cString: strerror(errno)))") }
                sent += count
            }
        }
    }

    /// One whole response (its head and `Content-Length` bytes of body) as text, waiting up to
    /// `timeout` seconds; nil if the server closes or the time runs out first.
    func receiveResponse(timeout: Double) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        var received = Data(), buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            if let end = received.range(of: Data("\r\n\r\n".utf8)) {
                let head = String(decoding: received[..<end.lowerBound], as: UTF8.self)
                let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") } ?? 0
                if received.count - end.upperBound >= length { return String(decoding: received, as: UTF8.self) }
            }
            var watch = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&watch, 1, 100) > 0 else { continue }
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            received.append(buffer, count: count)
        }
        return nil
    }

    /// Whether the server has closed its side (a read gives end of file), waiting up to `timeout` seconds.
    func closedByServer(timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var watch = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&watch, 1, 100) > 0 else { continue }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { return true }
            if count < 0 { return errno == ECONNRESET }
        }
        return false
    }

    func close() {
        guard fd >= 0 else { return }
        _ = Foundation.close(fd)
        fd = -1
    }
}

struct ConnectionFailed: Error { var reason: String }
