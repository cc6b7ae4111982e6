import Foundation
import QuireModel
import QuireSource

/// Parses source text as a file named `file`.
func parse(_ text: String, file: String = "paper.md") throws(QuireError) -> Paper {
    try parsePaper(data: Data(text.utf8), file: file)
}

/// The error parsing `data` throws, or nil when it parses.
func parseFailure(_ data: Data, file: String = "paper.md") -> QuireError? {
    do {
        _ = try parsePaper(data: data, file: file)
        return nil
    } catch {
        return error
    }
}

func parseFailure(_ text: String, file: String = "paper.md") -> QuireError? {
    parseFailure(Data(text.utf8), file: file)
}

/// The repository checkout this test file lives in.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The blocks of a paper, minus the front matter noise.
func body(_ markdown: String) throws(QuireError) -> [Block] {
    try parse("---\nsubject: Test\n---\n" + markdown).body
}
