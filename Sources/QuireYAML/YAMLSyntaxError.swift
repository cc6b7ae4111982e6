import Foundation
import QuireModel
import Yams

extension YAMLReader {
    /// A syntax error in words, at the line to fix, with the lines (0-based, in the YAML text)
    /// that recovery blanks to look past it. Tabs and curly quotes, the usual causes in text
    /// pasted from Word or Outlook, are named as such.
    func syntaxError(_ error: YamlError, in yaml: String) -> (error: QuireError, lines: ClosedRange<Int>) {
        let textLines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        var line = 1
        var problem = "\(error)"
        var blank = 1...1
        switch error {
        case .scanner(let context, let p, let mark, _), .parser(let context, let p, let mark, _), .composer(let context, let p, let mark, _):
            line = mark.line
            blank = mark.line...mark.line
            problem = p
            // An unclosed bracket or quote is noticed lines later; name the line it opened on,
            // where the fix is. (A block mapping's context is the whole document: no help.)
            if let context, context.text.contains("flow") || context.text.contains("quoted"), context.mark.line < mark.line {
                problem += " (\(context.text.replacingOccurrences(of: "while ", with: "")) that starts on this line; noticed on line \(lineOffset + line))"
                line = context.mark.line
                blank = context.mark.line...mark.line
            }
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams refuses repeated keys itself, before our own check can see them.
            let name = duplicates.first ?? "?"
            let at = context.mark.line
            return (QuireError(.invalidValue, at: SourceLocation(file: file, line: lineOffset + at), field: name,
                               "'\(name)' is given more than once (first on this line)", hint: "keep one of them"), at - 1...at - 1)
        default:
            break
        }
        if problem.contains("Maximum nesting level") {
            return (QuireError(.limit, at: SourceLocation(file: file, line: lineOffset + line), "\(document) nests lists and maps more than 1000 levels deep",
                               hint: "flatten it: a few levels of lists and maps are all it needs"), blank)
        }
        let text = line - 1 < textLines.count && line >= 1 ? String(textLines[line - 1]) : ""
        let location = SourceLocation(file: file, line: lineOffset + line)
        if text.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
            return (QuireError(.yaml, at: location, "\(document) is not valid YAML: this line is indented with a tab",
                               hint: "YAML indents with spaces only; replace the tab with spaces (two per level)"), blank.lowerBound - 1...blank.upperBound - 1)
        }
        let hint: String
        if text.contains(where: { "“”„‘’‚".contains($0) }) {
            hint = "this line has curly quotes (“ ” or ‘ ’), which YAML reads as letters, not quotes; use straight quotes (\" or ') around a value containing ': ' (Word and Outlook turn quotes curly when text is pasted)"
        } else {
            hint = "check the indentation and quote values that contain ': ' or start with a special character such as '*', '&', '[' or '{'"
        }
        return (QuireError(.yaml, at: location, "\(document) is not valid YAML: \(problem)", hint: hint), blank.lowerBound - 1...blank.upperBound - 1)
    }
}
