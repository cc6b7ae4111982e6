import ArgumentParser

/// The `quire` command: thin subcommands over QuireKit.
@main
struct Quire: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quire",
        abstract: "Typeset council committee papers from Markdown + YAML into paginated PDFs in a house style.",
        subcommands: [Render.self, Import.self, Pack.self, Regenerate.self, Serve.self, Layouts.self, Dump.self, Check.self, Bench.self])
}
