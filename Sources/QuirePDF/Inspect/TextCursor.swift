/// Where text goes on the page, tracked only as far as word breaks need. PDF text carries
/// no spaces between lines, so a new line (a y change through Tm/Td/TD, or T*, ' and ")
/// reads as a space; TJ gaps wider than 200/1000 em do too (see `MarkedContentWalker`).
struct TextCursor {
    private var y = 0.0
    /// The text matrix's vertical scale, so Td offsets compare with Tm positions.
    private var scale = 1.0
    private var lastShownY: Double?
    private var newLine = false

    mutating func apply(_ op: String, _ numbers: [Double]) {
        switch op {
        case "BT":
            y = 0
            scale = 1
        case "Tm" where numbers.count >= 6:
            y = numbers[5]
            scale = numbers[3] == 0 ? 1 : numbers[3]
        case "Td" where numbers.count >= 2, "TD" where numbers.count >= 2:
            y += numbers[1] * scale
            if numbers[1] != 0 { newLine = true }
        case "T*", "'", "\"":
            newLine = true
        default: break
        }
    }

    /// Call before each text-showing operation: whether a space should precede its text.
    mutating func spaceBeforeShowing() -> Bool {
        defer {
            lastShownY = y
            newLine = false
        }
        guard let lastShownY else { return false }
        return newLine || abs(y - lastShownY) > 0.01
    }
}
