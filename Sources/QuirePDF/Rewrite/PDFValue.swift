/// A PDF object as the finisher reads and writes it (PDF 32000-1, 7.3). Numbers and strings
/// keep their written form, so what is not changed is written back exactly. Not `indirect`:
/// arrays and dictionaries hold their items on the heap already, and boxing every value was
/// a tenth of a pack's allocations (850,000 of 8.8 million at 2,000 pages).
enum PDFValue: Equatable {
    case null
    case bool(Bool)
    case number(String)
    /// Without the slash.
    case name(String)
    /// The string token as written, delimiters included.
    case string([UInt8])
    case array([PDFValue])
    case dictionary(PDFDictionary)
    case reference(Int)

    static func integer(_ value: Int) -> PDFValue { .number(String(value)) }

    /// A real number to a thousandth, written without an exponent ("12.5", "-3").
    static func real(_ value: Double) -> PDFValue {
        let thousandths = Int((value * 1000).rounded())
        let sign = thousandths < 0 ? "-" : "", magnitude = abs(thousandths)
        var text = sign + String(magnitude / 1000)
        if magnitude % 1000 != 0 {
            var fraction = String(magnitude % 1000)
            fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return .number(text == "-0" ? "0" : text)
    }

    /// A text string: UTF-16BE with a byte-order mark, as hex (safe for any text).
    static func text(_ value: String) -> PDFValue {
        var hex = Array("<FEFF".utf8)
        for unit in value.utf16 {
            for shift in [12, 8, 4, 0] { hex.append(Array("0123456789ABCDEF".utf8)[Int(unit >> UInt16(shift)) & 0xF]) }
        }
        return .string(hex + [UInt8(ascii: ">")])
    }

    /// A byte string of ASCII text (dates), escaped as a literal.
    static func ascii(_ value: String) -> PDFValue {
        var out: [UInt8] = [UInt8(ascii: "(")]
        for byte in value.utf8 {
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
        }
        return .string(out + [UInt8(ascii: ")")])
    }

    var int: Int? { if case .number(let text) = self { Int(text) } else { nil } }
    var double: Double? { if case .number(let text) = self { Double(text) } else { nil } }
    var nameValue: String? { if case .name(let name) = self { name } else { nil } }
    var reference: Int? { if case .reference(let number) = self { number } else { nil } }
    var dictionaryValue: PDFDictionary? { if case .dictionary(let d) = self { d } else { nil } }
    /// An array's items, or the value itself as a one-item list (null: none).
    var list: [PDFValue] {
        switch self {
        case .array(let items): items
        case .null: []
        default: [self]
        }
    }

    func write(into out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let value): out += Array((value ? "true" : "false").utf8)
        case .number(let text): out += Array(text.utf8)
        case .name(let name): out.append(UInt8(ascii: "/")); out += Array(name.utf8)
        case .string(let raw): out += raw
        case .reference(let number): out += Array("\(number) 0 R".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: " ")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .dictionary(let dictionary): dictionary.write(into: &out)
        }
    }
}

/// A dictionary keeping its keys in written order (new keys go last).
struct PDFDictionary: Equatable {
    private(set) var entries: [(key: String, value: PDFValue)] = []

    init(_ entries: [(String, PDFValue)] = []) {
        for (key, value) in entries { self[key] = value }
    }

    static func == (a: PDFDictionary, b: PDFDictionary) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    subscript(key: String) -> PDFValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            let index = entries.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append((key, value))
            case (nil, nil): break
            }
        }
    }

    func write(into out: inout [UInt8]) {
        out += Array("<<".utf8)
        for (key, value) in entries {
            out += Array(" /\(key) ".utf8)
            value.write(into: &out)
        }
        out += Array(" >>".utf8)
    }
}
