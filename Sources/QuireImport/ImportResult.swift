public import QuireModel

/// What an import made of a legacy paper: the front matter and body of a Quire source, and
/// everything a person should look at before trusting it (warnings, lines it could not place).
public struct ImportResult: Sendable {
    public var file: String
    /// The header rows and closing sections under the fields of the registry, as plain text
    /// (the source writer escapes it).
    public var frontMatter: FrontMatter
    public var body: [BodyBlock]
    public var warnings: [ImportWarning]
    /// Lines kept in the body as plain paragraphs because no rule claimed them.
    public var unplaced: [UnplacedLine]
    /// Lines dropped as page furniture (running headers and footers, page numbers; PDF only).
    public var furniture: [UnplacedLine]
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
