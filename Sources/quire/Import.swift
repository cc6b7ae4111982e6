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

    @Option(name: .shortAndLong, help: "The source to write (default: the input's name with .md); - writes it to standard output.")
    var output: String?

    @Option(help: "The import report to write (default: the output's name + .import-report.txt).")
    var report: String?

    @Option(help: "The layout the source names (see `quire layouts`).")
    var layout: String = "committee-paper"

    func run() async throws {
        TemporaryFiles.removeOnSignal()
        let destination = output ?? (input as NSString).deletingPathExtension + ".md"
        // With the source on standard output, the report goes where the source would have.
        let reportPath = report ?? (destination == "-" ? (input as NSString).deletingPathExtension + ".md" : destination) + ".import-report.txt"
        try exitingOnInputError { () throws(QuireError) in
            let layouts = (try? Resources.locate().availableLayouts().map(\.name)) ?? []
            guard layouts.isEmpty || layouts.contains(layout) else {
                throw QuireError(.layout, at: nil, field: "layout", "unknown layout '\(layout)'", hint: "available layouts: \(layouts.joined(separator: ", "))")
            }
            guard reportPath != "-" else {
                throw QuireError(.io, at: nil, field: "--report", "the report cannot go to standard output",
                                 hint: "name a file for it; -o - puts the source on standard output")
            }
            // Neither output may replace the legacy paper, a folder or a device, nor the other output.
            let inputs = [InputFile(input, role: "the legacy paper")]
            if destination != "-" { try checkOutputFile(destination, inputs: inputs) }
            try checkOutputFile(reportPath, inputs: inputs + (destination == "-" ? [] : [InputFile(destination, role: "the source being written")]),
                                option: "--report")
            if destination != "-", resolvedPath(destination) == resolvedPath(reportPath) {
                throw QuireError(.io, at: nil, field: "--report", "the report and the source would both be written to '\(destination)'", hint: "name another file with --report")
            }
            guard let data = FileManager.default.contents(atPath: input) else {
                throw QuireError(.io, at: SourceLocation(file: input, line: 1), "cannot read the file", hint: "check the path and that it is readable")
            }
            let result = try importLegacyPaper(try readLegacyText(data, file: input), layout: layout)
            let source = Data(writeSource(result).utf8)
            if destination == "-" {
                try writeToStandardOutput(source)
            } else {
                try writeAtomically(source, to: destination, inputs: inputs)
            }
            try writeAtomically(Data(writeReport(result, output: destination).utf8), to: reportPath, inputs: inputs, option: "--report")
            for warning in result.warnings {
                FileHandle.standardError.write(Data((warning.description + "\n").utf8))
            }
            FileHandle.standardError.write(Data("wrote \(destination == "-" ? "the source to standard output" : destination) (\(result.unplaced.count) unplaced lines, \(result.warnings.count) warnings; see \(reportPath))\n".utf8))
        }
    }

    private func resolvedPath(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
}
