import Foundation
public import Hummingbird
public import Logging
import NIOFoundationEssentialsCompat
import QuireKit
import QuireSystem
public import QuireModel

/// The rendering service: one `Typesetter` shared by every request, the gate bounding the
/// work, the metrics `/metrics` shows, and the static pages read once at start. It keeps
/// nothing between requests, so replicas behind any load balancer scale it out.
public struct Service: Sendable {
    let configuration: ServiceConfiguration
    let renderer: Renderer
    let gate: RenderGate
    /// The memory JSON bodies may hold while they are decoded (`--memory-budget-mib`).
    let memory: MemoryLedger
    let metrics = Metrics()
    let site: Site

    public init(configuration: ServiceConfiguration) throws(QuireError) {
        try configuration.checkMemoryBudget()
        // What a killed predecessor left behind goes first.
        RequestFolders.sweep()
        _ = RequestFolders.parent
        Platform.keepFreedMemoryUntilReleased()  // the gate releases it whenever the service goes idle
        self.configuration = configuration
        memory = MemoryLedger(capacity: configuration.jsonMemoryBytes)
        // A Pango context per render slot, so renders side by side never wait on each other's fonts.
        renderer = Renderer(typesetter: Typesetter(resources: configuration.resources, threads: configuration.maxConcurrentRenders,
                                                        concurrentRenders: configuration.maxConcurrentRenders),
                            configuration: configuration)
        gate = RenderGate(slots: configuration.maxConcurrentRenders, queueLimit: configuration.maxQueuedRenders)
        site = try Site(resources: configuration.resources)
    }

    /// The routes of `Route`, behind the middleware: the access log (with the request id),
    /// Hummingbird's metrics (recorded where `metricsFactory()` was bootstrapped) and request
    /// log (at debug level), and the problem middleware that turns every error into a problem
    /// document and counts every answer.
    public func router() -> Router<QuireRequestContext> {
        let router = Router(context: QuireRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: AccessLogMiddleware())
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: LogRequestsMiddleware(.debug))
        router.add(middleware: ProblemMiddleware(metrics: metrics))
        for route in Route.allCases {
            router.on(RouterPath(route.path), method: route.method) { request, context in try await respond(route, to: request, context: context) }
        }
        return router
    }

    /// What answers each route.
    private func respond(_ route: Route, to request: Request, context: QuireRequestContext) async throws -> Response {
        switch route {
        case .preview: site.page(.preview)
        case .script: site.page(.script)
        case .openAPI: site.page(.openAPI)
        case .health: try json(["status": "ok"])
        case .metrics:
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition(inFlight: await gate.running, queued: await gate.queued))))
        case .layouts: try layouts()
        case .render: try await render(request, context: context)
        case .packs: try await renderPack(request, context: context)
        }
    }

    /// The application: HTTP/1.1 on the configured address, idle connections closed, at most
    /// `maxConnections` open, logging in the configured format (or to `logger`, which tests
    /// pass to read the log). `onRunning` gets the bound port (0 in the configuration picks one).
    public func application(logger: Logger? = nil, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let logger = logger ?? makeLogger(format: configuration.logFormat, level: configuration.logLevel)
        return Application(
            router: router(),
            server: .http1(configuration: .init(additionalChannelHandlers: [ClientDepartureHandler(),
                                                                            HeaderDeadlineHandler(timeout: .milliseconds(Int64(configuration.headerTimeout * 1000)))],
                                                idleTimeout: .milliseconds(Int64(configuration.idleTimeout * 1000)))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Quire",
                                 availableConnectionsDelegate: .maximum(configuration.maxConnections, logger: logger)),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Removes this process's folder of request workspaces (after a clean shutdown; a killed
    /// process's is removed by the next service to start).
    public func removeRequestFolders() { try? FileManager.default.removeItem(at: RequestFolders.parent) }

    /// `GET /v1/layouts`: the house styles a source may name.
    private func layouts() throws -> Response {
        let layouts: [LayoutInfo]
        do {
            layouts = try configuration.resources.availableLayouts()
        } catch {
            throw Problem(error, workspace: nil)
        }
        return try json(layouts.map { ["name": $0.name, "description": $0.description] })
    }
}

/// A JSON answer.
func json(_ value: some Encodable) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Response(status: .ok, headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(data: try encoder.encode(value))))
}
