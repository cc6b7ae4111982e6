/// One token of a PDF content stream, as a byte range of the stream.
public struct ContentToken: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case number, name, string, hexString, arrayOpen, arrayClose, dictOpen, dictClose
        /// An operator (`BDC`, `Tj`, …) or keyword (`true`, `null`).
        case keyword
        /// An inline image's binary data, from after `ID` up to (not including) `EI`.
        case inlineImageData
    }
    public var kind: Kind
    public var range: Range<Int>

    public init(kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

/// Splits a content stream into tokens (PDF 32000-1, 7.2 and 8.9.7). Enough to find
/// operators and their operands: strings, arrays and dictionaries are kept as tokens, not
/// interpreted. Comments are skipped.
public struct ContentLexer: Sequence, IteratorProtocol {
    public let bytes: [UInt8]
    public private(set) var index = 0
    private var afterID = false

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// A lexer starting at `offset` (an object in a file, for the finisher's reader).
    public init(_ bytes: [UInt8], at offset: Int) {
        self.bytes = bytes
        index = offset
    }

    public static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x00 }
    public static func isDelimiter(_ b: UInt8) -> Bool {
        b == 0x28 || b == 0x29 || b == 0x3C || b == 0x3E || b == 0x5B || b == 0x5D || b == 0x7B || b == 0x7D || b == 0x2F || b == 0x25
    }

    public mutating func next() -> ContentToken? {
        if afterID {
            afterID = false
            return inlineImageData()
        }
        skipWhitespaceAndComments()
        guard index < bytes.count else { return nil }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "/"):
            index += 1
            while index < bytes.count, !Self.isWhitespace(bytes[index]), !Self.isDelimiter(bytes[index]) { index += 1 }
            return ContentToken(kind: .name, range: start..<index)
        case UInt8(ascii: "("):
            skipLiteralString()
            return ContentToken(kind: .string, range: start..<index)
        case UInt8(ascii: "<"):
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<") {
                index += 2
                return ContentToken(kind: .dictOpen, range: start..<index)
            }
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
            index = Swift.min(index + 1, bytes.count)
            return ContentToken(kind: .hexString, range: start..<index)
        case UInt8(ascii: ">"):
            index = Swift.min(index + (index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: ">") ? 2 : 1), bytes.count)
            return ContentToken(kind: .dictClose, range: start..<index)
        case UInt8(ascii: "["):
            index += 1
            return ContentToken(kind: .arrayOpen, range: start..<index)
        case UInt8(ascii: "]"):
            index += 1
            return ContentToken(kind: .arrayClose, range: start..<index)
        case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ")"):
            index += 1
            return ContentToken(kind: .keyword, range: start..<index)
        default:
            while index < bytes.count, !Self.isWhitespace(bytes[index]), !Self.isDelimiter(bytes[index]) { index += 1 }
            let first = bytes[start]
            let numeric = (first >= 0x30 && first <= 0x39) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
            if !numeric, index - start == 2, bytes[start] == UInt8(ascii: "I"), bytes[start + 1] == UInt8(ascii: "D") { afterID = true }
            return ContentToken(kind: numeric ? .number : .keyword, range: start..<index)
        }
    }

    /// The text of a token (names keep their slash).
    public func text(_ token: ContentToken) -> String { String(decoding: bytes[token.range], as: UTF8.self) }

    private mutating func skipWhitespaceAndComments() {
        while index < bytes.count {
            if Self.isWhitespace(bytes[index]) {
                index += 1
            } else if bytes[index] == UInt8(ascii: "%") {
                while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
            } else {
                return
            }
        }
    }

    /// A `( … )` string: balanced parentheses, backslash escapes.
    private mutating func skipLiteralString() {
        var depth = 0
        while index < bytes.count {
            let b = bytes[index]
            index += 1
            if b == UInt8(ascii: "\\") {
                index += 1
            } else if b == UInt8(ascii: "(") {
                depth += 1
            } else if b == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return }
            }
        }
        index = bytes.count
    }

    /// Inline image bytes: one whitespace after `ID`, then everything up to an `EI` that
    /// stands between whitespace (or the end).
    private mutating func inlineImageData() -> ContentToken {
        if index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
        let start = index
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "E"), bytes[index + 1] == UInt8(ascii: "I"),
               index > start, Self.isWhitespace(bytes[index - 1]),
               index + 2 >= bytes.count || Self.isWhitespace(bytes[index + 2]) || Self.isDelimiter(bytes[index + 2]) {
                return ContentToken(kind: .inlineImageData, range: start..<index)
            }
            index += 1
        }
        index = bytes.count
        return ContentToken(kind: .inlineImageData, range: start..<index)
    }
}

/// Operators with their operands, from a token stream: the unit content edits work on.
public struct ContentOperation: Sendable {
    public var operands: [ContentToken]
    public var op: ContentToken
    /// From the first operand (or the operator) to the operator's end.
    public var range: Range<Int> { (operands.first?.range.lowerBound ?? op.range.lowerBound)..<op.range.upperBound }
}

extension ContentLexer {
    /// Every operation in order. Array and dictionary operands are flattened into their
    /// tokens (with the brackets), which is what the callers here need.
    public static func operations(_ bytes: [UInt8]) -> (lexer: ContentLexer, operations: [ContentOperation]) {
        var operations: [ContentOperation] = []
        let lexer = forEachOperation(bytes) { operands, op in operations.append(ContentOperation(operands: Array(operands), op: op)) }
        return (lexer, operations)
    }

    /// Calls `body` with each operation in order, its operands in a buffer reused from one
    /// operation to the next (copy what must outlive the call): a pass that keeps nothing
    /// allocates nothing per operation. Returns the lexer, for the tokens' text.
    @discardableResult
    public static func forEachOperation(_ bytes: [UInt8], _ body: (_ operands: ArraySlice<ContentToken>, _ op: ContentToken) -> Void) -> ContentLexer {
        var lexer = ContentLexer(bytes)
        var operands: [ContentToken] = []
        var nesting = 0
        while let token = lexer.next() {
            switch token.kind {
            case .arrayOpen, .dictOpen: nesting += 1; operands.append(token)
            case .arrayClose, .dictClose: nesting -= 1; operands.append(token)
            case .keyword where nesting <= 0:
                if Self.token(token, in: bytes, is: "true") || Self.token(token, in: bytes, is: "false") || Self.token(token, in: bytes, is: "null") {
                    operands.append(token)
                } else {
                    body(operands[...], token)
                    operands.removeAll(keepingCapacity: true)
                    nesting = 0
                }
            default: operands.append(token)
            }
        }
        return lexer
    }

    /// Whether the token's bytes in `bytes` are `text`'s (ASCII), without making a string of them.
    public static func token(_ token: ContentToken, in bytes: [UInt8], is text: StaticString) -> Bool {
        guard token.range.count == text.utf8CodeUnitCount, token.range.upperBound <= bytes.count else { return false }
        return text.withUTF8Buffer { expected in
            bytes.withUnsafeBufferPointer { all in
                var index = token.range.lowerBound
                for byte in expected {
                    if all[index] != byte { return false }
                    index += 1
                }
                return true
            }
        }
    }
}
