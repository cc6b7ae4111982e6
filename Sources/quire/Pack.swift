import ArgumentParser
import Foundation
import QuireKit
import QuireModel

/// `quire pack meeting/pack.yaml -o pack.pdf [--full] [--print] [--supplement]`.
struct Pack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Render a meeting's committee pack: the agenda front sheet, then every paper and appendix, in one PDF.",
        discussion: """
            Examples:
              quire pack meeting/pack.yaml                       # the public pack: meeting/pack.pdf
              quire pack meeting/pack.yaml --full --print -o full.pdf
              quire pack meeting/pack.yaml --supplement
              quire pack council/meetings/2017-10-19/pack.yaml --root council   # papers linked from council/papers/

            Exit status: 0 when written, 2 for a bad manifest, paper or PDF appendix.
            """)

    @Argument(help: "The pack manifest (pack.yaml).")
    var manifest: String

    @Option(name: .shortAndLong, help: "The PDF to write (default: pack.pdf, or full.pdf with --full, beside the manifest); - writes it to standard output.")
    var output: String?

    @Flag(help: "The members' pack, with exempt (Part 2) items and appendices; the default is the public pack without them.")
    var full = false

    @Flag(help: "For duplex printing: every item starts on an odd (right-hand) page.")
    var print = false

    @Flag(help: "Only the items marked `supplement: true`, numbered on from the main pack.")
    var supplement = false

    @Flag(inversion: .prefixedNo, help: "Write PDF/A-2b for the archive (default: as the layout says).")
    var pdfa: Bool?

    @Option(help: "The folder the pack may read from (default: the manifest's): symbolic links among its files may lead anywhere inside it, never out.")
    var root: String?

    func run() throws {
        TemporaryFiles.removeOnSignal()
        let folder = (manifest as NSString).deletingLastPathComponent
        let name = (supplement ? "supplement" : full ? "full" : "pack") + ".pdf"
        let pdf = output ?? (folder.isEmpty ? name : folder + "/" + name)
        try exitingOnInputError { () throws(QuireError) in
            // Before any work; the render checks again against every paper and PDF the manifest names.
            if pdf != "-" { try checkOutputFile(pdf, inputs: [InputFile(manifest, role: "the manifest")]) }
            let typesetter = Typesetter()
            let rendered = try writingOutput(pdf) { path throws(QuireError) in
                try typesetter.renderPack(manifest: manifest, root: root.map { URL(fileURLWithPath: $0) }, edition: full ? .fullPack : .publicPack, print: print,
                                          supplement: supplement, pdfa: pdfa, to: path)
            }
            report(rendered.diagnostics)
        }
    }
}
