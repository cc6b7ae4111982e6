import ArgumentParser
import Glibc
import QuireKit
import QuireVersion

/// The `quire` command: thin subcommands over QuireKit.
/// Every command names itself (`commandName`): argument-parser otherwise derives each name
/// from `String(describing:)` of its type, a run-time conformance search that was 4% of a
/// cold render's samples.
@main
struct Quire: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quire",
        abstract: "Typeset council committee papers from Markdown + YAML into paginated PDFs in a house style.",
        discussion: """
            Examples:
              quire render paper.md -o paper.pdf
              quire pack meeting/pack.yaml --full -o full.pdf
              quire check paper.pdf --json
              quire serve --port 8080

            Exit status:
              0  done (for check: every check passed)
              1  the work ran but found a fault: a check failed (check), or a paper
                 failed or differs from its manifest (regenerate)
              2  bad input: a source, manifest, layout or data file that cannot be used, an
                 option value Quire refuses, or a file that cannot be read or written; the
                 message names the file, line and field, with a hint
             64  the command line cannot be read (an unknown option, a missing argument)
             69  a library the command needs is not installed (poppler, qpdf, librsvg or
                 gdk-pixbuf, opened on first use); the message names the Debian package
             74  the disk (or quota) an output is written to is full: free space and run again
            """,
        version: QuireVersion.number,
        subcommands: [Render.self, Import.self, Pack.self, Regenerate.self, Serve.self, Layouts.self, Dump.self, Check.self, Bench.self])

    /// `quire layouts` alone runs without the parser: it has no options, and the parser's
    /// reflection of the commands (and of its own completion-script options) was a third of
    /// the command's time (perf). Anything else, `quire layouts --help` included, is parsed.
    /// A command that typesets has its text stack warmed up while its command line is parsed
    /// (`Typesetter.warmUp`); every way out waits for that to end. No command awaits: each
    /// runs on the main thread, without Swift concurrency's executor (whose first hop made a
    /// thread, which waited behind the warm-up's loading of Pango for the loader's lock).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == [Layouts.configuration.commandName!] {
            do {
                try Layouts().run()
            } catch {
                exit(withError: error)
            }
            return
        }
        if typesets(arguments) { Typesetter.warmUp() }
        do {
            // What `main(nil)` does, with the wait before exiting.
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            Typesetter.warmedUp()
            exit(withError: error)
        }
        Typesetter.warmedUp()
        // Ends without the libraries' finalisers (HarfBuzz's, fontconfig's, glib's), which free
        // what the kernel reclaims anyway: 0.27 ms of a cold render (alternated 300 times). The
        // output is written and closed by now; what stdio holds is flushed.
        fflush(nil)
        _exit(0)
    }

    /// Whether the command line asks for a command that typesets, not for its help.
    static func typesets(_ arguments: [String]) -> Bool {
        let typesetting = [Render.configuration, Pack.configuration, Regenerate.configuration].compactMap(\.commandName)
        guard let name = arguments.first, typesetting.contains(name) else { return false }
        return !arguments.contains { ["-h", "--help", "-help", "--version", "--experimental-dump-help"].contains($0) }
    }
}
