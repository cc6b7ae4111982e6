import ArgumentParser
import Foundation

/// `quire serve …`: hands over to the `quire-server` executable beside this one (the service
/// lives in its own binary so the CLI does not start up carrying a web server). `exec`
/// replaces this process, so signals, output and the exit status are the server's own.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the rendering service (POST /v1/render, /v1/packs; GET /v1/layouts, /healthz, /metrics, /openapi.yaml; a preview page at /). `quire serve --help` lists its limits, with examples.",
        helpNames: [])

    @Argument(parsing: .allUnrecognized, help: "Options for the server; see `quire serve --help`.")
    var arguments: [String] = []

    func run() throws {
        try handOver(to: "quire-server", arguments)
    }
}
