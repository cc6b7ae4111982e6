import ArgumentParser
import Foundation
import QuireCommandLine
import QuireKit
import QuireLayout
import QuireModel

/// `quire render paper.md -o paper.pdf` / `--png out/`.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a paper to PDF (and/or PNG page previews).",
        discussion: """
            Examples:
              quire render paper.md                       # writes paper.pdf beside it
              quire render paper.md -o out/paper.pdf --pdfa
              quire render paper.md --png previews/ --dpi 150

            Exit status: 0 when written (warnings, if any, on stderr), 2 for bad input.
            """)

    @Argument(help: "The paper source (Markdown with YAML front matter), or a Word document (.docx), imported on the way.")
    var source: String

    @Option(name: .shortAndLong, help: "The PDF to write (default: the source name with .pdf); - writes it to standard output.")
    var output: String?

    @Option(help: "Write one PNG per page into this folder instead of (or with -o, as well as) a PDF.")
    var png: String?

    @Option(help: "PNG resolution in dots per inch, from 24 to 600.")
    var dpi: Double = 96

    @Option(help: "Use this layout instead of the one the paper names: a name (see `quire layouts`) or a layout file's path.")
    var layout: String?

    @Flag(inversion: .prefixedNo, help: "Write PDF/A-2b for the archive (default: as the layout says).")
    var pdfa: Bool?

    func validate() throws {
        try validating { () throws(QuireError) in
            try checkOption(dpi, "--dpi", in: 24...600, unit: "dots per inch")
            if png == "-" {
                throw QuireError(.invalidValue, at: nil, field: "--png", "--png needs a folder: PNG pages are written one file a page",
                                 hint: "name a folder, e.g. --png pages; -o - writes the PDF to standard output")
            }
        }
    }

    /// The source's name with .pdf for its extension (.md, or a Word document's), else added.
    static func defaultOutput(for source: String) -> String {
        let known = ["md", "docx", "docm", "dotx", "DOCX"]
        return (known.contains((source as NSString).pathExtension) ? (source as NSString).deletingPathExtension : source) + ".pdf"
    }

    func run() throws {
        TemporaryFiles.removeOnSignal()
        try exitingOnInputError { () throws(QuireError) in
            let writesPDF = png == nil || output != nil
            let pdf = output ?? Render.defaultOutput(for: source)
            // Before any work: a folder, a device or the source itself is never replaced. The
            // render checks again against every file it read (data files, images, the layout).
            if writesPDF, pdf != "-" { try checkOutputFile(pdf, inputs: [InputFile(source, role: "the source")]) }
            let typesetter = Typesetter()
            if let png {
                let result = try typesetter.layout(file: source, root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), layout: layout.map(LayoutChoice.init(commandLine:)))
                report(result.layout.diagnostics)
                try typesetter.writePNGs(result.layout.document, directory: png, dpi: dpi, inputs: result.inputs)
            }
            if writesPDF {
                let rendered = try writingOutput(pdf) { path throws(QuireError) in
                    try typesetter.renderPDF(file: source, root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), layout: layout.map(LayoutChoice.init(commandLine:)), pdfa: pdfa, to: path)
                }
                if png == nil { report(rendered.diagnostics) }
            }
        }
    }
}
