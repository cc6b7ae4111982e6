import ArgumentParser
import Foundation
import Hummingbird
import Metrics
import QuireKit
import QuireModel
import QuireService
import QuireVersion
import UnixSignals

/// `quire-server` (run as `quire serve`): the rendering service (see README, "The service").
/// Every flag may also be set by an environment variable (`QUIRE_` and the flag's name in
/// capitals); a flag on the command line wins.
@main
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quire serve",
        abstract: "Run the rendering service: POST /v1/render, /v1/packs; GET /v1/layouts, /healthz, /metrics, /openapi.yaml, and a preview page at /.",
        usage: "quire serve [--host <host>] [--port <port>] [<limits>…] [--log-format text|json]",
        discussion: """
            Every option may also be set by an environment variable named QUIRE_ and the \
            option's name in capitals (QUIRE_MAX_BODY_MIB=64); an option on the command line \
            wins over the variable. Each request is logged (one line, with its X-Request-Id) \
            to standard error. SIGTERM or SIGINT stops accepting, finishes the renders in \
            flight, then exits 0.

            Examples:
              quire serve --port 8080
              quire serve --host 0.0.0.0 --port 8080 --concurrency 2 --log-format json
              QUIRE_MAX_BODY_MIB=64 QUIRE_MAX_QUEUE=32 quire serve
              curl -F paper=@paper.md http://127.0.0.1:8080/v1/render -o paper.pdf

            Exit status: 0 after a clean shutdown, 2 for a bad option or variable, or when \
            the service's files (assets/service/) cannot be read.
            """,
        version: QuireVersion.number)

    @Option(help: "Address to bind; 0.0.0.0 to serve other machines (in a container). (default: 127.0.0.1; QUIRE_HOST)")
    var host: String?

    @Option(help: "Port to listen on; 0 picks a free one (printed at start). (default: 8080; QUIRE_PORT)")
    var port: String?

    @Option(help: "Largest request body, in MiB. (default: 32; QUIRE_MAX_BODY_MIB)")
    var maxBodyMib: String?

    @Option(help: "Most pages one document (paper or pack) may have. (default: 2000; QUIRE_MAX_PAGES)")
    var maxPages: String?

    @Option(help: "Seconds one render may take; past it the render is stopped and answered 503. (default: 60; QUIRE_RENDER_TIMEOUT)")
    var renderTimeout: String?

    @Option(help: "Renders at once. (default: one per core, \(ProcessInfo.processInfo.activeProcessorCount) here; QUIRE_CONCURRENCY)")
    var concurrency: String?

    @Option(help: "Requests that may wait for a render slot; more are answered 429 with Retry-After. (default: 256; QUIRE_MAX_QUEUE)")
    var maxQueue: String?

    @Option(help: "Most open connections. (default: 512; QUIRE_MAX_CONNECTIONS)")
    var maxConnections: String?

    @Option(help: "Seconds before an idle connection is closed. (default: 30; QUIRE_IDLE_TIMEOUT)")
    var idleTimeout: String?

    @Option(help: "Seconds a client has to send a request's headers before its connection is closed. (default: 10; QUIRE_HEADER_TIMEOUT)")
    var headerTimeout: String?

    @Option(help: "Slowest a request body may arrive, in KiB a second, after --header-timeout seconds; slower ones are cut off. (default: 16; QUIRE_MIN_UPLOAD_RATE_KIB)")
    var minUploadRateKib: String?

    @Option(help: "MiB of memory the service may promise at once: 96 of its own, 160 a render slot, four times each JSON body being decoded (more are answered 429); at least enough for one body of --max-body-mib. (default: not bounded; QUIRE_MEMORY_BUDGET_MIB)")
    var memoryBudgetMib: String?

    @Option(help: "Log lines as text or json, one per line on standard error. (default: text; QUIRE_LOG_FORMAT)")
    var logFormat: String?

    @Option(help: "Least severe level logged: trace, debug (a line as each request arrives), info, notice, warning, error, critical. (default: info; QUIRE_LOG_LEVEL)")
    var logLevel: String?

    /// The flags given, by setting.
    private var flags: [(ServiceSetting, String?)] {
        [(.host, host), (.port, port), (.maxBodyMib, maxBodyMib), (.maxPages, maxPages), (.renderTimeout, renderTimeout),
         (.concurrency, concurrency), (.maxQueue, maxQueue), (.maxConnections, maxConnections), (.idleTimeout, idleTimeout),
         (.headerTimeout, headerTimeout), (.minUploadRateKib, minUploadRateKib), (.memoryBudgetMib, memoryBudgetMib),
         (.logFormat, logFormat), (.logLevel, logLevel)]
    }

    func run() async throws {
        var configuration = ServiceConfiguration()
        let service: Service
        do {
            // Defaults, then the environment, then the command line.
            try configuration.apply()
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        do {
            for case let (setting, value?) in flags { try configuration.apply(setting, value, from: setting.flag) }
        } catch {
            // A bad flag is a usage error, as argument-parser's own are.
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(64)
        }
        do {
            service = try Service(configuration: configuration)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        // Hummingbird's metrics middleware records through swift-metrics: into this service's registry.
        MetricsSystem.bootstrap(service.metricsFactory())
        let host = configuration.host
        let app = service.application { port in
            // Tests and scripts read this line for the port.
            FileHandle.standardOutput.write(Data("Quire listening on http://\(host):\(port)\n".utf8))
        }
        // SIGTERM or SIGINT: stop accepting, finish the renders in flight, then exit.
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        service.removeRequestFolders()
    }
}
