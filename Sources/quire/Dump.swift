import ArgumentParser
import Foundation
import QuireKit
import QuireLayout
import QuireModel
import QuirePages

/// `quire dump paper.md`: the page tree as text, the main tool for debugging layout.
struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print the laid-out page tree of a paper as text.",
        discussion: """
            Examples:
              quire dump paper.md | less
              quire dump paper.md --layout cabinet-decision > tree.txt

            Exit status: 0 when printed, 2 for bad input.
            """)

    @Argument(help: "The paper source.")
    var source: String

    @Option(help: "Use this layout instead of the one the paper names: a name (see `quire layouts`) or a layout file's path.")
    var layout: String?

    func run() throws {
        try exitingOnInputError { () throws(QuireError) in
            let result = try Typesetter().layout(file: source, root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), layout: layout.map(LayoutChoice.init(commandLine:)))
            report(result.layout.diagnostics)
            print(dumpPageTree(result.layout.document), terminator: "")
        }
    }
}
