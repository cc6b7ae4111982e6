public import Foundation
public import QuireModel

/// A legacy paper as lines, each with the number a person would look it up by: its line in a
/// text file, or its line in the text extracted from a PDF (with the page it is on).
public struct LegacyText: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        /// 1-based; blank lines made for gaps in a PDF carry the number of the line before.
        public var number: Int
        public var page: Int?
        public var text: String

        public init(number: Int, page: Int? = nil, text: String) {
            self.number = number
            self.page = page
            self.text = text
        }

        public var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
    }

    public var file: String
    public var lines: [Line]
    /// Lines dropped as page furniture before reading (PDF input only).
    public var furniture: [UnplacedLine] = []

    public init(file: String, lines: [Line], furniture: [UnplacedLine] = []) {
        self.file = file
        self.lines = lines
        self.furniture = furniture
    }

    /// Plain text, numbered from 1. Tabs stay: they separate labels from values.
    public init(text: String, file: String) {
        let split = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        self.init(file: file, lines: split.enumerated().map { Line(number: $0.offset + 1, text: String($0.element)) })
    }
}

/// Reads a legacy paper from bytes: a PDF (by its `%PDF-` signature) or UTF-8 text. Throws a
/// located `QuireError` for input that is neither.
public func readLegacyText(_ data: Data, file: String) throws(QuireError) -> LegacyText {
    if data.starts(with: Array("%PDF-".utf8)) {
        return cleanLines(try extractPDFPages(data, file: file), file: file)
    }
    return LegacyText(text: try decodeLegacyText(data, file: file), file: file)
}

/// Checks the bytes are text: UTF-8 without NUL or other control bytes (a binary file can
/// happen to be valid UTF-8). Names the first bad line.
func decodeLegacyText(_ data: Data, file: String) throws(QuireError) -> String {
    let bytes = [UInt8](data)
    // Tab, line feed, form feed (a page break in old exports) and carriage return are text.
    let isControl: (UInt8) -> Bool = { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) || $0 == 0x7F }
    var line = 1
    var lineStart = 0
    for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
        let slice = bytes[lineStart..<index]
        if String(validating: slice, as: UTF8.self) == nil || slice.contains(where: isControl) {
            throw QuireError(
                .encoding, at: SourceLocation(file: file, line: line), "the file is neither UTF-8 text nor a PDF",
                hint: "import a plain-text export saved as UTF-8, or the paper's PDF")
        }
        line += 1
        lineStart = index + 1
    }
    let text = String(decoding: data, as: UTF8.self)
    // A byte-order mark would end up in the first label; form feeds are page breaks.
    return (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text).replacingOccurrences(of: "\u{0C}", with: " ")
}

/// A line the old reader set aside (page furniture), with why.
public struct UnplacedLine: Sendable, Equatable {
    public var line: Int
    /// The PDF page it came from, for PDF input.
    public var page: Int?
    public var text: String
    public var reason: String
}
