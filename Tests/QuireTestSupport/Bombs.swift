import CQuireZlib
public import Foundation

// Files that are small on disk and enormous once decoded, built by the tests that refuse
// them: compressed a chunk at a time, so the test never holds what it claims to hold.

/// zlib (Flate) data that inflates to `count` bytes of `pattern` repeated, compressed at the
/// highest level without the whole output ever in memory.
public func deflatedRepeating(_ pattern: [UInt8], count: Int) -> Data {
    var stream = z_stream()
    precondition(deflateInit_(&stream, 9, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK)
    defer { deflateEnd(&stream) }
    let block = Array([[UInt8]](repeating: pattern, count: max(1, (1 << 20) / max(1, pattern.count))).joined())
    var out = Data()
    var output = [UInt8](repeating: 0, count: 1 << 16)
    var remaining = count
    var input = block
    while true {
        let take = min(remaining, input.count)
        remaining -= take
        let flush = remaining == 0 ? Z_FINISH : Z_NO_FLUSH
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(take)
            repeat {
                output.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    status = deflate(&stream, flush)
                    out.append(buffer.baseAddress!, count: buffer.count - Int(stream.avail_out))
                }
            } while stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END)
        }
        if remaining == 0 { break }
    }
    return out
}

/// A one-page PDF whose page content is one Flate stream inflating to `contentBytes` bytes of
/// `operators` repeated, named `references` times in the page's /Contents.
public func contentBombPDF(contentBytes: Int, operators: String = "0 0 1 1 re f\n", references: Int = 1) -> Data {
    let stream = deflatedRepeating(Array(operators.utf8), count: contentBytes)
    let contents = references == 1 ? "4 0 R" : "[" + Array(repeating: "4 0 R", count: references).joined(separator: " ") + "]"
    return assemblePDF([
        Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
        Data("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
        Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents \(contents) >>".utf8),
        Data("<< /Length \(stream.count) /Filter /FlateDecode >>\nstream\n".utf8) + stream + Data("\nendstream".utf8),
    ])
}

/// A one-page PDF drawing one grey image declaring `width`×`height` pixels (its data, zeros,
/// really that large once inflated).
public func imageBombPDF(width: Int, height: Int) -> Data {
    let image = deflatedRepeating([0], count: width * height)
    let content = Data("q 595 0 0 842 0 0 cm /Im1 Do Q\n".utf8)
    return assemblePDF([
        Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
        Data("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
        Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>".utf8),
        Data("<< /Length \(content.count) >>\nstream\n".utf8) + content + Data("\nendstream".utf8),
        Data("<< /Type /XObject /Subtype /Image /Width \(width) /Height \(height) /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length \(image.count) >>\nstream\n".utf8)
            + image + Data("\nendstream".utf8),
    ])
}

/// LZW data as PDF's LZWDecode reads it (9- to 12-bit codes, early change, a clear code when
/// the table is full) for `count` bytes of `byte` repeated: a run is LZW's best case, each
/// code one byte longer than the last, so 100 MB take some 80 KB.
public func lzwRepeating(_ byte: UInt8, count: Int) -> Data {
    var out = Data()
    var buffer = 0, bits = 0, width = 9
    func emit(_ code: Int) {
        buffer = buffer << width | code
        bits += width
        while bits >= 8 {
            out.append(UInt8(truncatingIfNeeded: buffer >> (bits - 8)))
            bits -= 8
        }
        buffer &= (1 << bits) - 1
    }
    emit(256)
    // After a clear the run is sent as one byte, then the codes 258, 259, … for runs of 2, 3, …
    // (each code the reader meets adds the next longer run to its table).
    var remaining = count, length = 1, codes = 0
    while remaining > 0 {
        let take = min(length, remaining)
        emit(take == 1 ? Int(byte) : 258 + take - 2)
        remaining -= take
        codes += 1
        length += 1
        let table = 258 + codes - 1  // the reader's table after this code
        if table + 1 >= 1 << width, width < 12 { width += 1 }
        if table + 2 >= 4096, remaining > 0 {
            emit(256)
            width = 9
            length = 1
            codes = 0
        }
    }
    emit(257)
    if bits > 0 { out.append(UInt8(truncatingIfNeeded: buffer << (8 - bits))) }
    return out
}

/// A one-page PDF whose content stream is `data` with `filters` (as written in /Filter).
public func filteredContentPDF(_ data: Data, filters: String) -> Data {
    assemblePDF([
        Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
        Data("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
        Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".utf8),
        Data("<< /Length \(data.count) /Filter \(filters) >>\nstream\n".utf8) + data + Data("\nendstream".utf8),
    ])
}

/// Objects 1…n (given as their bodies) with an exact cross-reference table.
private func assemblePDF(_ objects: [Data]) -> Data {
    var out = Data("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
    var offsets: [Int] = []
    for (index, body) in objects.enumerated() {
        offsets.append(out.count)
        out += Data("\(index + 1) 0 obj\n".utf8) + body + Data("\nendobj\n".utf8)
    }
    let xref = out.count
    var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets { table += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
    table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return out + Data(table.utf8)
}

/// A greyscale PNG declaring `width`×`height` pixels whose image data is really that large
/// once inflated (rows of zeros).
public func bombPNG(width: Int, height: Int) -> Data {
    // Each row is a filter byte (0) and `width` zero pixels: all zeros.
    greyPNG(width: width, height: height, data: deflatedRepeating([0], count: height * (width + 1)))
}

/// A greyscale PNG of `width`×`height` random pixels: it does not compress, so a PDF that
/// shows it is at least its size (the disk-full tests' output that cannot fit).
public func noisePNG(width: Int, height: Int) -> Data {
    var generator = SystemRandomNumberGenerator()
    var rows = [UInt8](repeating: 0, count: height * (width + 1))
    for index in rows.indices where index % (width + 1) != 0 { rows[index] = UInt8.random(in: 0...255, using: &generator) }
    var size = compressBound(uLong(rows.count))
    var compressed = [UInt8](repeating: 0, count: Int(size))
    precondition(compress2(&compressed, &size, rows, uLong(rows.count), 1) == Z_OK)
    return greyPNG(width: width, height: height, data: Data(compressed.prefix(Int(size))))
}

/// An 8-bit greyscale PNG around already deflated image data.
private func greyPNG(width: Int, height: Int, data: Data) -> Data {
    func chunk(_ type: String, _ body: Data) -> Data {
        var length = UInt32(body.count).bigEndian
        let typed = Data(type.utf8) + body
        var crc = UInt32(typed.withUnsafeBytes { crc32(0, $0.bindMemory(to: UInt8.self).baseAddress, uInt(typed.count)) }).bigEndian
        return Data(bytes: &length, count: 4) + typed + Data(bytes: &crc, count: 4)
    }
    var header = Data()
    for value in [UInt32(width), UInt32(height)] {
        var big = value.bigEndian
        header += Data(bytes: &big, count: 4)
    }
    header += Data([8, 0, 0, 0, 0])  // 8 bits, greyscale, deflate, no filter, no interlace
    return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + chunk("IHDR", header) + chunk("IDAT", data) + chunk("IEND", Data())
}
