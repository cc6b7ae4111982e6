import QuirePDFSyntax
/// Values of the content-stream tokens `ContentLexer` leaves raw: strings, names, numbers.
enum TokenValues {
    /// The bytes of a literal `( … )` or hex `< … >` string token (empty for anything else).
    static func stringBytes(_ token: ContentToken, in bytes: [UInt8]) -> [UInt8] {
        switch token.kind {
        case .hexString: hexBytes(bytes[token.range])
        case .string: literalBytes(bytes[token.range])
        default: []
        }
    }

    /// Hex digits to bytes; anything else (the brackets, whitespace) is skipped and an odd
    /// final digit counts as if followed by 0, as the standard says.
    static func hexBytes(_ raw: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count / 2)
        var high: UInt8?
        for index in raw.indices {  // indices, not the slice's iterator: the hot loop of text reading
            guard let value = hexValue(raw[index]) else { continue }
            if let h = high {
                out.append(h << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        if let high { out.append(high << 4) }
        return out
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// A literal string's bytes with escapes resolved (PDF 32000-1, 7.3.4.2).
    static func literalBytes(_ raw: ArraySlice<UInt8>) -> [UInt8] {
        var body = Array(raw)
        if body.first == UInt8(ascii: "(") { body.removeFirst() }
        if body.last == UInt8(ascii: ")") { body.removeLast() }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = 0
        while i < body.count {
            let byte = body[i]
            i += 1
            if byte == 0x0D {  // a bare end of line reads as \n
                out.append(0x0A)
                if i < body.count, body[i] == 0x0A { i += 1 }
                continue
            }
            guard byte == UInt8(ascii: "\\"), i < body.count else {
                out.append(byte)
                continue
            }
            let escaped = body[i]
            i += 1
            switch escaped {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case 0x30...0x37:
                var value = Int(escaped - 0x30)
                var digits = 1
                while digits < 3, i < body.count, (0x30...0x37).contains(body[i]) {
                    value = value * 8 + Int(body[i] - 0x30)
                    digits += 1
                    i += 1
                }
                out.append(UInt8(truncatingIfNeeded: value))  // overflow beyond a byte is ignored
            case 0x0D:  // backslash + end of line: the string continues on the next line
                if i < body.count, body[i] == 0x0A { i += 1 }
            case 0x0A: break
            default: out.append(escaped)  // \( \) \\ and unknown escapes keep the character
            }
        }
        return out
    }

    /// A name token without its slash, `#xx` escapes decoded.
    static func name(_ token: ContentToken, in bytes: [UInt8]) -> String? {
        guard token.kind == .name else { return nil }
        var out: [UInt8] = []
        var i = token.range.lowerBound + 1
        while i < token.range.upperBound {
            if bytes[i] == UInt8(ascii: "#"), i + 2 < token.range.upperBound,
               let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func number(_ token: ContentToken, in bytes: [UInt8]) -> Double? {
        guard token.kind == .number else { return nil }
        return Double(String(decoding: bytes[token.range], as: UTF8.self))
    }

    /// A PDF text string (UTF-16BE with a byte-order mark, UTF-8 with one, or
    /// PDFDocEncoding, read here as Latin-1, which it matches for letters and digits).
    static func textString(_ bytes: [UInt8]) -> String {
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return utf16BE(bytes.dropFirst(2)) }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(decoding: bytes.dropFirst(3), as: UTF8.self)
        }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    /// Big-endian UTF-16; a dangling last byte is dropped, bad surrogates become U+FFFD.
    static func utf16BE(_ bytes: ArraySlice<UInt8>) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            units.append(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
