/// Turns the bytes of a text-showing operator into Unicode text for one font: split into
/// character codes (simple fonts 1 byte, Type0 per its CMap, Identity 2 bytes), then each
/// code through the font's /ToUnicode map. Also sums the codes' advances, where known.
struct FontTextDecoder {
    private enum CodeLength {
        case one, two
        case codespace(CMap)
    }

    private var codeLength: CodeLength = .one
    private var toUnicode: CMap?
    /// Simple fonts without a mapping for a code fall back to WinAnsi, which is right for
    /// the standard-14 fonts and plain ASCII; composite fonts have no such fallback.
    private var latinFallback = true
    private var widths: GlyphWidths?

    /// The decoder used before any `Tf`: bytes read as WinAnsi.
    init() {}

    init(font: PDFObject) {
        let font = font.dictionary
        if let stream = font["ToUnicode"], stream.isStream, let data = stream.streamData {
            toUnicode = CMap(data)
        }
        let subtype = font["Subtype"]?.name
        guard subtype == "Type0" else {
            widths = GlyphWidths.simple(font, type3: subtype == "Type3")
            return
        }
        latinFallback = false
        codeLength = .two
        if font["Encoding"]?.name?.hasPrefix("Identity") == true {
            // Codes are CIDs only under Identity; otherwise widths would need the CMap's CIDs.
            widths = font["DescendantFonts"]?.asList.first.map { GlyphWidths.cid($0.dictionary) }
        } else if let encoding = font["Encoding"], encoding.isStream, let data = encoding.streamData {
            let cmap = CMap(data)
            if !cmap.codespace.isEmpty { codeLength = .codespace(cmap) }
        } else if font["Encoding"]?.name != nil, let toUnicode, !toUnicode.codespace.isEmpty {
            // A predefined CJK CMap (mixed widths): the ToUnicode code space is the best guess.
            codeLength = .codespace(toUnicode)
        }
    }

    /// The text, and the advance in thousandths of text space (nil when the font has no widths).
    func decode(_ bytes: [UInt8]) -> (text: String, width: Double?) {
        var out = ""
        var advance = 0.0
        var i = 0
        while i < bytes.count {
            let length: Int
            switch codeLength {
            case .one: length = 1
            case .two: length = min(2, bytes.count - i)
            case .codespace(let cmap): length = min(cmap.codeLength(at: i, in: bytes), bytes.count - i)
            }
            let code = CMap.code(bytes, from: i, length: length)
            i += length
            advance += widths?.width(code) ?? 0
            if let text = toUnicode?.text(for: code) {
                out += text
            } else if latinFallback, let scalar = Self.winAnsi(UInt8(truncatingIfNeeded: code)) {
                out.unicodeScalars.append(scalar)
            }
        }
        return (out, widths == nil ? nil : advance)
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
