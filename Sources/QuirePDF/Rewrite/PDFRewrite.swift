import Foundation
import QuirePDFSyntax
import QuireSystem

/// A new file from cairo's: every object it does not change copied byte for byte, changed
/// and new objects written out (those that are not streams packed into object streams, see
/// `ObjectStreams`), a fresh cross-reference stream or table, and a trailer /ID derived from
/// the content. Memory is the two files' bytes, never a parsed copy of the whole document.
final class PDFRewrite {
    let source: CairoPDF
    /// The bodies of replaced and added objects, in the order made: past two chunks, in an
    /// unlinked temporary file, so a long pack's re-marked pages are not all held in memory
    /// until the file is written.
    private var bodies: ByteSpool
    /// The bodies once the file was first written: kept, so writing again gives the same
    /// file; nothing may be replaced after that.
    private var written: SpooledBytes?
    private var changed: [Int: Range<Int>] = [:]
    private var spoolFailed = false
    private var dropped: Set<Int> = []
    /// Changed objects that are streams: they stay out of the object streams.
    private var changedStreams: Set<Int> = []
    private(set) var size: Int

    /// Tests spool the bodies in chunks of a few bytes, so that edits are read back from the file.
    init(_ source: CairoPDF, bodies: ByteSpool = ByteSpool(memoryChunks: 1)) {
        self.source = source
        self.bodies = bodies
        size = source.trailer["Size"]?.int ?? source.objectCount
    }

    /// Changes a dictionary object (cairo's, or one changed before). The result is written
    /// into the spool at once and parsed again for a later change: a pack's structure tree is
    /// tens of thousands of edited dictionaries, which held parsed until the file was written
    /// grew the finishing by 1.4 KB a page (2.8 MB of a 2,000-page pack's).
    func edit(_ number: Int, _ change: (inout PDFDictionary) -> Void) throws(PDFError) {
        var dictionary = try current(number)
        change(&dictionary)
        replace(number, .dictionary(dictionary))
    }

    /// A dictionary as it stands: as last changed, else as cairo wrote it.
    private func current(_ number: Int) throws(PDFError) -> PDFDictionary {
        guard let range = changed[number], !changedStreams.contains(number) else { return try source.dictionary(number) }
        guard let bytes = bodies.copy(range) else { throw PDFError("cannot read back the finished PDF's object \(number) from its temporary file") }
        var parser = ValueParser(lexer: ContentLexer(bytes))
        guard let dictionary = try parser.value()?.dictionaryValue else { throw PDFError("object \(number) is not a dictionary") }
        return dictionary
    }

    func replace(_ number: Int, _ value: PDFValue) {
        changedStreams.remove(number)
        var body: [UInt8] = []
        value.write(into: &body)
        spool(body, as: number)
    }

    /// Replaces or adds a stream: `data` as given, `dictionary` completed with its /Length.
    func replaceStream(_ number: Int, _ dictionary: PDFDictionary, _ data: [UInt8]) {
        data.withUnsafeBufferPointer { replaceStream(number, dictionary, $0) }
    }

    func replaceStream(_ number: Int, _ dictionary: PDFDictionary, _ data: UnsafeBufferPointer<UInt8>) {
        var dictionary = dictionary
        dictionary["Length"] = .integer(data.count)
        var body: [UInt8] = []
        dictionary.write(into: &body)
        body += Array("\nstream\n".utf8)
        spool(body, as: number)
        let start = changed[number]!.lowerBound
        spool(data, as: number)
        spool(Array("\nendstream".utf8), as: number)
        changed[number] = start..<bodies.count
        changedStreams.insert(number)
    }

    /// Appends to the spool; `number`'s body is what was appended last.
    private func spool(_ bytes: [UInt8], as number: Int) {
        bytes.withUnsafeBufferPointer { spool($0, as: number) }
    }

    private func spool(_ bytes: UnsafeBufferPointer<UInt8>, as number: Int) {
        precondition(written == nil, "an object replaced after the file was written")
        let start = bodies.count
        if let base = bytes.baseAddress, !bodies.append(base, bytes.count) { spoolFailed = true }
        changed[number] = start..<bodies.count
    }

    /// A new object; a dictionary stays open to `edit` until the file is written.
    func add(_ value: PDFValue) -> Int {
        size += 1
        replace(size - 1, value)
        return size - 1
    }

    func addStream(_ dictionary: PDFDictionary, _ data: [UInt8]) -> Int {
        size += 1
        replaceStream(size - 1, dictionary, data)
        return size - 1
    }

    /// Leaves an object out (nothing refers to it any more).
    func drop(_ number: Int) { dropped.insert(number) }

    /// Writes the whole file, as it goes: header, objects in number order, xref, trailer.
    func write(to destination: PDFDestination, root: Int, info: Int) throws(PDFError) {
        let file: UnsafeMutablePointer<FILE>?
        switch destination {
        case .path(let path): file = fopen(path, "wb")
        // A descriptor the caller opened (and closes): written through a duplicate of it.
        case .descriptor(let descriptor): file = fdopen(dup(descriptor), "wb")
        case .memory(let memory):
            memory.bytes = try writeInMemory(root: root, info: info)
            return
        }
        guard let file else { throw PDFError("cannot write \(destination): \(String(cString: strerror(errno)))") }
        try write(into: file, named: destination.description, root: root, info: info)
    }

    /// The file written into a buffer `open_memstream` grows, handed over without a copy.
    private func writeInMemory(root: Int, info: Int) throws(PDFError) -> Data {
        // The stream updates these two until it is closed, so they must not move meanwhile.
        let buffer = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: 1)
        let length = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        buffer.initialize(to: nil)
        length.initialize(to: 0)
        defer {
            buffer.deallocate()
            length.deallocate()
        }
        guard let file = open_memstream(buffer, length) else { throw PDFError("cannot write the PDF into memory: \(String(cString: strerror(errno)))") }
        do {
            try write(into: file, named: "memory", root: root, info: info)
        } catch {
            free(buffer.pointee)
            throw error
        }
        guard let bytes = buffer.pointee else { return Data() }
        return Data(bytesNoCopy: bytes, count: length.pointee, deallocator: .free)
    }

    /// "%PDF-1.5" and later: object streams are PDF 1.5's.
    private static func allowsObjectStreams(_ header: UnsafeBufferPointer<UInt8>) -> Bool {
        guard header.count >= 8, Array(header[0..<5]) == Array("%PDF-".utf8), header[6] == UInt8(ascii: ".") else { return false }
        let major = Int(header[5]) - 0x30, minor = Int(header[7]) - 0x30
        return (0...9).contains(major) && (0...9).contains(minor) && (major, minor) >= (1, 5)
    }

    private func write(into file: UnsafeMutablePointer<FILE>, named path: String, root: Int, info: Int) throws(PDFError) {
        // Closed on every way out: a read that fails midway no longer leaves the file open.
        var closed = false
        defer { if !closed { fclose(file) } }
        guard !spoolFailed else { throw PDFError("out of memory for the finished PDF's changed objects") }
        let bodies = written ?? self.bodies.seal()
        written = bodies
        var output = HashingOutput(file)
        let firstObject = source.firstObjectOffset ?? source.xrefOffset
        try source.withBytes(0..<firstObject) { output.write($0) }
        // PDF 1.5 and later (cairo writes 1.5) pack the objects that are not streams.
        let packs = firstObject >= 8 ? try source.withBytes(0..<8) { Self.allowsObjectStreams($0) } : false
        var streams = ObjectStreams(size: size)
        for number in 1..<size where !dropped.contains(number) {
            if let range = changed[number] {
                do {
                    if packs, !changedStreams.contains(number) {
                        try bodies.withBytes(range) { streams.add(number, $0, writingTo: &output) }
                        continue
                    }
                    streams.entries.setOffset(number, output.count)
                    output.write(Array("\(number) 0 obj\n".utf8))
                    try bodies.withBytes(range) { output.write($0) }
                } catch {
                    throw PDFError("the finished PDF's changed objects: \(error)")
                }
                output.write(Array("\nendobj\n".utf8))
            } else if let range = source.objectRange(number) {
                try source.withBytes(range) { object in
                    if packs, let value = packableBody(object) {
                        streams.add(number, UnsafeBufferPointer(rebasing: object[value]), writingTo: &output)
                    } else {
                        streams.entries.setOffset(number, output.count)
                        output.write(object)
                    }
                }
            }
        }
        let id: String
        if packs {
            streams.finish(into: &output)
            id = output.identifier
            let trailer = "/Root \(root) 0 R /Info \(info) 0 R /ID [<\(id)> <\(id)>]"
            let xref = streams.writeCrossReferences(into: &output, trailer: trailer)
            output.write(Array("startxref\n\(xref)\n%%EOF\n".utf8))
        } else {
            let xref = output.count
            output.write(Array("xref\n0 \(size)\n0000000000 65535 f \n".utf8))
            // Entries are 20 bytes each, written a few hundred at a time rather than as one table.
            var entries: [UInt8] = []
            entries.reserveCapacity(20 * 512)
            for number in 1..<size {
                appendXrefEntry(streams.entries.offset(number), to: &entries)
                if entries.count >= 20 * 512 || number == size - 1 {
                    output.write(entries)
                    entries.removeAll(keepingCapacity: true)
                }
            }
            id = output.identifier
            output.write(Array("trailer\n<< /Size \(size) /Root \(root) 0 R /Info \(info) 0 R /ID [<\(id)> <\(id)>] >>\nstartxref\n\(xref)\n%%EOF\n".utf8))
        }
        let failed = output.failed
        closed = true
        guard fclose(file) == 0, !failed else { throw PDFError("cannot write \(path): \(String(cString: strerror(errno)))") }
    }
}

private let freeEntry = Array("0000000000 00000 f \n".utf8), usedEntry = Array("0000000000 00000 n \n".utf8)

/// One cross-reference entry: "0000012345 00000 n \n" for an object at that offset, or a free
/// entry.
private func appendXrefEntry(_ offset: Int?, to entries: inout [UInt8]) {
    guard let offset else {
        entries += freeEntry
        return
    }
    let start = entries.count
    entries += usedEntry
    var value = offset, digit = start + 9
    while value > 0, digit >= start {
        entries[digit] = UInt8(ascii: "0") + UInt8(value % 10)
        value /= 10
        digit -= 1
    }
}

/// Bytes on their way to a file, counted and hashed (two FNV-1a lanes, 128 bits) so the /ID
/// is derived from the content: the same content always gets the same /ID, and no render
/// needs a clock or a random number.
struct HashingOutput {
    let file: UnsafeMutablePointer<FILE>
    private(set) var count = 0
    private(set) var failed = false
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x8422_2325_cbf2_9ce4

    init(_ file: UnsafeMutablePointer<FILE>) { self.file = file }

    mutating func write(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { write($0) } }

    /// Through a buffer pointer: a slice's iterator checked every index (1.7% of a render).
    mutating func write(_ buffer: UnsafeBufferPointer<UInt8>) {
        var a = a, b = b
        for byte in buffer {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte ^ 0x5A)) &* 0x0000_0100_0000_01B3
        }
        self.a = a
        self.b = b
        let written = buffer.isEmpty ? 0 : fwrite(buffer.baseAddress, 1, buffer.count, file)
        failed = failed || written != buffer.count
        count += buffer.count
    }

    var identifier: String {
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16, uppercase: false)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(a) + hex(b)
    }
}
