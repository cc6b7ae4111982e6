import ArgumentParser
import Foundation
import QuireImport
import QuireImportPDF
import QuireKit
import QuireModel

/// `quire import old-paper.pdf -o paper.md`: a published paper (a PDF or a text export) or a
/// Word document as a Quire source that renders, with its images beside it and a report of
/// what needs a person's eye.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a committee paper (a Word document, a PDF or plain text) as a Quire source.",
        discussion: """
            The layout is the closest bundled house style unless --layout names one. Warnings go to \
            stderr and, with what the layout will show without and what was set aside, to the report. \
            Bad input exits 2 and writes nothing.

            Examples:
              quire import report.docx -o paper.md
              quire import old-paper.pdf --layout cabinet-decision

            Exit status: 0 when the source is written, 2 when the input cannot be read.
            """)

    @Argument(help: "The paper: a Word document (.docx), a PDF or a UTF-8 text export.")
    var input: String

    @Option(name: .shortAndLong, help: "The source to write (default: the input's name with .md); - writes it to standard output.")
    var output: String?

    @Option(help: "The import report to write (default: the output's name + .import-report.txt).")
    var report: String?

    @Option(help: "The layout the source names (default: the closest house style; see `quire layouts`).")
    var layout: String?

    func run() throws {
        TemporaryFiles.removeOnSignal()
        let destination = output ?? (input as NSString).deletingPathExtension + ".md"
        // With the source on standard output, the report goes where the source would have.
        let reportPath = report ?? (destination == "-" ? (input as NSString).deletingPathExtension + ".md" : destination) + ".import-report.txt"
        try exitingOnInputError { () throws(QuireError) in
            let resources = Resources.locate()
            let profiles = resources.layoutProfiles()
            if let layout {
                let names = profiles.map(\.name)
                guard names.isEmpty || names.contains(layout) else {
                    throw QuireError(.layout, at: nil, field: "layout", "unknown layout '\(layout)'", hint: "available layouts: \(names.joined(separator: ", "))")
                }
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
            let document = try readImportDocument(data, file: input)
            let result = try importPaper(document, layout: layout, profiles: profiles.isEmpty ? [.committeePaper] : profiles)
            // Images go beside the source (beside the report when the source goes to standard output).
            let folder = URL(fileURLWithPath: destination == "-" ? reportPath : destination).deletingLastPathComponent()
            for image in result.images {
                let path = folder.appendingPathComponent(image.name).path
                try createFolder(of: path)
                try writeAtomically(Data(image.data), to: path, inputs: inputs, option: "image")
            }
            let source = Data(result.source.utf8)
            if destination == "-" {
                try writeToStandardOutput(source)
            } else {
                try writeAtomically(source, to: destination, inputs: inputs)
            }
            try writeAtomically(Data(writeReport(result, output: destination).utf8), to: reportPath, inputs: inputs, option: "--report")
            for warning in result.warnings {
                FileHandle.standardError.write(Data((warning.description + "\n").utf8))
            }
            FileHandle.standardError.write(Data("wrote \(destination == "-" ? "the source to standard output" : destination) (layout \(result.layout.name); \(result.warnings.count) warnings, \(result.missing.count) fields the layout shows that the source lacks; see \(reportPath))\n".utf8))
        }
    }

    private func resolvedPath(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().path }

    /// The folder an image goes in (`media/` beside the source), made when missing.
    private func createFolder(of path: String) throws(QuireError) {
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw QuireError(.io, at: nil, "cannot make the folder for '\(path)': \(error.localizedDescription)")
        }
    }
}
