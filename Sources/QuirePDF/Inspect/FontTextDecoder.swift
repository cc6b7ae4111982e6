/// Turns the bytes of a text-showing operator into Unicode text for one font: split into
/// character codes (simple fonts 1 byte, Type0 per its CMap, Identity 2 bytes), then each
/// code through the font's /ToUnicode map.
struct FontTextDecoder {
    private enum Width {
        case one, two
        case codespace(CMap)
    }

    private var width: Width = .one
    private var toUnicode: CMap?
    /// Simple fonts without a mapping for a code fall back to WinAnsi, which is right for
    /// the standard-14 fonts and plain ASCII; composite fonts have no such fallback.
    private var latinFallback = true

    /// The decoder used before any `Tf`: bytes read as WinAnsi.
    init() {}

    init(font: PDFObject) {
        let font = font.dictionary
        if let stream = font["ToUnicode"], stream.isStream, let data = stream.streamData {
            toUnicode = CMap(data)
        }
        guard font["Subtype"]?.name == "Type0" else { return }
        latinFallback = false
        width = .two
        if let encoding = font["Encoding"], encoding.isStream, let data = encoding.streamData {
            let cmap = CMap(data)
            if !cmap.codespace.isEmpty { width = .codespace(cmap) }
        } else if let name = font["Encoding"]?.name, !name.hasPrefix("Identity"),
                  let toUnicode, !toUnicode.codespace.isEmpty {
            // A predefined CJK CMap (mixed widths): the ToUnicode code space is the best guess.
            width = .codespace(toUnicode)
        }
    }

    func decode(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            let length: Int
            switch width {
            case .one: length = 1
            case .two: length = min(2, bytes.count - i)
            case .codespace(let cmap): length = min(cmap.codeLength(at: i, in: bytes), bytes.count - i)
            }
            let code = CMap.code(bytes[i..<(i + length)])
            i += length
            if let text = toUnicode?.text(for: code) {
                out += text
            } else if latinFallback, let scalar = Self.winAnsi(UInt8(truncatingIfNeeded: code)) {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// WinAnsiEncoding: Latin-1 plus the typographic marks in 0x80–0x9F. Control codes give
    /// nothing, except tab and line ends, which read as spaces.
    static func winAnsi(_ byte: UInt8) -> Unicode.Scalar? {
        switch byte {
        case 0x09, 0x0A, 0x0D: return " "
        case 0x20...0x7E, 0xA0...0xFF: return Unicode.Scalar(byte)
        case 0x80...0x9F: return winAnsiMarks[byte].flatMap(Unicode.Scalar.init)
        default: return nil
        }
    }

    private static let winAnsiMarks: [UInt8: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x84: 0x201E, 0x85: 0x2026, 0x8B: 0x2039, 0x91: 0x2018, 0x92: 0x2019,
        0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x99: 0x2122, 0x9B: 0x203A,
    ]
}
