/// A committee paper as the author wrote it: header fields and body blocks.
public struct Paper: Hashable, Sendable {
    public var frontMatter: FrontMatter
    public var body: [Block]
    /// The file it came from, for messages.
    public var file: String
    /// Line in the file where the body starts (after the front matter).
    public var bodyLine: Int
    /// What parsing noticed but did not refuse (a paragraph number typed by habit); reported
    /// with the layout's own warnings.
    public var warnings: [Diagnostic] = []

    public init(frontMatter: FrontMatter, body: [Block], file: String, bodyLine: Int, warnings: [Diagnostic] = []) {
        self.frontMatter = frontMatter
        self.body = body
        self.file = file
        self.bodyLine = bodyLine
        self.warnings = warnings
    }
}
