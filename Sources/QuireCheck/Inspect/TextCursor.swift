import QuirePDFSyntax
/// Where text goes on the page, tracked only as far as word breaks need. PDF text rarely
/// spells the space between separately placed runs, so a new line (T*, ' and ", or a move
/// of more than half an em up or down), a gap wider than 0.15 em on the line, or a jump back
/// reads as a space. Positions are in the text matrix's frame: Tm's scale is applied, the
/// CTM, rotation, Tc, Tw and Tz are not (close enough to tell a gap from a glyph).
struct TextCursor {
    private var lineX = 0.0, x = 0.0, y = 0.0
    /// The text matrix's scale, so Td offsets and glyph advances compare with Tm positions.
    private var scaleX = 1.0, scaleY = 1.0
    private var fontSize = 1.0
    /// Where the last text shown ended; x is nil when its font had no widths.
    private var lastEnd: (x: Double?, y: Double)?
    private var newLine = false
    /// False after glyphs of unknown width, until the next positioning operator.
    private var xKnown = true

    mutating func apply(_ op: String, _ numbers: [Double]) {
        switch op {
        case "BT":
            (lineX, x, y, scaleX, scaleY, xKnown) = (0, 0, 0, 1, 1, true)
        case "Tm" where numbers.count >= 6:
            scaleX = numbers[0] == 0 ? 1 : numbers[0]
            scaleY = numbers[3] == 0 ? 1 : numbers[3]
            (lineX, x, y, xKnown) = (numbers[4], numbers[4], numbers[5], true)
        case "Td" where numbers.count >= 2, "TD" where numbers.count >= 2:
            lineX += numbers[0] * scaleX
            y += numbers[1] * scaleY
            (x, xKnown) = (lineX, true)
        case "T*", "'", "\"":
            (x, xKnown, newLine) = (lineX, true, true)
        case "Tf" where !numbers.isEmpty:
            fontSize = numbers[numbers.count - 1] == 0 ? 1 : numbers[numbers.count - 1]
        default: break
        }
    }

    private var em: Double { abs(fontSize * scaleX) }

    /// Call before each text-showing operation: whether a space should precede its text.
    mutating func spaceBeforeShowing() -> Bool {
        defer { newLine = false }
        guard let lastEnd else { return false }
        if newLine || abs(y - lastEnd.y) > 0.5 * abs(fontSize * scaleY) { return true }
        guard let lastX = lastEnd.x else { return false }
        return x - lastX > 0.15 * em || lastX - x > 0.5 * em
    }

    /// After a run of glyphs: move by its advance (thousandths of an em), if known.
    mutating func advance(by width: Double?) {
        if let width, xKnown { x += width / 1000 * fontSize * scaleX } else { xKnown = false }
        lastEnd = (xKnown ? x : nil, y)
    }

    /// A TJ adjustment: positive numbers move back.
    mutating func adjust(by thousandths: Double) {
        x -= thousandths / 1000 * fontSize * scaleX
    }
}

extension TextCursor {
    /// The text of Tj, ', " (last operand) or TJ (strings, with gaps wider than 200/1000 em
    /// as spaces), moving the cursor past it.
    mutating func show(_ operation: ContentOperation, _ isTJ: Bool, _ bytes: [UInt8], _ font: FontTextDecoder) -> String {
        var text = ""
        for token in isTJ ? operation.operands : Array(operation.operands.suffix(1)) {
            if token.kind == .string || token.kind == .hexString {
                let run = font.decode(TokenValues.stringBytes(token, in: bytes))
                text += run.text
                advance(by: run.width)
            } else if isTJ, let gap = TokenValues.number(token, in: bytes) {
                if gap < -200 { text += " " }
                adjust(by: gap)
            }
        }
        return text
    }
}
