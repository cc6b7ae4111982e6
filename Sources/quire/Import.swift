import ArgumentParser
import Foundation
import QuireImport
import QuireKit
import QuireModel

/// `quire import old-paper.txt -o paper.md`: a legacy paper (a text export or a PDF) as a Quire
/// source, with a report of what needs a person's eye.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a legacy committee paper (plain text or PDF) as a Quire source.",
        discussion: """
            Warnings go to stderr and, with every line the importer could not place, to the report.

            Examples:
              quire import old-paper.txt -o paper.md
              quire import old-paper.pdf --layout cabinet-decision

            Exit status: 0 when the source is written, 2 when the input cannot be read.
            """)

    @Argument(help: "The legacy paper: a UTF-8 text export or a PDF.")
    var input: String

    @Option(name: .shortAndLong, help: "The source to write (default: the input's name with .md).")
    var output: String?

    @Option(help: "The import report to write (default: the output's name + .import-report.txt).")
    var report: String?

    @Option(help: "The layout the source names (see `quire layouts`).")
    var layout: String = "committee-paper"

    func run() async throws {
        let destination = output ?? (input as NSString).deletingPathExtension + ".md"
        let reportPath = report ?? destination + ".import-report.txt"
        try exitingOnInputError { () throws(QuireError) in
            let layouts = (try? Resources.locate().availableLayouts().map(\.name)) ?? []
            guard layouts.isEmpty || layouts.contains(layout) else {
                throw QuireError(.layout, at: nil, field: "layout", "unknown layout '\(layout)'", hint: "available layouts: \(layouts.joined(separator: ", "))")
            }
            guard URL(fileURLWithPath: destination).standardizedFileURL.path != URL(fileURLWithPath: input).standardizedFileURL.path else {
                throw QuireError(.io, at: nil, "the output '\(destination)' would overwrite the legacy paper", hint: "name another file with -o")
            }
            guard let data = FileManager.default.contents(atPath: input) else {
                throw QuireError(.io, at: SourceLocation(file: input, line: 1), "cannot read the file", hint: "check the path and that it is readable")
            }
            let result = try importLegacyPaper(try readLegacyText(data, file: input), layout: layout)
            try write(writeSource(result), to: destination)
            try write(writeReport(result, output: destination), to: reportPath)
            for warning in result.warnings {
                FileHandle.standardError.write(Data((warning.description + "\n").utf8))
            }
            FileHandle.standardError.write(Data("wrote \(destination) (\(result.unplaced.count) unplaced lines, \(result.warnings.count) warnings; see \(reportPath))\n".utf8))
        }
    }

    /// Writes through a temporary file, so a failed run leaves no half-written source.
    private func write(_ text: String, to path: String) throws(QuireError) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw QuireError(.io, at: nil, "cannot write '\(path)': \(error.localizedDescription)")
        }
    }
}
