public import Foundation

/// An HTTP answer as read off the socket.
public struct HTTPReply: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int, headers: [(name: String, value: String)], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header of that name (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

public struct HTTPExchangeError: Error, CustomStringConvertible {
    public var description: String
}

/// A deliberately small HTTP/1.1 client over a blocking POSIX socket, one connection per
/// request (`Connection: close`): what the benchmark and the load and fault tests drive the
/// service with. Being this close to the wire lets the tests send bytes no polite client
/// would (bad framing, bodies past the limit) and see exactly what comes back.
public enum LoopbackHTTP {
    /// Sends a request to 127.0.0.1:`port` and reads the whole answer.
    public static func send(port: Int, method: String = "GET", path: String, headers: [(String, String)] = [], body: Data = Data(),
                            timeout: Double = 120) throws -> HTTPReply {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" || method == "PUT" { head += "Content-Length: \(body.count)\r\n" }
        return try sendRaw(port: port, bytes: Data((head + "\r\n").utf8) + body, timeout: timeout, halfClose: false)
    }

    /// Sends bytes as they are and reads the answer. If the server answers and closes before
    /// taking everything (a body over the limit), the answer is still read. `halfClose` then
    /// shuts the sending side, so a server waiting for more of a malformed request sees its
    /// end; a complete request keeps it open, as browsers do (the service takes a client that
    /// shuts it while waiting for a render as gone).
    public static func sendRaw(port: Int, bytes: Data, timeout: Double = 120, halfClose: Bool = true) throws -> HTTPReply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HTTPExchangeError(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw HTTPExchangeError(description: "connect to port \(port): \(String(cString: strerror(errno)))") }
        // Send while watching for an early answer (a server refusing a body over its limit
        // answers before reading it): once one is waiting, stop sending and read it.
        bytes.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                var watch = pollfd(fd: fd, events: Int16(POLLIN | POLLOUT), revents: 0)
                guard poll(&watch, 1, Int32(timeout * 1000)) > 0, watch.revents & Int16(POLLIN) == 0 else { break }
                let count = Foundation.send(fd, raw.baseAddress! + sent, min(65_536, raw.count - sent), Int32(MSG_NOSIGNAL))
                if count <= 0 { break }  // the server closed early; its answer may still be waiting
                sent += count
            }
        }
        if halfClose { shutdown(fd, Int32(SHUT_WR)) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 {
                received.append(buffer, count: count)
            } else if count == 0 || errno != EINTR {
                if count < 0, received.isEmpty { throw HTTPExchangeError(description: "no answer: \(String(cString: strerror(errno)))") }
                break
            }
        }
        return try parseReply(received)
    }

    static func parseReply(_ data: Data) throws -> HTTPReply {
        guard let end = data.firstRange(of: Data("\r\n\r\n".utf8)) else {
            throw HTTPExchangeError(description: "the answer has no complete head (\(data.count) bytes)")
        }
        let lines = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusWords = lines[0].split(separator: " ")
        guard statusWords.count >= 2, let status = Int(statusWords[1]) else {
            throw HTTPExchangeError(description: "bad status line '\(lines[0])'")
        }
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var reply = HTTPReply(status: status, headers: headers, body: Data(data[end.upperBound...]))
        if reply.header("Transfer-Encoding")?.lowercased() == "chunked" { reply.body = try dechunked(reply.body) }
        return reply
    }

    private static func dechunked(_ data: Data) throws -> Data {
        var out = Data()
        var cursor = data.startIndex
        while let lineEnd = data[cursor...].firstRange(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: data[cursor..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw HTTPExchangeError(description: "bad chunk size")
            }
            if size == 0 { return out }
            let start = lineEnd.upperBound
            guard data.distance(from: start, to: data.endIndex) >= size + 2 else { throw HTTPExchangeError(description: "truncated chunk") }
            out.append(data[start..<data.index(start, offsetBy: size)])
            cursor = data.index(start, offsetBy: size + 2)
        }
        throw HTTPExchangeError(description: "the chunked body does not end")
    }
}

/// A `multipart/form-data` body, built the way curl -F builds one.
public struct MultipartForm: Sendable {
    public let boundary = "quire-\(UUID().uuidString)"
    public private(set) var body = Data()

    public init() {}

    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// A part: a file when `filename` is given, else a plain field.
    public mutating func add(_ name: String, filename: String? = nil, _ content: Data) {
        var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\""
        if let filename { head += "; filename=\"\(filename)\"" }
        head += "\r\n"
        if filename != nil { head += "Content-Type: application/octet-stream\r\n" }
        body.append(Data((head + "\r\n").utf8))
        body.append(content)
        body.append(Data("\r\n".utf8))
    }

    /// The body with its closing boundary.
    public var finished: Data { body + Data("--\(boundary)--\r\n".utf8) }
}
