import Foundation
import QuireModel
import QuireSource

/// Parses source text as a file named `file`.
func parse(_ text: String, file: String = "paper.md", figures: FigureData = FigureData()) throws(QuireError) -> Paper {
    try parsePaper(data: Data(text.utf8), file: file, figures: figures)
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

/// An example paper (`examples/<name>/paper.md`), read with its data files as `quire render`
/// reads it.
func parseExample(_ name: String) throws -> Paper {
    try parseFile(repositoryRoot.appendingPathComponent("examples/\(name)/paper.md"))
}

/// A source file read with the data files it names beside it.
func parseFile(_ url: URL) throws -> Paper {
    let folder = url.deletingLastPathComponent()
    let source = try parseSource(data: try Data(contentsOf: url), file: url.lastPathComponent)
    var data = DataSet()
    for file in source.frontMatter.data {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        for indicator in try parseDataFile(text, file: file) { try data.add(indicator) }
    }
    return try source.paper(figures: FigureData(data: data))
}
