public import Foundation
public import QuireModel

/// Source text → `Paper`. Throws one `QuireError` naming file, line and field for the first
/// problem found, so the author can fix it and run again.
public func parsePaper(data: Data, file: String) throws(QuireError) -> Paper {
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
    let (body, warnings) = try parseBody(String(split.body), file: file, firstLine: split.bodyLine)
    return Paper(frontMatter: frontMatter, body: body, file: file, bodyLine: split.bodyLine, warnings: warnings)
}
