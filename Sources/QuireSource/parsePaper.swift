public import Foundation
public import QuireModel

/// Source text → `Paper`, with its figures built from `figures` (no data files: a paper that
/// quotes figures is then an error naming the first one).
public func parsePaper(data: Data, file: String, figures: FigureData = FigureData()) throws(QuireError) -> Paper {
    try parseSource(data: data, file: file).paper(figures: figures)
}

/// A source split into its front matter, read, and its body, not yet: the front matter names
/// the layout and the data files the body's figures need (a ```table block, a `{{ … }}`),
/// so those are found before the body is read.
public struct PaperSource: Sendable {
    public var frontMatter: FrontMatter
    public var file: String
    var body: String
    var bodyLine: Int

    /// The body read into blocks, ```table and ```chart blocks built from `figures` and every
    /// `{{ … }}` replaced by its figure, so the paper holds only what layout draws.
    public func paper(figures: FigureData) throws(QuireError) -> Paper {
        let resolver = FigureResolver(data: figures.data, file: file, style: figures.style)
        // Tables built from data are written in their style already: the pass over the text
        // that follows leaves them as they are (it writes hand-written tables' figures).
        let built = BuiltTables()
        let (body, warnings) = try parseBody(body, file: file, firstLine: bodyLine) { (kind: String, spec: String, line: Int) throws(QuireError) -> Block in
            built.lines.insert(line)
            return try resolver.figure(kind: kind, spec: spec, line: line)
        }
        return try resolveFigures(Paper(frontMatter: frontMatter, body: body, file: file, bodyLine: bodyLine, warnings: warnings),
                                  with: resolver, builtAt: built.lines)
    }
}

/// The lines of the ```table blocks built while a body was read.
private final class BuiltTables {
    var lines = Set<Int>()
}

/// What a paper's figures are built from: its data files' indicators, and the layout's
/// figure style under every other.
public struct FigureData: Sendable {
    public var data: DataSet
    public var style: FigureStyle

    public init(data: DataSet = DataSet(), style: FigureStyle = FigureStyle()) {
        self.data = data
        self.style = style
    }
}

/// Source text → its front matter and its body's text. Throws one `QuireError` naming file,
/// line and field for every problem of the front matter, so the author fixes them in one go.
public func parseSource(data: Data, file: String) throws(QuireError) -> PaperSource {
    let text = try decodeUTF8(data, file: file)
    let split = try splitFrontMatter(text, file: file)
    var frontMatter = try parseFrontMatter(String(split.yaml), file: file, firstLine: split.yamlLine)
    if frontMatter.lines.isEmpty { frontMatter.lines["---"] = 1 }
    guard split.body.contains(where: { !$0.isWhitespace }) else {
        throw QuireError(
            // The closing '---' when nothing follows it: the line after would not exist.
            .emptyBody, at: SourceLocation(file: file, line: min(split.bodyLine, max(1, text.split(separator: "\n", omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0)))),
            "the paper has no body text",
            hint: "write the report below the closing '---' of the front matter, starting with a '# Introduction' section")
    }
    return PaperSource(frontMatter: frontMatter, file: file, body: String(split.body), bodyLine: split.bodyLine)
}

