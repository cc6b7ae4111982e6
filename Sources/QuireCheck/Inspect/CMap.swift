import QuirePDFSyntax
/// A CMap as producers write them for /ToUnicode (and a Type0 font's embedded /Encoding):
/// the code space, which says how many bytes make one character code, and what text each
/// code stands for. Only `begincodespacerange`, `beginbfchar` and `beginbfrange` (both the
/// start-value and the array form) are read; the PostScript around them is skipped.
struct CMap {
    struct CodespaceRange: Equatable {
        var low: [UInt8]
        var high: [UInt8]
    }

    private(set) var codespace: [CodespaceRange] = []
    private(set) var unicode: [UInt32: String] = [:]

    /// A hostile map could ask for `<00000000> <FFFFFFFF>`; ranges are cut to this many codes.
    static let maxRangeLength: UInt32 = 0x10000
    static let maxEntries = 0x40000

    init(_ bytes: [UInt8]) {
        var lexer = ContentLexer(bytes)
        var operands: [ContentToken] = []
        while let token = lexer.next() {
            guard token.kind == .keyword else {
                operands.append(token)
                continue
            }
            switch lexer.text(token) {
            case "endcodespacerange": readCodespace(operands, bytes)
            case "endbfchar": readBFChar(operands, bytes)
            case "endbfrange": readBFRange(operands, bytes)
            default: break
            }
            operands.removeAll(keepingCapacity: true)
        }
    }

    func text(for code: UInt32) -> String? { unicode[code] }

    /// The byte length of the code starting at `index`: the shortest code-space range that
    /// matches, else the shortest range's length (so a stray byte cannot stall decoding).
    func codeLength(at index: Int, in bytes: [UInt8]) -> Int {
        for length in 1...4 where index + length <= bytes.count {
            for range in codespace where range.low.count == length {
                if (0..<length).allSatisfy({ range.low[$0] <= bytes[index + $0] && bytes[index + $0] <= range.high[$0] }) {
                    return length
                }
            }
        }
        return max(1, codespace.map(\.low.count).min() ?? 1)
    }

    /// Big-endian bytes as one code (the last four, should there be more).
    static func code(_ bytes: [UInt8], from start: Int = 0, length: Int? = nil) -> UInt32 {
        let end = min(bytes.count, start + (length ?? bytes.count))
        var code: UInt32 = 0
        for index in max(start, end - 4)..<end { code = code << 8 | UInt32(bytes[index]) }
        return code
    }

    // MARK: - Sections

    private mutating func readCodespace(_ tokens: [ContentToken], _ bytes: [UInt8]) {
        let hex = tokens.filter { $0.kind == .hexString }.map { TokenValues.stringBytes($0, in: bytes) }
        for pair in stride(from: 0, to: hex.count - 1, by: 2) {
            let low = hex[pair], high = hex[pair + 1]
            guard !low.isEmpty, low.count == high.count, low.count <= 4 else { continue }
            codespace.append(CodespaceRange(low: low, high: high))
        }
    }

    private mutating func readBFChar(_ tokens: [ContentToken], _ bytes: [UInt8]) {
        for pair in stride(from: 0, to: tokens.count - 1, by: 2) {
            let source = tokens[pair], target = tokens[pair + 1]
            guard source.kind == .hexString, target.kind == .hexString else { continue }  // glyph-name targets: skipped
            set(Self.code(TokenValues.stringBytes(source, in: bytes)), Self.text(TokenValues.stringBytes(target, in: bytes)))
        }
    }

    private mutating func readBFRange(_ tokens: [ContentToken], _ bytes: [UInt8]) {
        var i = 0
        while i + 2 < tokens.count {
            guard tokens[i].kind == .hexString, tokens[i + 1].kind == .hexString else {
                i += 1
                continue
            }
            let low = Self.code(TokenValues.stringBytes(tokens[i], in: bytes))
            let high = Self.code(TokenValues.stringBytes(tokens[i + 1], in: bytes))
            let count = high >= low ? min(high - low, Self.maxRangeLength - 1) + 1 : 0
            i += 2
            if tokens[i].kind == .arrayOpen {
                // [<dst> <dst> …]: one target per code, in order.
                var offset: UInt32 = 0
                i += 1
                while i < tokens.count, tokens[i].kind != .arrayClose {
                    if tokens[i].kind == .hexString, offset < count {
                        set(low + offset, Self.text(TokenValues.stringBytes(tokens[i], in: bytes)))
                    }
                    offset += 1
                    i += 1
                }
                i += 1
            } else if tokens[i].kind == .hexString {
                // <dst>: the first target; each later code adds one to its last UTF-16 unit.
                var units = Self.units(TokenValues.stringBytes(tokens[i], in: bytes))
                if let last = units.last {
                    for offset in 0..<count {
                        units[units.count - 1] = last &+ UInt16(truncatingIfNeeded: offset)
                        set(low + offset, String(decoding: units, as: UTF16.self))
                    }
                }
                i += 1
            } else {
                i += 1  // a name target: no text
            }
        }
    }

    private mutating func set(_ code: UInt32, _ text: String) {
        guard unicode.count < Self.maxEntries || unicode[code] != nil else { return }
        // Some maps send unknown glyphs to U+0000 and the like: control codes are dropped,
        // tabs and line ends read as spaces.
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            unicode[code] = text
            return
        }
        var clean = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x20 { clean.append(scalar) } else if [0x09, 0x0A, 0x0D].contains(scalar.value) { clean.append(" ") }
        }
        unicode[code] = String(clean)
    }

    /// Target strings are UTF-16BE; a one-byte target (seen in the wild) is taken as Latin-1.
    private static func units(_ bytes: [UInt8]) -> [UInt16] {
        if bytes.count == 1 { return [UInt16(bytes[0])] }
        return stride(from: 0, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
    }

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: units(bytes), as: UTF16.self) }
}
