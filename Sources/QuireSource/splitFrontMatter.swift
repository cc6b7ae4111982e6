import QuireModel

/// The two parts of a source file and where each starts (1-based lines).
struct SplitSource {
    var yaml: Substring
    var yamlLine: Int
    var body: Substring
    var bodyLine: Int
}

/// Splits `---` YAML front matter from the Markdown body, without copying either.
func splitFrontMatter(_ text: String, file: String) throws(QuireError) -> SplitSource {
    var lineStart = text.startIndex
    var line = 1
    var yamlStart: String.Index?
    while lineStart < text.endIndex {
        let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
        let content = text[lineStart..<lineEnd].trimmingTrailingSpace
        let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
        if line == 1 {
            guard content == "---" else {
                throw QuireError(
                    .missingField, at: SourceLocation(file: file, line: 1), "the file does not start with YAML front matter",
                    hint: "begin the file with a line '---', the header fields (subject:, by:, to:, date:, …), and another '---'")
            }
            yamlStart = next
        } else if content == "---" || content == "..." {
            return SplitSource(yaml: text[yamlStart!..<lineStart], yamlLine: 2, body: text[next...], bodyLine: line + 1)
        }
        lineStart = next
        line += 1
    }
    throw QuireError(
        line == 1 ? .missingField : .yaml, at: SourceLocation(file: file, line: 1),
        line == 1 ? "the file is empty" : "the front matter is never closed",
        hint: line == 1 ? "write the header fields between two '---' lines, then the body" : "add a line '---' after the last header field, before the body text")
}

extension Substring {
    var trimmingTrailingSpace: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
