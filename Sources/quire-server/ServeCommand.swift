import ArgumentParser
import Foundation
import Hummingbird
import QuireKit
import QuireModel
import QuireService

/// `quire-server` (run as `quire serve`): the rendering service (see README, "The service").
@main
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quire serve",
        abstract: "Run the rendering service: POST /v1/render, /v1/packs; GET /v1/layouts, /healthz, /metrics, /openapi.yaml, and a preview page at /.")

    @Option(help: "Address to bind; 0.0.0.0 to serve other machines (in a container).")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one (printed at start).")
    var port = 8080

    @Option(help: "Largest request body, in MiB.")
    var maxBodyMib = 32

    @Option(help: "Most pages one document (paper or pack) may have.")
    var maxPages = 2000

    @Option(help: "Seconds one render may take; past it the render is stopped and answered 503.")
    var renderTimeout = 60.0

    @Option(help: "Renders at once (default: one per core).")
    var concurrency = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Requests that may wait for a render slot; more are answered 429 with Retry-After.")
    var maxQueue = 256

    @Option(help: "Most open connections.")
    var maxConnections = 512

    @Option(help: "Seconds before an idle connection is closed.")
    var idleTimeout = 30.0

    /// Every limit in a range that works: `nan`, infinities and values that would overflow
    /// (MiB to bytes) are refused by name, with the range.
    func validate() throws {
        do throws(QuireError) {
            try checkOption(port, "--port", in: 0...65535)
            try checkOption(maxBodyMib, "--max-body-mib", in: 1...4096, unit: "MiB")
            try checkOption(maxPages, "--max-pages", in: 1...1_000_000)
            try checkOption(renderTimeout, "--render-timeout", in: 0.01...86_400, unit: "seconds")
            try checkOption(concurrency, "--concurrency", in: 1...4096)
            try checkOption(maxQueue, "--max-queue", in: 0...1_000_000)
            try checkOption(maxConnections, "--max-connections", in: 1...1_000_000)
            try checkOption(idleTimeout, "--idle-timeout", in: 0.01...86_400, unit: "seconds")
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() async throws {
        var configuration = ServiceConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.maxBodyBytes = maxBodyMib * 1024 * 1024
        configuration.maxPages = maxPages
        configuration.renderTimeout = renderTimeout
        configuration.maxConcurrentRenders = concurrency
        configuration.maxQueuedRenders = maxQueue
        configuration.maxConnections = maxConnections
        configuration.idleTimeout = idleTimeout
        let service: Service
        do {
            service = try Service(configuration: configuration)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        let host = host
        let app = service.application { port in
            // Tests and scripts read this line for the port.
            FileHandle.standardOutput.write(Data("Quire listening on http://\(host):\(port)\n".utf8))
        }
        // SIGTERM or SIGINT: stop accepting, finish the renders in flight, then exit.
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
