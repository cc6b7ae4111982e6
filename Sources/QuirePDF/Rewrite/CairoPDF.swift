import Glibc
import QuirePDFSyntax
import QuireSystem

/// The PDF cairo wrote, read through its cross-reference table: each object parsed when asked
/// for, and its bytes available for copying unchanged. Only what cairo writes is expected (a
/// classic xref, no object streams); anything else is an error, not a guess. The bytes are
/// read from the spool a range at a time (an object, a page's content), never whole: a long
/// pack's lie mostly in a temporary file.
struct CairoPDF {
    let source: SpooledBytes
    /// Object number → offset of "N 0 obj" (-1: free); not `Int?`, whose 16-byte stride was
    /// 0.65 MB more of a 2,000-page pack's finishing.
    private let starts: [Int]
    let trailer: PDFDictionary
    let xrefOffset: Int
    /// Object number → the offset just past its bytes: the next object's, or the xref's.
    private let ends: [Int]
    /// An object's dictionary is looked for in its first bytes, read alone: a stream's data
    /// (a page's content) is not read to parse its dictionary.
    private static let headLength = 4096

    init(_ bytes: [UInt8]) throws(PDFError) { try self.init(ByteSpool.inMemory(bytes)) }

    init(_ source: SpooledBytes) throws(PDFError) {
        self.source = source
        let count = source.count
        let tailStart = max(0, count - 1024)
        let tail = try Self.read(source, tailStart..<count)
        guard let start = Self.find("startxref", in: tail) else { throw PDFError("no startxref") }
        var lexer = ContentLexer(tail, at: start + 9)
        guard let token = lexer.next(), let xref = Int(lexer.text(token)), xref >= 0, xref < count else { throw PDFError("bad startxref") }
        xrefOffset = xref
        lexer = ContentLexer(try Self.read(source, xref..<count))
        guard let keyword = lexer.next(), lexer.text(keyword) == "xref" else { throw PDFError("no classic xref table at \(xref)") }
        var offsets: [Int?] = []
        while true {
            guard let first = lexer.next() else { throw PDFError("truncated xref") }
            if lexer.text(first) == "trailer" { break }
            guard let firstNumber = Int(lexer.text(first)), let countToken = lexer.next(), let entries = Int(lexer.text(countToken)),
                  firstNumber >= 0, entries >= 0, entries <= count / 20 else {
                throw PDFError("bad xref subsection")
            }
            if offsets.count < firstNumber + entries { offsets += Array(repeating: nil, count: firstNumber + entries - offsets.count) }
            for number in firstNumber..<(firstNumber + entries) {
                guard let offset = lexer.next(), lexer.next() != nil, let kind = lexer.next() else { throw PDFError("truncated xref") }
                let value = lexer.text(kind) == "n" ? Int(lexer.text(offset)) : nil
                if let value, value < 0 || value >= xref { throw PDFError("object \(number) lies outside the file's objects") }
                offsets[number] = value
            }
        }
        starts = offsets.map { $0 ?? -1 }
        var ends = [Int](repeating: xref, count: offsets.count)
        let sorted = offsets.indices.filter { offsets[$0] != nil }.sorted { offsets[$0]! < offsets[$1]! }
        for (number, next) in zip(sorted, sorted.dropFirst()) { ends[number] = offsets[next]! }
        self.ends = ends
        var parser = ValueParser(lexer: lexer)
        guard let trailer = try parser.value()?.dictionaryValue else { throw PDFError("no trailer dictionary") }
        self.trailer = trailer
    }

    /// An object's value; for a stream, its dictionary and where its data lies in the file.
    func object(_ number: Int) throws(PDFError) -> (value: PDFValue, stream: Range<Int>?) {
        guard let whole = objectRange(number) else { throw PDFError("object \(number) is not in the file") }
        let head = whole.lowerBound..<min(whole.upperBound, whole.lowerBound + Self.headLength)
        if head != whole, let parsed = try? parse(number, try bytes(head), complete: false) {
            return try streamData(parsed, number: number, at: whole.lowerBound)
        }
        guard let parsed = try parse(number, try bytes(whole), complete: true) else { throw PDFError("object \(number) is empty") }
        return try streamData(parsed, number: number, at: whole.lowerBound)
    }

    /// The value in `bytes` (an object's first bytes, or all of them when `complete`), and
    /// where a stream's data would start; nil when the bytes end before the value and the
    /// keyword after it do (read the whole object then).
    private func parse(_ number: Int, _ bytes: [UInt8], complete: Bool) throws(PDFError) -> (value: PDFValue, dataStart: Int?)? {
        var lexer = ContentLexer(bytes)
        guard lexer.next().flatMap({ Int(lexer.text($0)) }) == number, lexer.next() != nil,
              let obj = lexer.next(), lexer.text(obj) == "obj" else { throw PDFError("object \(number) is not where the xref says") }
        var parser = ValueParser(lexer: lexer)
        guard let value = try parser.value() else { return nil }
        let keyword = parser.lexer.next()
        // A token that reaches the end of a partial read may have been cut short.
        if !complete, keyword.map({ $0.range.upperBound >= bytes.count }) ?? true { return nil }
        guard let keyword, parser.lexer.text(keyword) == "stream", value.dictionaryValue != nil else { return (value, nil) }
        // Data starts after the end of line that follows the keyword.
        var start = keyword.range.upperBound
        if start < bytes.count, bytes[start] == 0x0D { start += 1 }
        if start < bytes.count, bytes[start] == 0x0A { start += 1 }
        if !complete, start >= bytes.count { return nil }
        return (value, start)
    }

    /// The parsed object with its stream's data range in the file, checked against /Length.
    private func streamData(_ parsed: (value: PDFValue, dataStart: Int?), number: Int, at offset: Int) throws(PDFError)
        -> (value: PDFValue, stream: Range<Int>?)
    {
        let (value, dataStart) = parsed
        guard let dataStart, let dictionary = value.dictionaryValue else { return (value, nil) }
        let start = offset + dataStart
        let length: Int? = switch dictionary["Length"] {
        case .reference(let lengthObject)?: try object(lengthObject).value.int
        case let value?: value.int
        case nil: nil
        }
        guard let length, length >= 0, start + length <= source.count else { throw PDFError("stream \(number) has no usable /Length") }
        return (value, start..<(start + length))
    }

    func dictionary(_ number: Int) throws(PDFError) -> PDFDictionary {
        guard let dictionary = try object(number).value.dictionaryValue else { throw PDFError("object \(number) is not a dictionary") }
        return dictionary
    }

    /// Object numbers run from 1 to one less than this.
    var objectCount: Int { starts.count }

    /// Where "N 0 obj" starts; nil for a free number.
    func offset(_ number: Int) -> Int? {
        guard number >= 0, number < starts.count, starts[number] >= 0 else { return nil }
        return starts[number]
    }

    /// Where the first object starts (the header ends there).
    var firstObjectOffset: Int? {
        var first: Int?
        for start in starts where start >= 0 { first = min(first ?? start, start) }
        return first
    }

    /// Where object `number`'s bytes lie as written, from "N 0 obj" to just before the next
    /// object or the xref table.
    func objectRange(_ number: Int) -> Range<Int>? {
        guard number > 0, let start = offset(number) else { return nil }
        return start..<ends[number]
    }

    /// A copy of the file's bytes in `range`.
    func bytes(_ range: Range<Int>) throws(PDFError) -> [UInt8] { try Self.read(source, range) }

    /// `body` on the file's bytes in `range`, in place where they are in memory.
    func withBytes<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) throws(PDFError) -> Result {
        do {
            return try source.withBytes(range, body)
        } catch {
            throw PDFError("cairo's output \(error)")
        }
    }

    private static func read(_ source: SpooledBytes, _ range: Range<Int>) throws(PDFError) -> [UInt8] {
        do {
            return try source.bytes(range)
        } catch {
            throw PDFError("cairo's output \(error)")
        }
    }

    /// Whether object `number`'s bytes hold `word` anywhere: a cheap test before parsing it,
    /// for a walk over every object that wants only some (a font never lacks "/Font").
    func mentions(_ number: Int, _ word: String) throws(PDFError) -> Bool {
        guard let range = objectRange(number) else { return false }
        let needle = Array(word.utf8)
        return try withBytes(range) { contains($0, needle) }
    }

    private static func find(_ word: String, in bytes: [UInt8]) -> Int? {
        let needle = Array(word.utf8)
        guard bytes.count >= needle.count else { return nil }
        for index in stride(from: bytes.count - needle.count, through: 0, by: -1) where bytes[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }
}

/// Values from tokens: references ("12 0 R") folded, arrays and dictionaries nested.
struct ValueParser {
    var lexer: ContentLexer
    private var pending: [ContentToken] = []

    init(lexer: ContentLexer) { self.lexer = lexer }

    private mutating func next() -> ContentToken? { pending.isEmpty ? lexer.next() : pending.removeFirst() }

    mutating func value(depth: Int = 0) throws(PDFError) -> PDFValue? {
        guard depth < 64 else { throw PDFError("objects nested too deeply") }
        guard let token = next() else { return nil }
        let text = lexer.text(token)
        switch token.kind {
        case .name: return .name(String(text.dropFirst()))
        case .string, .hexString: return .string(Array(lexer.bytes[token.range]))
        case .arrayOpen:
            var items: [PDFValue] = []
            while true {
                guard let peek = next() else { throw PDFError("unterminated array") }
                if peek.kind == .arrayClose { return .array(items) }
                pending.insert(peek, at: 0)
                guard let item = try value(depth: depth + 1) else { throw PDFError("unterminated array") }
                items.append(item)
            }
        case .dictOpen:
            var dictionary = PDFDictionary()
            while true {
                guard let key = next() else { throw PDFError("unterminated dictionary") }
                if key.kind == .dictClose { return .dictionary(dictionary) }
                guard key.kind == .name, let item = try value(depth: depth + 1) else { throw PDFError("bad dictionary key") }
                dictionary[String(lexer.text(key).dropFirst())] = item
            }
        case .number:
            // "12 0 R" is a reference; otherwise the number stands alone.
            if Int(text) != nil, let second = next() {
                if second.kind == .number, let third = next() {
                    if third.kind == .keyword, lexer.text(third) == "R", let number = Int(text) { return .reference(number) }
                    pending.insert(contentsOf: [second, third], at: 0)
                } else {
                    pending.insert(second, at: 0)
                }
            }
            return .number(text)
        case .keyword:
            switch text {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default: throw PDFError("unexpected '\(text)'")
            }
        default: throw PDFError("unexpected token '\(text)'")
        }
    }
}

/// Whether `needle` occurs in `haystack`: memchr to each candidate first byte, then memcmp
/// (a walk over every object of a pack compared byte by byte in Swift).
private func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    guard let first = needle.first else { return true }
    guard let base = haystack.baseAddress, needle.count <= haystack.count else { return false }
    var offset = 0
    while haystack.count - offset >= needle.count {
        guard let found = memchr(base + offset, Int32(first), haystack.count - offset - needle.count + 1) else { return false }
        let at = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
        let equal = needle.withUnsafeBufferPointer { memcmp(base + at, $0.baseAddress!, needle.count) == 0 }
        if equal { return true }
        offset = at + 1
    }
    return false
}
