import QuireModel

/// The two parts of a source file and where each starts (1-based lines).
struct SplitSource {
    var yaml: String
    var yamlLine: Int
    var body: String
    var bodyLine: Int
}

/// Splits `---` YAML front matter from the Markdown body.
func splitFrontMatter(_ text: String, file: String) throws(QuireError) -> SplitSource {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let first = lines.first, first.trimmingTrailingSpace == "---" else {
        throw QuireError(
            .missingField, at: SourceLocation(file: file, line: 1), "the file does not start with YAML front matter",
            hint: "begin the file with a line '---', the header fields (subject:, by:, to:, date:, …), and another '---'")
    }
    for index in 1..<lines.count where lines[index].trimmingTrailingSpace == "---" || lines[index].trimmingTrailingSpace == "..." {
        let yaml = lines[1..<index].joined(separator: "\n")
        let body = lines[(index + 1)...].joined(separator: "\n")
        return SplitSource(yaml: yaml, yamlLine: 2, body: body, bodyLine: index + 2)
    }
    throw QuireError(
        .yaml, at: SourceLocation(file: file, line: 1), "the front matter is never closed",
        hint: "add a line '---' after the last header field, before the body text")
}

extension Substring {
    var trimmingTrailingSpace: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
