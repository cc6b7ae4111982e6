import ArgumentParser
import Foundation
import QuireKit
import QuireModel

/// `quire render paper.md -o paper.pdf` / `--png out/`.
struct Render: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Render a paper to PDF (and/or PNG page previews).")

    @Argument(help: "The paper source (Markdown with YAML front matter).")
    var source: String

    @Option(name: .shortAndLong, help: "The PDF to write (default: the source name with .pdf).")
    var output: String?

    @Option(help: "Write one PNG per page into this folder instead of (or with -o, as well as) a PDF.")
    var png: String?

    @Option(help: "PNG resolution in dots per inch.")
    var dpi: Double = 96

    @Option(help: "Use this layout instead of the one the paper names: a name (see `quire layouts`) or a layout file's path.")
    var layout: String?

    @Flag(inversion: .prefixedNo, help: "Write PDF/A-2b for the archive (default: as the layout says).")
    var pdfa: Bool?

    func run() async throws {
        let typesetter = Typesetter()
        try exitingOnInputError { () throws(QuireError) in
            if let png {
                let result = try typesetter.layout(file: source, root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), layout: layout.map(LayoutChoice.init(commandLine:)))
                report(result.layout.diagnostics)
                try typesetter.writePNGs(result.layout.document, directory: png, dpi: dpi)
            }
            if png == nil || output != nil {
                let pdf = output ?? (source.hasSuffix(".md") ? String(source.dropLast(3)) : source) + ".pdf"
                let rendered = try typesetter.renderPDF(file: source, root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), layout: layout.map(LayoutChoice.init(commandLine:)), pdfa: pdfa, to: pdf)
                if png == nil { report(rendered.diagnostics) }
            }
        }
    }
}
