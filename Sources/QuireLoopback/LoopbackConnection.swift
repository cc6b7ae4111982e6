public import Foundation

/// One kept-alive HTTP/1.1 connection to 127.0.0.1, requests sent one after another on it, as
/// a browser or a service's client library does: what the benchmark measures the service with
/// (a connection per request would time the TCP handshake and the server's accept, too).
/// Reconnects when the server has closed it.
public final class LoopbackConnection {
    private let port: Int
    private let timeout: Double
    private var fd: Int32 = -1
    private var pending = Data()

    public init(port: Int, timeout: Double = 120) {
        self.port = port
        self.timeout = timeout
    }

    deinit { if fd >= 0 { close(fd) } }

    public func send(method: String = "GET", path: String, headers: [(String, String)] = [], body: Data = Data()) throws -> HTTPReply {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" || method == "PUT" { head += "Content-Length: \(body.count)\r\n" }
        let request = Data((head + "\r\n").utf8) + body
        // A connection the server closed while idle fails on first use: once more, on a new one.
        if fd >= 0, let reply = try? exchange(request) { return reply }
        try connect()
        return try exchange(request)
    }

    private func connect() throws {
        if fd >= 0 { close(fd) }
        pending = Data()
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HTTPExchangeError(description: "socket: \(String(cString: strerror(errno)))") }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw HTTPExchangeError(description: "connect to port \(port): \(String(cString: strerror(errno)))") }
    }

    /// Sends the request and reads exactly one answer: its head, then a body of its
    /// Content-Length or its chunks.
    private func exchange(_ request: Data) throws -> HTTPReply {
        try request.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let count = Foundation.send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                guard count > 0 else { throw HTTPExchangeError(description: "send: \(String(cString: strerror(errno)))") }
                sent += count
            }
        }
        let separator = Data("\r\n\r\n".utf8)
        while pending.firstRange(of: separator) == nil { try receive() }
        let headEnd = pending.firstRange(of: separator)!
        let head = String(decoding: pending[..<headEnd.lowerBound], as: UTF8.self).lowercased()
        let lengthLine = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
        var end: Int
        if let lengthLine, let length = Int(lengthLine.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) {
            end = headEnd.upperBound + length
            while pending.count < end { try receive() }
        } else if head.contains("transfer-encoding: chunked") {
            let terminator = Data("\r\n0\r\n\r\n".utf8)
            while pending[headEnd.upperBound...].firstRange(of: terminator) == nil, !pending[headEnd.upperBound...].starts(with: Data("0\r\n\r\n".utf8)) {
                try receive()
            }
            end = (pending[headEnd.upperBound...].firstRange(of: terminator)?.upperBound) ?? (headEnd.upperBound + 5)
        } else {
            throw HTTPExchangeError(description: "an answer with neither Content-Length nor chunks cannot share its connection")
        }
        let reply = try LoopbackHTTP.parseReply(Data(pending[..<end]))
        pending = Data(pending[end...])
        if head.contains("connection: close") {
            close(fd)
            fd = -1
        }
        return reply
    }

    private func receive() throws {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = recv(fd, &buffer, buffer.count, 0)
        guard count > 0 else { throw HTTPExchangeError(description: count == 0 ? "the server closed the connection" : "recv: \(String(cString: strerror(errno)))") }
        pending.append(buffer, count: count)
    }
}
