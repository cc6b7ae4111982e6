import QuirePDFSyntax
/// The PDF cairo wrote, read through its cross-reference table: each object parsed when asked
/// for, and its bytes available for copying unchanged. Only what cairo writes is expected (a
/// classic xref, no object streams); anything else is an error, not a guess.
struct CairoPDF {
    let bytes: [UInt8]
    /// Object number → offset of "N 0 obj" (nil: free).
    let offsets: [Int?]
    let trailer: PDFDictionary
    let xrefOffset: Int
    /// For each object's offset, the offset of the one after it in the file.
    private let nextOffsets: [Int: Int]

    init(_ bytes: [UInt8]) throws(PDFError) {
        self.bytes = bytes
        guard let start = Self.find("startxref", in: bytes, from: max(0, bytes.count - 1024)) else { throw PDFError("no startxref") }
        var lexer = ContentLexer(bytes, at: start + 9)
        guard let token = lexer.next(), let xref = Int(lexer.text(token)), xref < bytes.count else { throw PDFError("bad startxref") }
        xrefOffset = xref
        lexer = ContentLexer(bytes, at: xref)
        guard let keyword = lexer.next(), lexer.text(keyword) == "xref" else { throw PDFError("no classic xref table at \(xref)") }
        var offsets: [Int?] = []
        while true {
            guard let first = lexer.next() else { throw PDFError("truncated xref") }
            if lexer.text(first) == "trailer" { break }
            guard let firstNumber = Int(lexer.text(first)), let countToken = lexer.next(), let count = Int(lexer.text(countToken)) else {
                throw PDFError("bad xref subsection")
            }
            if offsets.count < firstNumber + count { offsets += Array(repeating: nil, count: firstNumber + count - offsets.count) }
            for number in firstNumber..<(firstNumber + count) {
                guard let offset = lexer.next(), lexer.next() != nil, let kind = lexer.next() else { throw PDFError("truncated xref") }
                offsets[number] = lexer.text(kind) == "n" ? Int(lexer.text(offset)) : nil
            }
        }
        self.offsets = offsets
        let sorted = offsets.compactMap { $0 }.sorted()
        nextOffsets = Dictionary(zip(sorted, sorted.dropFirst() + [xref]), uniquingKeysWith: { first, _ in first })
        var parser = ValueParser(lexer: lexer)
        guard let trailer = try parser.value()?.dictionaryValue else { throw PDFError("no trailer dictionary") }
        self.trailer = trailer
    }

    /// An object's value; for a stream, its dictionary and where its data lies.
    func object(_ number: Int) throws(PDFError) -> (value: PDFValue, stream: Range<Int>?) {
        guard number > 0, number < offsets.count, let offset = offsets[number] else { throw PDFError("object \(number) is not in the file") }
        var lexer = ContentLexer(bytes, at: offset)
        guard lexer.next().flatMap({ Int(lexer.text($0)) }) == number, lexer.next() != nil,
              let obj = lexer.next(), lexer.text(obj) == "obj" else { throw PDFError("object \(number) is not where the xref says") }
        var parser = ValueParser(lexer: lexer)
        guard let value = try parser.value() else { throw PDFError("object \(number) is empty") }
        guard let keyword = parser.lexer.next(), parser.lexer.text(keyword) == "stream", let dictionary = value.dictionaryValue else {
            return (value, nil)
        }
        // Data starts after the end of line that follows the keyword.
        var start = keyword.range.upperBound
        if start < bytes.count, bytes[start] == 0x0D { start += 1 }
        if start < bytes.count, bytes[start] == 0x0A { start += 1 }
        let length: Int? = switch dictionary["Length"] {
        case .reference(let lengthObject)?: try object(lengthObject).value.int
        case let value?: value.int
        case nil: nil
        }
        guard let length, start + length <= bytes.count else { throw PDFError("stream \(number) has no usable /Length") }
        return (value, start..<(start + length))
    }

    func dictionary(_ number: Int) throws(PDFError) -> PDFDictionary {
        guard let dictionary = try object(number).value.dictionaryValue else { throw PDFError("object \(number) is not a dictionary") }
        return dictionary
    }

    /// The bytes of object `number` as written, from "N 0 obj" to just before the next object
    /// or the xref table.
    func rawObject(_ number: Int) -> ArraySlice<UInt8>? {
        guard number < offsets.count, let start = offsets[number] else { return nil }
        return bytes[start..<(nextOffsets[start] ?? xrefOffset)]
    }

    /// Whether object `number`'s bytes hold `word` anywhere: a cheap test before parsing it,
    /// for a walk over every object that wants only some (a font never lacks "/Font").
    func mentions(_ number: Int, _ word: String) -> Bool {
        guard let raw = rawObject(number) else { return false }
        let needle = Array(word.utf8)
        return raw.withUnsafeBufferPointer { haystack in
            guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
            var index = 0
            while index <= haystack.count - needle.count {
                if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
                index += 1
            }
            return false
        }
    }

    private static func find(_ word: String, in bytes: [UInt8], from: Int) -> Int? {
        let needle = Array(word.utf8)
        guard bytes.count >= needle.count else { return nil }
        for index in stride(from: bytes.count - needle.count, through: from, by: -1) where bytes[index..<(index + needle.count)].elementsEqual(needle) {
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
