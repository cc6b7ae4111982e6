public import QuireModel

/// What an import made of a legacy paper: the front matter and body of a Quire source, and
/// everything a person should look at before trusting it (warnings, lines it could not place).
public struct ImportResult: Sendable {
    public var file: String
    public var frontMatter: ImportedFrontMatter
    public var body: [BodyBlock]
    public var warnings: [ImportWarning]
    /// Lines kept in the body as plain paragraphs because no rule claimed them.
    public var unplaced: [UnplacedLine]
    /// Lines dropped as page furniture (running headers and footers, page numbers; PDF only).
    public var furniture: [UnplacedLine]
}

/// The header rows and closing sections, under the keys Quire's front matter accepts
/// (`Sources/QuireSource/FrontMatterKeys.swift`). Text is plain: `writeSource` escapes it.
public struct ImportedFrontMatter: Sendable, Equatable {
    public var layout = "committee-paper"
    public var by: [Person] = []
    /// The header said "From:" rather than "By:", so the row keeps that label.
    public var byIsFrom = false
    public var to: String?
    /// `YYYY-MM-DD`.
    public var date: String?
    public var subject: String?
    public var classification: String?
    public var summary: String?
    /// One entry is written as text, several as a list (rendered (a), (b), …).
    public var recommendation: [String] = []
    public var decisionNumber: String?
    public var keyDecision: String?
    public var electoralDivisions: String?
    public var pastPathway: String?
    public var futurePathway: String?
    /// Further "Label: value" rows, in the order met.
    public var fields: [Field] = []
    public var backgroundDocuments: [String] = []
    public var contact: [Contact] = []

    public struct Field: Sendable, Equatable {
        public var label: String
        public var value: String
    }

    public init() {}
}

/// One block of the Markdown body. Paragraph numbers are gone: Quire numbers paragraphs itself.
public enum BodyBlock: Sendable, Equatable {
    /// `# Title`: a numbered section.
    case section(String)
    case paragraph(String)
    /// Lettered items (a), (b), …, each with its own sub-items (i), (ii), ….
    case letteredList([ListItem])
    /// Bulleted items ("•", "-").
    case bulletList([String])
}

public struct ListItem: Sendable, Equatable {
    public var text: String
    public var subItems: [String] = []

    public init(text: String, subItems: [String] = []) {
        self.text = text
        self.subItems = subItems
    }
}

/// A note for the author, printed as `file:LINE: warning: message` (the form editors jump to);
/// for a PDF, the page follows, as its line numbers count the extracted text.
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

/// A legacy line no rule placed (or dropped as furniture), with why.
public struct UnplacedLine: Sendable, Equatable {
    public var line: Int
    /// The PDF page it came from, for PDF input.
    public var page: Int?
    public var text: String
    public var reason: String
}
