import QuirePDFSyntax
import QuireSystem

/// Any unencrypted PDF (an appendix someone else wrote), read for copying its pages: classic
/// cross-reference tables and cross-reference streams, `/Prev` chains (later sections win),
/// and objects packed in object streams. Unlike `CairoPDF`, nothing about the writer is
/// assumed; a file this reader cannot follow is refused (the pack then draws it through poppler).
struct ForeignPDF {
    enum Location {
        case offset(Int)
        /// Inside object stream `stream`, as its `index`th object.
        case packed(stream: Int, index: Int)
    }

    let bytes: [UInt8]
    let trailer: PDFDictionary
    private let locations: [Int: Location]
    /// Object streams already unpacked: stream number → (its objects' bytes, each one's range).
    private let packed: Locked<[Int: (data: [UInt8], objects: [Int: Range<Int>])]> = Locked([:])

    init(_ bytes: [UInt8]) throws(PDFError) {
        self.bytes = bytes
        guard let start = Self.lastIndex(of: "startxref", in: bytes), case var lexer = ContentLexer(bytes, at: start + 9),
              let token = lexer.next(), var offset = Int(lexer.text(token)) else { throw PDFError("no startxref") }
        var locations: [Int: Location] = [:]
        var trailer: PDFDictionary?
        var seen: Set<Int> = []
        // Newest section first: an object already located keeps the newer place.
        while offset >= 0, offset < bytes.count, seen.insert(offset).inserted, seen.count < 64 {
            let (section, dictionary) = try Self.section(bytes, at: offset)
            for (number, location) in section where locations[number] == nil { locations[number] = location }
            if trailer == nil { trailer = dictionary }
            if let hybrid = dictionary["XRefStm"]?.int, seen.insert(hybrid).inserted {
                for (number, location) in try Self.section(bytes, at: hybrid).entries where locations[number] == nil { locations[number] = location }
            }
            guard let previous = dictionary["Prev"]?.int else { break }
            offset = previous
        }
        guard let trailer else { throw PDFError("no trailer") }
        guard trailer["Encrypt"] == nil else { throw PDFError("the file is encrypted") }
        self.trailer = trailer
        self.locations = locations
    }

    /// An object's value, and for a stream its (still encoded) data.
    func object(_ number: Int) throws(PDFError) -> (value: PDFValue, data: ArraySlice<UInt8>?) {
        switch locations[number] {
        case nil: return (.null, nil)  // a missing object is null (PDF 32000-1, 7.3.10)
        case .offset(let offset):
            return try Self.object(number, at: offset, in: bytes) { (length) throws(PDFError) in try object(length).value.int }
        case .packed(let stream, _):
            let unpacked = try objects(in: stream)
            guard let range = unpacked.objects[number] else { throw PDFError("object \(number) is not in object stream \(stream)") }
            var parser = ValueParser(lexer: ContentLexer(unpacked.data, at: range.lowerBound))
            return (try parser.value() ?? .null, nil)
        }
    }

    /// The object written at `offset`; `length` resolves an indirect stream /Length.
    private static func object(_ number: Int, at offset: Int, in bytes: [UInt8], length: (Int) throws(PDFError) -> Int?) throws(PDFError)
        -> (value: PDFValue, data: ArraySlice<UInt8>?)
    {
        var lexer = ContentLexer(bytes, at: offset)
        guard lexer.next().flatMap({ Int(lexer.text($0)) }) == number, lexer.next() != nil,
              let obj = lexer.next(), lexer.text(obj) == "obj" else { throw PDFError("object \(number) is not where the xref says") }
        var parser = ValueParser(lexer: lexer)
        guard let value = try parser.value() else { throw PDFError("object \(number) is empty") }
        guard let keyword = parser.lexer.next(), parser.lexer.text(keyword) == "stream", let dictionary = value.dictionaryValue else {
            return (value, nil)
        }
        var start = keyword.range.upperBound
        if start < bytes.count, bytes[start] == 0x0D { start += 1 }
        if start < bytes.count, bytes[start] == 0x0A { start += 1 }
        let count: Int? = switch dictionary["Length"] {
        case .reference(let lengthObject)?: try length(lengthObject)
        case let value?: value.int
        case nil: nil
        }
        guard let count, count >= 0, start + count <= bytes.count else { throw PDFError("stream \(number) has no usable /Length") }
        return (value, bytes[start..<(start + count)])
    }

    /// A value with references followed (to a depth, so a loop cannot hang).
    func resolve(_ value: PDFValue?) throws(PDFError) -> PDFValue? {
        var value = value
        var hops = 0
        while case .reference(let number)? = value, hops < 16 {
            value = try object(number).value
            hops += 1
        }
        return value
    }

    func dictionary(_ value: PDFValue?) throws(PDFError) -> PDFDictionary? { try resolve(value)?.dictionaryValue }

    /// A stream's decoded data: no filter or FlateDecode (with PNG predictors) only.
    func decoded(_ number: Int) throws(PDFError) -> [UInt8] {
        let (value, data) = try object(number)
        guard let dictionary = value.dictionaryValue, let data else { throw PDFError("object \(number) is not a stream") }
        return try decode(Array(data), dictionary)
    }

    func decode(_ data: [UInt8], _ dictionary: PDFDictionary) throws(PDFError) -> [UInt8] {
        try Self.decode(data, dictionary) { (value) throws(PDFError) in try resolve(value) }
    }

    private static func decode(_ data: [UInt8], _ dictionary: PDFDictionary, resolve: (PDFValue?) throws(PDFError) -> PDFValue?) throws(PDFError)
        -> [UInt8]
    {
        let filters = try resolve(dictionary["Filter"])?.list.compactMap(\.nameValue) ?? []
        guard filters.isEmpty || filters == ["FlateDecode"] else { throw PDFError("a stream uses the filters \(filters)") }
        guard !filters.isEmpty else { return data }
        guard let plain = inflated(data) else { throw PDFError("a stream's Flate data is damaged") }
        let parameters = try resolve(try resolve(dictionary["DecodeParms"])?.list.first)?.dictionaryValue
        guard let predictor = parameters?["Predictor"]?.int, predictor >= 10 else { return plain }
        return try unpredicted(plain, columns: parameters?["Columns"]?.int ?? 1)
    }

    // MARK: - Cross-reference sections

    private static func section(_ bytes: [UInt8], at offset: Int) throws(PDFError) -> (entries: [(Int, Location)], trailer: PDFDictionary) {
        var lexer = ContentLexer(bytes, at: offset)
        guard let first = lexer.next() else { throw PDFError("no cross-reference section at \(offset)") }
        if lexer.text(first) == "xref" { return try table(&lexer) }
        // A cross-reference stream: "N 0 obj << /Type /XRef … >> stream", its /Length direct.
        guard let number = Int(lexer.text(first)) else { throw PDFError("no cross-reference section at \(offset)") }
        let (value, data) = try object(number, at: offset, in: bytes) { (_) throws(PDFError) -> Int? in nil }
        guard let dictionary = value.dictionaryValue, dictionary["Type"]?.nameValue == "XRef", let data else {
            throw PDFError("no cross-reference section at \(offset)")
        }
        let plain = try decode(Array(data), dictionary, resolve: { $0 })
        let widths = dictionary["W"]?.list.compactMap(\.int) ?? []
        guard widths.count == 3, widths.allSatisfy({ $0 >= 0 && $0 <= 8 }), widths.reduce(0, +) > 0 else { throw PDFError("bad /W in a cross-reference stream") }
        let ranges = dictionary["Index"]?.list.compactMap(\.int) ?? [0, dictionary["Size"]?.int ?? 0]
        let rowLength = widths.reduce(0, +)
        var entries: [(Int, Location)] = []
        var row = 0
        for pair in stride(from: 0, to: ranges.count - 1, by: 2) where ranges[pair] >= 0 {
            for number in ranges[pair]..<(ranges[pair] + max(0, ranges[pair + 1])) {
                guard (row + 1) * rowLength <= plain.count else { break }
                var fields: [Int] = []
                var at = row * rowLength
                for width in widths {
                    var value = 0
                    for _ in 0..<width { value = value << 8 | Int(plain[at]); at += 1 }
                    fields.append(value)
                }
                let kind = widths[0] == 0 ? 1 : fields[0]
                if kind == 1 { entries.append((number, .offset(fields[1]))) }
                if kind == 2 { entries.append((number, .packed(stream: fields[1], index: fields[2]))) }
                row += 1
            }
        }
        return (entries, dictionary)
    }

    private static func table(_ lexer: inout ContentLexer) throws(PDFError) -> (entries: [(Int, Location)], trailer: PDFDictionary) {
        var entries: [(Int, Location)] = []
        while true {
            guard let first = lexer.next() else { throw PDFError("truncated xref") }
            if lexer.text(first) == "trailer" { break }
            guard let firstNumber = Int(lexer.text(first)), let countToken = lexer.next(), let count = Int(lexer.text(countToken)), count >= 0 else {
                throw PDFError("bad xref subsection")
            }
            for number in firstNumber..<(firstNumber + count) {
                guard let offset = lexer.next(), lexer.next() != nil, let kind = lexer.next() else { throw PDFError("truncated xref") }
                if lexer.text(kind) == "n", let at = Int(lexer.text(offset)), at > 0 { entries.append((number, .offset(at))) }
            }
        }
        var parser = ValueParser(lexer: lexer)
        guard let trailer = try parser.value()?.dictionaryValue else { throw PDFError("no trailer dictionary") }
        return (entries, trailer)
    }

    /// The objects of an object stream (PDF 32000-1, 7.5.7), unpacked once.
    private func objects(in stream: Int) throws(PDFError) -> (data: [UInt8], objects: [Int: Range<Int>]) {
        if let known = packed.withLock({ $0[stream] }) { return known }
        let (value, _) = try object(stream)
        guard let dictionary = value.dictionaryValue, dictionary["Type"]?.nameValue == "ObjStm",
              let count = dictionary["N"]?.int, let first = dictionary["First"]?.int else { throw PDFError("object \(stream) is not an object stream") }
        let data = try decoded(stream)
        var lexer = ContentLexer(data)
        var starts: [(number: Int, offset: Int)] = []
        for _ in 0..<max(0, count) {
            guard let n = lexer.next(), let o = lexer.next(), let number = Int(lexer.text(n)), let offset = Int(lexer.text(o)) else { break }
            starts.append((number, first + offset))
        }
        var objects: [Int: Range<Int>] = [:]
        for (index, start) in starts.enumerated() where start.offset <= data.count {
            let end = index + 1 < starts.count ? min(data.count, max(start.offset, starts[index + 1].offset)) : data.count
            objects[start.number] = start.offset..<end
        }
        packed.withLock { $0[stream] = (data, objects) }
        return (data, objects)
    }

    /// Undoes PNG row predictors (PDF 32000-1, 7.4.4.4), as cross-reference and object streams use them.
    private static func unpredicted(_ data: [UInt8], columns: Int) throws(PDFError) -> [UInt8] {
        guard columns > 0 else { throw PDFError("bad /Columns") }
        var out: [UInt8] = []
        var previous = [UInt8](repeating: 0, count: columns)
        var at = 0
        while at + columns + 1 <= data.count {
            let type = data[at]
            var row = Array(data[(at + 1)...(at + columns)])
            for i in 0..<columns {
                let left = i > 0 ? Int(row[i - 1]) : 0, up = Int(previous[i]), corner = i > 0 ? Int(previous[i - 1]) : 0
                let add: Int
                switch type {
                case 1: add = left
                case 2: add = up
                case 3: add = (left + up) / 2
                case 4:
                    let p = left + up - corner, pa = abs(p - left), pb = abs(p - up), pc = abs(p - corner)
                    add = pa <= pb && pa <= pc ? left : pb <= pc ? up : corner
                default: add = 0
                }
                row[i] = UInt8(truncatingIfNeeded: Int(row[i]) + add)
            }
            out += row
            previous = row
            at += columns + 1
        }
        return out
    }

    private static func lastIndex(of word: String, in bytes: [UInt8]) -> Int? {
        let needle = Array(word.utf8)
        guard bytes.count >= needle.count else { return nil }
        let floor = max(0, bytes.count - 4096)
        for index in stride(from: bytes.count - needle.count, through: floor, by: -1) where bytes[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }
}
