/// How many cells a GFM table row's source text has: the text split at each '|' that is not
/// escaped as '\|', after one leading and one trailing '|' (and the spaces around the row)
/// are set aside. `| a | | c |` has three cells, the middle one empty.
func tableCellCount(_ row: Substring.UTF8View) -> Int {
    let space: Set<UInt8> = [0x20, 0x09, 0x0D]
    var bytes = Array(row)
    while let last = bytes.last, space.contains(last) { bytes.removeLast() }
    var start = bytes.firstIndex { !space.contains($0) } ?? bytes.count
    let pipe = UInt8(ascii: "|"), backslash = UInt8(ascii: "\\")
    if start < bytes.count, bytes[start] == pipe { start += 1 }
    var end = bytes.count
    if end > start, bytes[end - 1] == pipe, !isEscaped(bytes, end - 1) { end -= 1 }
    var count = 1
    var index = start
    while index < end {
        if bytes[index] == backslash { index += 2; continue }
        if bytes[index] == pipe { count += 1 }
        index += 1
    }
    return count

    /// Whether the byte at `index` follows an odd number of backslashes.
    func isEscaped(_ bytes: [UInt8], _ index: Int) -> Bool {
        var slashes = 0
        var cursor = index - 1
        while cursor >= 0, bytes[cursor] == backslash { slashes += 1; cursor -= 1 }
        return slashes % 2 == 1
    }
}
