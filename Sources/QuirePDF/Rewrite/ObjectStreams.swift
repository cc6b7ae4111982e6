import Dispatch
import QuireSystem

/// The objects that are not streams, gathered into compressed object streams and indexed by a
/// cross-reference stream (PDF 1.5, §7.5.7–8). A pack's structure tree is tens of thousands of
/// small dictionaries, two thirds of the file written plainly: packed, the 250-paper pack is
/// 3.5 MB instead of 8.0. Streams (page content, fonts, the XMP metadata) stay top-level, as
/// the format requires; so does anything whose bytes are not a plain "N 0 obj … endobj".
struct ObjectStreams {
    static let objectsPerStream = 200
    /// Full object streams compressed side by side before they are written.
    static let batch = 8

    private var group = Group()
    private var pending: [Group] = []
    /// The number the next object stream takes: past every object of the file.
    private(set) var nextNumber: Int
    var entries: CrossReferences

    init(size: Int) {
        nextNumber = size
        entries = CrossReferences(count: size)
    }

    /// `body` (an object's value, without "N 0 obj" and "endobj") goes into the current stream.
    mutating func add(_ number: Int, _ body: UnsafeBufferPointer<UInt8>, writingTo output: inout HashingOutput) {
        group.add(number, body)
        if group.numbers.count == Self.objectsPerStream {
            pending.append(group)
            group = Group()
            if pending.count == Self.batch { flush(into: &output) }
        }
    }

    /// Writes every stream still held, the last one part full.
    mutating func finish(into output: inout HashingOutput) {
        if !group.numbers.isEmpty {
            pending.append(group)
            group = Group()
        }
        flush(into: &output)
    }

    private mutating func flush(into output: inout HashingOutput) {
        guard !pending.isEmpty else { return }
        let groups = pending
        pending.removeAll(keepingCapacity: true)
        let packed = ConcurrentSlots<[UInt8]>(count: groups.count)
        DispatchQueue.concurrentPerform(iterations: groups.count) { index in
            packed[index] = deflated(groups[index].header + groups[index].bodies)
        }
        for (position, group) in groups.enumerated() {
            let compressed = packed[position]
            let number = nextNumber
            nextNumber += 1
            entries.append()
            entries.setOffset(number, output.count)
            for (index, member) in group.numbers.enumerated() { entries.setPacked(member, in: number, at: index) }
            let data = compressed ?? (group.header + group.bodies)
            let filter = compressed == nil ? "" : " /Filter /FlateDecode"
            output.write(Array("\(number) 0 obj\n<< /Type /ObjStm /N \(group.numbers.count) /First \(group.header.count)\(filter) /Length \(data.count) >>\nstream\n".utf8))
            output.write(data)
            output.write(Array("\nendstream\nendobj\n".utf8))
        }
    }

    /// The cross-reference stream, the file's last object, with the trailer's entries in its
    /// dictionary; returns its offset for `startxref`.
    mutating func writeCrossReferences(into output: inout HashingOutput, trailer: String) -> Int {
        let number = nextNumber
        nextNumber += 1
        entries.append()
        let offset = output.count
        entries.setOffset(number, offset)
        let (rows, widths) = entries.rows()
        let compressed = deflated(rows)
        let data = compressed ?? rows
        let filter = compressed == nil ? "" : " /Filter /FlateDecode"
        output.write(Array("\(number) 0 obj\n<< /Type /XRef /Size \(nextNumber) /W [\(widths.map(String.init).joined(separator: " "))] \(trailer)\(filter) /Length \(data.count) >>\nstream\n".utf8))
        output.write(data)
        output.write(Array("\nendstream\nendobj\n".utf8))
        return offset
    }

    /// One object stream being filled: "number offset" pairs, then the bodies they point into.
    private struct Group {
        var numbers: [Int] = []
        var header: [UInt8] = []
        var bodies: [UInt8] = []

        mutating func add(_ number: Int, _ body: UnsafeBufferPointer<UInt8>) {
            numbers.append(number)
            header += Array("\(number) \(bodies.count) ".utf8)
            bodies.append(contentsOf: body)
            bodies.append(UInt8(ascii: "\n"))
        }
    }
}

/// The file's cross-reference entries, 8 bytes each: the type in the top two bits, then the
/// offset (type 1) or the object stream's number and the index in it (type 2); 0 is free.
struct CrossReferences {
    private var packed: [UInt64]

    init(count: Int) { packed = Array(repeating: 0, count: count) }

    mutating func append() { packed.append(0) }
    /// The offset of a top-level object; nil for a free or packed one.
    func offset(_ number: Int) -> Int? { packed[number] >> 62 == 1 ? Int((packed[number] >> 16) & (1 << 46 - 1)) : nil }
    mutating func setOffset(_ number: Int, _ offset: Int) { packed[number] = 1 << 62 | UInt64(offset) << 16 }
    mutating func setPacked(_ number: Int, in stream: Int, at index: Int) {
        packed[number] = 2 << 62 | UInt64(stream) << 16 | UInt64(index)
    }

    /// The rows of a cross-reference stream, /W [1 n 2] with n as wide as the largest offset
    /// or stream number needs. Object 0 heads the free list (generation 65535).
    func rows() -> (bytes: [UInt8], widths: [Int]) {
        let largest = packed.map { ($0 >> 16) & (1 << 46 - 1) }.max() ?? 0
        var width = 1
        while width < 8, largest >> (8 * UInt64(width)) != 0 { width += 1 }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(packed.count * (3 + width))
        for (number, entry) in packed.enumerated() {
            let kind = entry >> 62, middle = (entry >> 16) & (1 << 46 - 1)
            let last = number == 0 ? 0xFFFF : (kind == 2 ? entry & 0xFFFF : 0)
            bytes.append(UInt8(kind))
            for shift in stride(from: width - 1, through: 0, by: -1) { bytes.append(UInt8(truncatingIfNeeded: middle >> (8 * UInt64(shift)))) }
            bytes.append(UInt8(truncatingIfNeeded: last >> 8))
            bytes.append(UInt8(truncatingIfNeeded: last))
        }
        return (bytes, [1, width, 2])
    }
}

/// Where an object's value lies in its bytes as cairo writes them ("N 0 obj", the value,
/// "endobj"), or nil when it is a stream, has a generation other than 0, or is not shaped
/// so: such an object is copied as it is.
func packableBody(_ object: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00 }
    // Bytes against a static string, not `zip` over String.UTF8View: that generic's metadata
    // was resolved at run time, 0.4 ms of a cold render (perf).
    func matches(_ word: StaticString, at index: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index >= 0, index + count <= object.count else { return false }
        for offset in 0..<count where object[index + offset] != word.utf8Start[offset] { return false }
        return true
    }
    // "N 0 obj": digits, space, "0", space, "obj".
    var index = 0
    while index < object.count, object[index] >= 0x30, object[index] <= 0x39 { index += 1 }
    guard index > 0, index < object.count, isSpace(object[index]) else { return nil }
    index += 1
    guard matches("0 obj", at: index) else { return nil }
    var start = index + 5
    var end = object.count
    while end > start, isSpace(object[end - 1]) { end -= 1 }
    guard matches("endobj", at: end - 6) else { return nil }
    end -= 6
    while end > start, isSpace(object[end - 1]) { end -= 1 }
    while start < end, isSpace(object[start]) { start += 1 }
    guard start < end, !matches("endstream", at: end - 9) else { return nil }
    return start..<end
}
