/// Watches a multipart body as it streams past, for a part header whose *name* holds a byte
/// outside ASCII. multipart-kit 4.7 looks each header-name byte up in a 128-entry table and
/// traps on any byte ≥ 0x80, so one such byte from a client would stop the whole service;
/// this guard sees it first and the request is refused (400) instead.
///
/// It follows the body's framing only as far as it needs to: a delimiter (`--boundary` at the
/// start, `\r\n--boundary` after), the rest of the boundary line, then header lines up to the
/// blank line; in each header line, the bytes before the first colon are its name.
struct HeaderNameGuard {
    private enum State {
        case body
        case boundaryLine
        case headerName
        case headerValue
        case headerEnd
    }

    private let delimiter: [UInt8]
    private let failure: [Int]
    private var matched: Int
    private var state = State.body

    init(boundary: String) {
        delimiter = Array("\r\n--\(boundary)".utf8)
        // Knuth–Morris–Pratt: where to go on in the delimiter after a mismatch.
        var failure = [0]
        var k = 0
        for index in 1..<max(1, delimiter.count) {
            while k > 0 && delimiter[index] != delimiter[k] { k = failure[k - 1] }
            if delimiter[index] == delimiter[k] { k += 1 }
            failure.append(k)
        }
        self.failure = failure
        // The body may open with the delimiter without the line break before it.
        matched = 2
    }

    /// Looks at the next bytes; false as soon as a header name holds a byte past ASCII.
    mutating func accepts(_ bytes: some Sequence<UInt8>) -> Bool {
        for byte in bytes {
            switch state {
            case .body:
                while matched > 0 && byte != delimiter[matched] { matched = failure[matched - 1] }
                if byte == delimiter[matched] { matched += 1 }
                if matched == delimiter.count {
                    matched = 0
                    state = .boundaryLine
                }
            case .boundaryLine:
                // "\r\n" after the boundary opens the headers ("--" ends the body: the
                // epilogue is body text again).
                if byte == UInt8(ascii: "\n") { state = .headerName }
                if byte == UInt8(ascii: "-") { state = .body }
            case .headerName:
                if byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") {
                    // A blank line ends the headers.
                    state = byte == UInt8(ascii: "\n") ? .body : .headerEnd
                } else if byte == UInt8(ascii: ":") {
                    state = .headerValue
                } else if byte >= 0x80 {
                    return false
                }
            case .headerEnd:
                state = .body
            case .headerValue:
                if byte == UInt8(ascii: "\n") { state = .headerName }
            }
        }
        return true
    }
}
