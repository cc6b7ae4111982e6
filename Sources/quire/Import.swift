import ArgumentParser
import Foundation
import QuireImport
import QuireKit
import QuireModel

/// `quire import old-paper.pdf -o paper.md`: a published paper (a PDF or a text export) as a
/// Quire source that renders, with its images beside it and a report of what needs a
/// person's eye.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a published committee paper (PDF or plain text) as a Quire source.",
        discussion: """
            The layout is the closest bundled house style unless --layout names one. Warnings go to \
            stderr and, with what the layout will show without and what was set aside, to the report. \
            Bad input exits 2 and writes nothing.
            """)

    @Argument(help: "The paper: a PDF or a UTF-8 text export.")
    var input: String

    @Option(name: .shortAndLong, help: "The source to write (default: the input's name with .md).")
    var output: String?

    @Option(help: "The import report to write (default: the output's name + .import-report.txt).")
    var report: String?

    @Option(help: "The layout the source names (default: the closest house style; see `quire layouts`).")
    var layout: String?

    func run() async throws {
        let destination = output ?? (input as NSString).deletingPathExtension + ".md"
        let reportPath = report ?? destination + ".import-report.txt"
        try exitingOnInputError { () throws(QuireError) in
            let resources = Resources.locate()
            let profiles = resources.layoutProfiles()
            if let layout {
                let names = profiles.map(\.name)
                guard names.isEmpty || names.contains(layout) else {
                    throw QuireError(.layout, at: nil, field: "layout", "unknown layout '\(layout)'", hint: "available layouts: \(names.joined(separator: ", "))")
                }
            }
            guard URL(fileURLWithPath: destination).standardizedFileURL.path != URL(fileURLWithPath: input).standardizedFileURL.path else {
                throw QuireError(.io, at: nil, "the output '\(destination)' would overwrite the paper being imported", hint: "name another file with -o")
            }
            guard let data = FileManager.default.contents(atPath: input) else {
                throw QuireError(.io, at: SourceLocation(file: input, line: 1), "cannot read the file", hint: "check the path and that it is readable")
            }
            let document = try readImportDocument(data, file: input)
            let result = try importPaper(document, layout: layout, profiles: profiles.isEmpty ? [.committeePaper] : profiles)
            let folder = URL(fileURLWithPath: destination).deletingLastPathComponent()
            for image in result.images {
                try write(Data(image.data), to: folder.appendingPathComponent(image.name).path)
            }
            try write(Data(result.source.utf8), to: destination)
            try write(Data(writeReport(result, output: destination).utf8), to: reportPath)
            for warning in result.warnings {
                FileHandle.standardError.write(Data((warning.description + "\n").utf8))
            }
            FileHandle.standardError.write(Data("wrote \(destination) (layout \(result.layout.name); \(result.warnings.count) warnings, \(result.missing.count) fields the layout shows that the source lacks; see \(reportPath))\n".utf8))
        }
    }

    /// Writes through a temporary file, so a failed run leaves no half-written file.
    private func write(_ data: Data, to path: String) throws(QuireError) {
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw QuireError(.io, at: nil, "cannot write '\(path)': \(error.localizedDescription)")
        }
    }
}
