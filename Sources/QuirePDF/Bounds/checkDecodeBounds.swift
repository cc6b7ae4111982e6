import CQuireZlib
public import Foundation

/// How much an existing PDF (a pack's appendix) may make a reader decode before any of it is
/// drawn. A few hundred kilobytes of Flate can inflate to gigabytes, and poppler holds and
/// parses what it inflates, so a PDF is measured first, stopping at the bound, not after.
public struct PDFDecodeLimits: Sendable, Hashable {
    /// Bytes one stream (page content, a form, a font) may inflate to; images are bounded by
    /// their pixels instead.
    public var streamBytes: Int
    /// Bytes all streams may inflate to, each counted as often as it is referenced (a page
    /// naming one stream forty times in its contents makes the reader parse it forty times).
    public var documentBytes: Int
    /// Pixels one image may declare (4 bytes a pixel once decoded).
    public var imagePixels: Int

    /// A committee appendix's page content is tens of kilobytes; a detailed map a few
    /// megabytes. Drawing content costs poppler and cairo some 75 times its size, so 8 MiB a
    /// stream keeps one page well inside a 1 GiB replica.
    public init(streamBytes: Int = 8 << 20, documentBytes: Int = 256 << 20, imagePixels: Int = 50_000_000) {
        self.streamBytes = streamBytes
        self.documentBytes = documentBytes
        self.imagePixels = imagePixels
    }
}

/// Why a PDF is over its decode limits; the description reads after the file's name.
public enum PDFDecodeProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case streamTooLarge(object: Int, limit: Int)
    case documentTooLarge(limit: Int)
    case imageTooLarge(object: Int, width: Int, height: Int, limit: Int)
    /// The caller's budget ran out while measuring.
    case stopped

    public var description: String {
        switch self {
        case .streamTooLarge(let object, let limit):
            "has a stream (object \(object)) that decompresses to more than \(limit >> 20) MiB, the most one stream may hold"
        case .documentTooLarge(let limit):
            "decompresses to more than \(limit >> 20) MiB of content in all (each stream counted as often as the pages use it)"
        case .imageTooLarge(let object, let width, let height, let limit):
            "has an image (object \(object)) of \(width)×\(height) pixels; an image may have at most \(limit / 1_000_000) megapixels"
        case .stopped: "was still being measured when the render's time ran out"
        }
    }
}

/// Measures every stream of the PDF in `data`: inflated size (Flate, counted without keeping
/// the output), declared image size, and how often each object is referenced. Stops at the
/// first bound crossed, and when `proceed` says no (asked every few megabytes inflated).
public func checkDecodeBounds(_ data: Data, limits: PDFDecodeLimits = PDFDecodeLimits(), proceed: () -> Bool = { true }) -> PDFDecodeProblem? {
    data.withUnsafeBytes { raw -> PDFDecodeProblem? in
        let bytes = raw.bindMemory(to: UInt8.self)
        let streams = findStreams(bytes)
        var references = countReferences(bytes, skipping: streams.map(\.data))
        var sizes: [(object: Int, bytes: Int)] = []
        for stream in streams {
            guard proceed() else { return .stopped }
            let dictionary = String(decoding: UnsafeBufferPointer(rebasing: bytes[stream.dictionary]), as: UTF8.self)
            let compact = String(dictionary.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) })
            // An image is decoded to its declared size, however its data inflates: bounded by its pixels.
            if compact.contains("/Subtype/Image") {
                let width = integer(after: "/Width", in: dictionary) ?? 0, height = integer(after: "/Height", in: dictionary) ?? 0
                let pixels = width.multipliedReportingOverflow(by: height)
                if pixels.overflow || pixels.partialValue > limits.imagePixels {
                    return .imageTooLarge(object: stream.object, width: width, height: height, limit: limits.imagePixels)
                }
                continue
            }
            let body = UnsafeBufferPointer(rebasing: bytes[stream.data])
            var size = body.count
            // Every filter a reader would undo is undone here, a stage at a time and bounded
            // (Flate, LZW, run-length, ASCII85, hex); image codecs are bounded by their pixels above.
            let filters = filterNames(in: dictionary)
            if !filters.isEmpty {
                let keep = compact.contains("/Type/ObjStm")  // objects inside may reference streams
                guard let decoded = decodedSize(body, filters: filters, limit: limits.streamBytes, keep: keep, proceed: proceed) else { return .stopped }
                if decoded.size > limits.streamBytes { return .streamTooLarge(object: stream.object, limit: limits.streamBytes) }
                size = decoded.size
                if let kept = decoded.kept { kept.withUnsafeBufferPointer { references.merge(countReferences($0, skipping: [])) { $0 + $1 } } }
            }
            sizes.append((stream.object, size))
        }
        var total = 0
        for (object, size) in sizes {
            let weighted = size.multipliedReportingOverflow(by: max(1, references[object] ?? 0))
            total = weighted.overflow ? Int.max : total.addingReportingOverflow(weighted.partialValue).overflow ? Int.max : total + weighted.partialValue
            if total > limits.documentBytes { return .documentTooLarge(limit: limits.documentBytes) }
        }
        return nil
    }
}

/// A stream as found in the file: its object number (-1 if none precedes it), the bytes of
/// its object up to `stream`, and its data.
private struct FoundStream {
    var object: Int
    var dictionary: Range<Int>
    var data: Range<Int>
}

/// Every `stream … endstream` of the file, found lexically (an object stream cannot hold a
/// stream, so none is missed), its object from the `N G obj` before it.
private func findStreams(_ bytes: UnsafeBufferPointer<UInt8>) -> [FoundStream] {
    let keyword = Array("stream".utf8), end = Array("endstream".utf8), obj = Array(" obj".utf8)
    var found: [FoundStream] = []
    var index = 0, objectStart = 0, object = -1
    while let at = search(keyword, in: bytes, from: index) {
        // "endstream" also contains "stream": skip it.
        if at >= 3, bytes[at - 3] == UInt8(ascii: "e"), bytes[at - 2] == UInt8(ascii: "n"), bytes[at - 1] == UInt8(ascii: "d") {
            index = at + keyword.count
            continue
        }
        if let objectAt = lastSearch(obj, in: bytes, before: at, after: objectStart) {
            objectStart = objectAt
            object = objectNumber(bytes, before: objectAt) ?? -1
        }
        var dataStart = at + keyword.count
        if dataStart < bytes.count, bytes[dataStart] == 0x0D { dataStart += 1 }
        if dataStart < bytes.count, bytes[dataStart] == 0x0A { dataStart += 1 }
        let dataEnd = search(end, in: bytes, from: dataStart) ?? bytes.count
        found.append(FoundStream(object: object, dictionary: objectStart..<at, data: dataStart..<dataEnd))
        index = dataEnd + end.count
        objectStart = min(index, bytes.count)
    }
    return found
}

/// How often each object is referenced (`N G R`) in the bytes outside `skipping`.
private func countReferences(_ bytes: UnsafeBufferPointer<UInt8>, skipping: [Range<Int>]) -> [Int: Int] {
    var counts: [Int: Int] = [:]
    var skip = skipping.makeIterator(), next = skip.next()
    var index = 0
    while index < bytes.count {
        if let range = next, index >= range.lowerBound {
            index = max(index, range.upperBound)
            next = skip.next()
            continue
        }
        // "R" after whitespace, after a generation number, after an object number.
        if bytes[index] == UInt8(ascii: "R"), index >= 4, isSpace(bytes[index - 1]),
           index + 1 >= bytes.count || !isRegular(bytes[index + 1]),
           let generationStart = digitsStart(bytes, endingAt: index - 2), generationStart >= 2, isSpace(bytes[generationStart - 1]),
           let numberStart = digitsStart(bytes, endingAt: generationStart - 2),
           let number = Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[numberStart...(generationStart - 2)]), as: UTF8.self)) {
            counts[number, default: 0] += 1
        }
        index += 1
    }
    return counts
}

/// The object number of the `N G obj` whose ` obj` starts at `end`, if any.
private func objectNumber(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
    var last = end - 1
    while last >= 0, isSpace(bytes[last]) { last -= 1 }
    // Skip a generation number: "12 0 obj" → 12.
    if let generation = digitsStart(bytes, endingAt: last), generation > 0, isSpace(bytes[generation - 1]) {
        var before = generation - 1
        while before >= 0, isSpace(bytes[before]) { before -= 1 }
        if let start = digitsStart(bytes, endingAt: before) { return Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...before]), as: UTF8.self)) }
    }
    guard let start = digitsStart(bytes, endingAt: last) else { return nil }
    return Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...last]), as: UTF8.self))
}

/// Where a run of digits ending at `last` starts (nil if `last` is not a digit).
private func digitsStart(_ bytes: UnsafeBufferPointer<UInt8>, endingAt last: Int) -> Int? {
    guard last >= 0, last < bytes.count, isDigit(bytes[last]) else { return nil }
    var start = last
    while start > 0, isDigit(bytes[start - 1]), last - start < 10 { start -= 1 }
    return start
}

private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00 }
private func isRegular(_ byte: UInt8) -> Bool { !isSpace(byte) && !"()<>[]{}/%".utf8.contains(byte) }

private func search(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard let first = needle.first, start < bytes.count else { return nil }
    var index = start
    while index + needle.count <= bytes.count {
        if bytes[index] == first, (1..<needle.count).allSatisfy({ bytes[index + $0] == needle[$0] }) { return index }
        index += 1
    }
    return nil
}

private func lastSearch(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, before end: Int, after start: Int) -> Int? {
    var index = end - needle.count
    while index >= start {
        if (0..<needle.count).allSatisfy({ bytes[index + $0] == needle[$0] }) { return index }
        index -= 1
    }
    return nil
}

/// `/Key 123` in a dictionary's text.
private func integer(after key: String, in dictionary: String) -> Int? {
    guard let range = dictionary.range(of: key) else { return nil }
    let digits = dictionary[range.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\r" }.prefix { $0.isNumber }
    return Int(digits)
}

/// The size `body` inflates to, counted a chunk at a time and stopped once past `limit` (the
/// output is kept only with `keep`, up to the limit); nil when `proceed` said stop. A body
/// that is not complete zlib counts what it gave before the error, as a reader would use.
func inflatedSize(_ body: UnsafeBufferPointer<UInt8>, limit: Int, keep: Bool, proceed: () -> Bool) -> (size: Int, kept: [UInt8]?)? {
    var stream = z_stream()
    guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return (body.count, nil) }
    defer { inflateEnd(&stream) }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var kept: [UInt8]? = keep ? [] : nil
    var size = 0, sinceAsked = 0
    stream.next_in = UnsafeMutablePointer(mutating: body.baseAddress)
    stream.avail_in = uInt(body.count)
    var status: Int32 = Z_OK
    repeat {
        let produced = chunk.withUnsafeMutableBufferPointer { buffer -> Int in
            stream.next_out = buffer.baseAddress
            stream.avail_out = uInt(buffer.count)
            status = inflate(&stream, Z_NO_FLUSH)
            let count = buffer.count - Int(stream.avail_out)
            if kept != nil { kept!.append(contentsOf: buffer[0..<count]) }
            return count
        }
        size += produced
        sinceAsked += produced
        if size > limit { return (size, nil) }
        if sinceAsked > 4 << 20 {
            sinceAsked = 0
            guard proceed() else { return nil }
        }
        if produced == 0, status == Z_BUF_ERROR { break }  // truncated: what it gave is what a reader gets
    } while status == Z_OK
    return (size, kept)
}
