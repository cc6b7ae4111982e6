import ArgumentParser
import Foundation
import QuireSystem

/// `quire serve …`: hands over to the `quire-server` executable beside this one (the service
/// lives in its own binary so the CLI does not start up carrying a web server). `exec`
/// replaces this process, so signals, output and the exit status are the server's own.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the rendering service (POST /v1/render, /v1/packs; GET /v1/layouts, /healthz, /metrics, /openapi.yaml; a preview page at /). `quire serve --help` lists its limits, with examples.",
        helpNames: [])

    @Argument(parsing: .allUnrecognized, help: "Options for the server; see `quire serve --help`.")
    var arguments: [String] = []

    /// How to put quire-server beside this quire: the build command for the configuration this
    /// quire was built in (SwiftPM's folders are named for it), the same command
    /// scripts/render-examples.sh runs for release; elsewhere, an install beside it.
    static func buildHint(folder: URL) -> String {
        switch folder.lastPathComponent {
        case "release":
            "build it beside quire with `swift build -c release --static-swift-stdlib --product quire-server` (bash scripts/render-examples.sh builds both)"
        case "debug":
            "build it beside quire with `swift build --product quire-server` (or `swift build`, which builds both)"
        default:
            "install quire-server in \(folder.path), beside quire (deploy/Dockerfile copies both to /usr/local/bin)"
        }
    }

    func run() throws {
        let folder = Platform.executable.deletingLastPathComponent()
        let server = folder.appendingPathComponent("quire-server").path
        guard FileManager.default.isExecutableFile(atPath: server) else {
            FileHandle.standardError.write(Data("error: the service executable \(server) is missing\n  hint: \(Self.buildHint(folder: folder))\n".utf8))
            throw ExitCode(2)
        }
        let argv = ([server] + arguments).map { strdup($0) } + [nil]
        execv(server, argv)
        FileHandle.standardError.write(Data("error: cannot start \(server): \(String(cString: strerror(errno)))\n".utf8))
        throw ExitCode(2)
    }
}
