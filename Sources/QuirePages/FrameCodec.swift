/// A compact binary form of a frame, so finished pages can wait on disk instead of in memory
/// while the rest of a long document is laid out. Fonts are stored as indexes into the codec's
/// own table (decode with the codec that encoded), glyphs as raw 16-byte records.
public struct FrameCodec {
    private var fonts: [FontRef] = []
    private var fontIndex: [FontRef: Int32] = [:]

    public init() {}

    // MARK: - Encode

    public mutating func encode(_ frame: Frame) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(frame.items.count * 64)
        put(frame.size.width, &out)
        put(frame.size.height, &out)
        put(Int32(frame.items.count), &out)
        for positioned in frame.items {
            put(positioned.point.x, &out)
            put(positioned.point.y, &out)
            switch positioned.item {
            case .glyphs(let run):
                out.append(0)
                put(index(of: run.font), &out)
                put(run.color, &out)
                put(run.text, &out)
                put(run.width, &out)
                put(Int32(run.glyphs.count), &out)
                run.glyphs.withUnsafeBytes { out.append(contentsOf: $0) }
            case .line(let to, let width, let color):
                out.append(1)
                put(to.x, &out); put(to.y, &out); put(width, &out); put(color, &out)
            case .rect(let size, let color):
                out.append(2)
                put(size, &out); put(color, &out)
            case .link(let url, let size):
                out.append(3)
                put(url, &out); put(size, &out)
            case .image(let path, let size):
                out.append(4)
                put(path, &out); put(size, &out)
            case .pageLink(let page, let y, let size):
                out.append(5)
                put(Int32(page), &out); put(y, &out); put(size, &out)
            case .beginTag(let tag):
                out.append(6)
                put(tag.role.rawValue, &out); put(tag.alt ?? "", &out); put(tag.scope?.rawValue ?? "", &out)
                put(Int32(tag.rowSpan ?? 0), &out); put(Int32(tag.columnSpan ?? 0), &out); put(tag.listNumbering?.rawValue ?? "", &out)
                out.append(tag.captionsNext ? 1 : 0)
            case .endTag:
                out.append(7)
            case .pdfPage(let path, let index, let size):
                out.append(8)
                put(path, &out); put(Int32(index), &out); put(size, &out)
            case .taggedPDFPage(let path, let index, let size):
                out.append(9)
                put(path, &out); put(Int32(index), &out); put(size, &out)
            }
        }
        return out
    }

    private mutating func index(of font: FontRef) -> Int32 {
        if let known = fontIndex[font] { return known }
        fonts.append(font)
        fontIndex[font] = Int32(fonts.count - 1)
        return Int32(fonts.count - 1)
    }

    // MARK: - Decode

    public func decode(_ bytes: [UInt8]) -> Frame {
        var reader = Reader(bytes: bytes)
        var frame = Frame(size: Size(width: reader.double(), height: reader.double()))
        let count = Int(reader.int32())
        frame.reserve(count)
        for _ in 0..<count {
            let point = Point(x: reader.double(), y: reader.double())
            let item: FrameItem
            switch reader.byte() {
            case 0:
                let font = fonts[Int(reader.int32())]
                let color = reader.color(), text = reader.string(), width = reader.double()
                let glyphs = reader.glyphs(Int(reader.int32()))
                item = .glyphs(GlyphRun(font: font, color: color, text: text, glyphs: glyphs, width: width))
            case 1:
                let to = Point(x: reader.double(), y: reader.double())
                item = .line(to: to, width: reader.double(), color: reader.color())
            case 2: item = .rect(reader.size(), fill: reader.color())
            case 3: item = .link(url: reader.string(), reader.size())
            case 4: item = .image(path: reader.string(), reader.size())
            case 5: item = .pageLink(pageIndex: Int(reader.int32()), y: reader.double(), reader.size())
            case 6:
                let role = StructureRole(rawValue: reader.string()) ?? .paragraph, alt = reader.string()
                let scope = HeaderScope(rawValue: reader.string())
                let rowSpan = Int(reader.int32()), columnSpan = Int(reader.int32())
                let numbering = ListNumbering(rawValue: reader.string())
                var tag = StructureTag(role, alt: alt.isEmpty ? nil : alt, scope: scope, rowSpan: rowSpan > 0 ? rowSpan : nil,
                                       columnSpan: columnSpan > 0 ? columnSpan : nil, listNumbering: numbering)
                tag.captionsNext = reader.byte() == 1
                item = .beginTag(tag)
            case 8: item = .pdfPage(path: reader.string(), index: Int(reader.int32()), reader.size())
            case 9: item = .taggedPDFPage(path: reader.string(), index: Int(reader.int32()), reader.size())
            default: item = .endTag
            }
            frame.push(item, at: point)
        }
        return frame
    }

    // MARK: - Primitives

    private func put<T: FixedWidthInteger>(_ value: T, _ out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
    private func put(_ value: Double, _ out: inout [UInt8]) { put(value.bitPattern, &out) }
    private func put(_ size: Size, _ out: inout [UInt8]) { put(size.width, &out); put(size.height, &out) }
    private func put(_ color: Color, _ out: inout [UInt8]) { put(color.red, &out); put(color.green, &out); put(color.blue, &out) }
    private func put(_ text: String, _ out: inout [UInt8]) {
        put(Int32(text.utf8.count), &out)
        out.append(contentsOf: text.utf8)
    }
}

/// Reads what `FrameCodec` wrote, in order.
private struct Reader {
    let bytes: [UInt8]
    var offset = 0

    mutating func byte() -> UInt8 {
        defer { offset += 1 }
        return bytes[offset]
    }
    mutating func integer<T: FixedWidthInteger>(_ type: T.Type) -> T {
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes[offset..<(offset + MemoryLayout<T>.size)]) }
        offset += MemoryLayout<T>.size
        return T(littleEndian: value)
    }
    mutating func int32() -> Int32 { integer(Int32.self) }
    mutating func double() -> Double { Double(bitPattern: integer(UInt64.self)) }
    mutating func size() -> Size { Size(width: double(), height: double()) }
    mutating func color() -> Color { Color(red: double(), green: double(), blue: double()) }
    mutating func string() -> String {
        let count = Int(int32())
        defer { offset += count }
        return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }
    mutating func glyphs(_ count: Int) -> [Glyph] {
        let length = count * MemoryLayout<Glyph>.stride
        defer { offset += length }
        return [Glyph](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyBytes(from: bytes[offset..<(offset + length)])
            initialized = count
        }
    }
}
