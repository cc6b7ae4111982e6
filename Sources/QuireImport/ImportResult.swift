public import QuireModel

/// What an import made of a paper: the Quire paper to write, and everything a person should
/// look at before trusting it (warnings, what the layout will miss, what was set aside).
public struct ImportResult: Sendable {
    /// The file read, as the user named it.
    public var file: String
    /// The paper: front matter under the registry's fields, the body as blocks.
    public var paper: Paper
    /// The paper as a Quire source (`writeSource(Paper)`), as it will be written.
    public var source: String
    public var warnings: [ImportWarning]
    /// The layout named, and why.
    public var layout: ImportLayout
    /// The numbering the output prints: the layout's, with the paper's `numbering:` over it.
    public var numbering: NumberingOptions
    /// Fields the layout shows that the source lacks: the paper renders without them.
    public var missing: [FrontMatterField]
    /// Images to write beside the source, under their names.
    public var images: [ImportImage]
    /// Text the reader set aside as page furniture.
    public var furniture: [SourceText]
    /// Text the rules took out on purpose (labels, printed numbers, dates now ISO).
    public var dropped: [DroppedText]
    /// Blocks the rules placed nowhere else, kept at the end of the body (the ledger's
    /// safety net: empty unless a rule missed something).
    public var unplaced: [SourceText]
    /// The word check's counts, for the report.
    public var wordCheck: WordCheck
}

/// The word ledger's figures.
public struct WordCheck: Sendable, Hashable {
    public var sourceWords: Int
    public var droppedWords: Int
    public var furnitureWords: Int
    /// Words the output has more often than the source, or out of order (after the safety
    /// net: zero when the import is clean).
    public var extraWords: [String]
    public var outOfOrderWords: [String]
    public var repeatedParagraphs: [String]
}

/// A note for the author, printed as `file:LINE: warning: message` (the form editors jump
/// to); for a PDF, the page follows.
public struct ImportWarning: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var page: Int?

    public init(file: String, line: Int, message: String, page: Int? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.page = page
    }

    public var description: String { "\(file):\(line): warning: \(message)" + (page.map { " (page \($0))" } ?? "") }
}
