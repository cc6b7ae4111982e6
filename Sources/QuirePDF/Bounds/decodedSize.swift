import Foundation

/// The filters a stream's dictionary names, in the order they are undone, full names
/// (PDF 32000-1, 7.4; the abbreviations of inline images too).
func filterNames(in dictionary: String) -> [String] {
    guard let key = dictionary.range(of: "/Filter") else { return [] }
    var rest = dictionary[key.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
    var names: [String] = []
    let inArray = rest.first == "["
    if inArray { rest = rest.dropFirst() }
    while true {
        rest = rest.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        guard rest.first == "/" else { break }
        let name = rest.dropFirst().prefix { !" \n\r\t/[]<>()%".contains($0) }
        names.append(fullFilterName(String(name)))
        rest = rest.dropFirst(name.count + 1)
        if !inArray { break }
    }
    return names
}

private func fullFilterName(_ name: String) -> String {
    switch name {
    case "Fl": "FlateDecode"
    case "AHx": "ASCIIHexDecode"
    case "A85": "ASCII85Decode"
    case "LZW": "LZWDecode"
    case "RL": "RunLengthDecode"
    case "DCT": "DCTDecode"
    case "CCF": "CCITTFaxDecode"
    default: name
    }
}

/// What `body` decodes to through `filters`, stage by stage, each stage's output held only up
/// to `limit`: the size (past `limit` means too large), and the output when `keep`. Image
/// codecs end the measuring (their output is bounded by the image's declared pixels); a
/// stage that meets damaged data counts what it gave, as a reader would use. nil when
/// `proceed` said stop.
func decodedSize(_ body: UnsafeBufferPointer<UInt8>, filters: [String], limit: Int, keep: Bool, proceed: () -> Bool) -> (size: Int, kept: [UInt8]?)? {
    var current: [UInt8]? = nil  // nil: still the body itself
    var size = body.count
    for (index, filter) in filters.enumerated() {
        let last = index == filters.count - 1
        let needed = keep || !last
        func input<T>(_ use: (UnsafeBufferPointer<UInt8>) -> T) -> T {
            if let current { return current.withUnsafeBufferPointer(use) }
            return use(body)
        }
        let output: (size: Int, kept: [UInt8]?)?
        switch filter {
        case "FlateDecode": output = input { inflatedSize($0, limit: limit, keep: needed, proceed: proceed) }
        case "ASCIIHexDecode": output = input { boundedDecode($0, limit: limit, keep: needed, asciiHex) }
        case "ASCII85Decode": output = input { boundedDecode($0, limit: limit, keep: needed, ascii85) }
        case "RunLengthDecode": output = input { boundedDecode($0, limit: limit, keep: needed, runLength) }
        case "LZWDecode": output = input { boundedDecode($0, limit: limit, keep: needed, lzw) }
        default: return (size, keep ? current ?? Array(body) : nil)  // an image codec, or one no reader applies
        }
        guard let output else { return nil }
        size = output.size
        if size > limit { return (size, nil) }
        current = output.kept
        if !proceed() { return nil }
    }
    return (size, keep ? current ?? Array(body) : nil)
}

/// Runs a decoder that appends to its output, stopping once the output passes `limit`.
private func boundedDecode(_ input: UnsafeBufferPointer<UInt8>, limit: Int, keep: Bool,
                           _ decode: (UnsafeBufferPointer<UInt8>, Int, inout [UInt8]) -> Void) -> (size: Int, kept: [UInt8]?)? {
    var out: [UInt8] = []
    decode(input, limit, &out)
    return (out.count, keep && out.count <= limit ? out : nil)
}

private func asciiHex(_ input: UnsafeBufferPointer<UInt8>, _ limit: Int, _ out: inout [UInt8]) {
    var high: UInt8?
    for byte in input {
        if byte == UInt8(ascii: ">") { break }
        let digit: UInt8
        switch byte {
        case 0x30...0x39: digit = byte - 0x30
        case 0x41...0x46: digit = byte - 0x37
        case 0x61...0x66: digit = byte - 0x57
        default: continue
        }
        if let h = high { out.append(h << 4 | digit); high = nil } else { high = digit }
        if out.count > limit { return }
    }
    if let h = high { out.append(h << 4) }
}

private func ascii85(_ input: UnsafeBufferPointer<UInt8>, _ limit: Int, _ out: inout [UInt8]) {
    var group: [UInt32] = []
    func flush(_ count: Int) {
        var value: UInt32 = 0
        for digit in group + Array(repeating: 84, count: 5 - group.count) { value = value &* 85 &+ digit }
        let bytes = [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
        out += bytes.prefix(count)
    }
    var index = 0
    while index < input.count, out.count <= limit {
        let byte = input[index]
        index += 1
        if byte == UInt8(ascii: "~") { break }
        if byte == UInt8(ascii: "z"), group.isEmpty { out += [0, 0, 0, 0]; continue }
        guard byte >= 0x21, byte <= 0x75 else { continue }
        group.append(UInt32(byte - 0x21))
        if group.count == 5 { flush(4); group.removeAll(keepingCapacity: true) }
    }
    if group.count > 1 { flush(group.count - 1) }
}

private func runLength(_ input: UnsafeBufferPointer<UInt8>, _ limit: Int, _ out: inout [UInt8]) {
    var index = 0
    while index < input.count, out.count <= limit {
        let length = Int(input[index])
        index += 1
        if length == 128 { break }
        if length < 128 {
            let end = min(input.count, index + length + 1)
            out += input[index..<end]
            index = end
        } else if index < input.count {
            out += repeatElement(input[index], count: 257 - length)
            index += 1
        }
    }
}

/// LZW as PDF writes it (8-bit codes from 258, code widths 9 to 12 bits, early change).
private func lzw(_ input: UnsafeBufferPointer<UInt8>, _ limit: Int, _ out: inout [UInt8]) {
    var table: [[UInt8]] = (0..<256).map { [UInt8($0)] } + [[], []]
    var width = 9, buffer = 0, bits = 0
    var previous: [UInt8]?
    for byte in input {
        buffer = buffer << 8 | Int(byte)
        bits += 8
        while bits >= width {
            let code = (buffer >> (bits - width)) & ((1 << width) - 1)
            bits -= width
            if code == 256 {
                table.removeSubrange(258...)
                width = 9
                previous = nil
                continue
            }
            if code == 257 { return }
            var entry: [UInt8]
            if code < table.count {
                entry = table[code]
            } else if let previous, code == table.count {
                entry = previous + [previous[0]]
            } else {
                return  // damaged: what came before is what a reader gets
            }
            out += entry
            if out.count > limit { return }
            if let previous, table.count < 4096 { table.append(previous + [entry[0]]) }
            previous = entry
            if table.count + 1 >= 1 << width, width < 12 { width += 1 }
        }
    }
}
