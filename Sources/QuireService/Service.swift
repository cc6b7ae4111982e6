import Foundation
public import Hummingbird
import Logging
import QuireKit
import QuireModel

/// The rendering service: one `Typesetter` shared by every request, the gate bounding the
/// work, the counters `/metrics` shows, and the static pages read once at start. It keeps
/// nothing between requests, so replicas behind any load balancer scale it out.
public struct Service: Sendable {
    let configuration: ServiceConfiguration
    let renderer: Renderer
    let gate: RenderGate
    let metrics = Metrics()
    let site: Site

    public init(configuration: ServiceConfiguration) throws(QuireError) {
        self.configuration = configuration
        // A Pango context per render slot, so renders side by side never wait on each other's fonts.
        renderer = Renderer(typesetter: Typesetter(resources: configuration.resources, threads: configuration.maxConcurrentRenders,
                                                        concurrentRenders: configuration.maxConcurrentRenders),
                            configuration: configuration)
        gate = RenderGate(slots: configuration.maxConcurrentRenders, queueLimit: configuration.maxQueuedRenders)
        site = try Site(resources: configuration.resources)
    }

    /// The routes, behind the middleware that turns every error into a problem document and
    /// counts every answer.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ProblemMiddleware(metrics: metrics))
        router.get("/") { _, _ in site.page(.preview) }
        router.get("/preview.js") { _, _ in site.page(.script) }
        router.get("/openapi.yaml") { _, _ in site.page(.openAPI) }
        router.get("/healthz") { _, _ in try json(["status": "ok"]) }
        router.get("/metrics") { _, _ in
            let text = metrics.exposition(inFlight: await gate.running, queued: await gate.queued)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
        router.get("/v1/layouts") { _, _ in try layouts() }
        router.post("/v1/render") { request, context in try await render(request, context: context) }
        router.post("/v1/packs") { request, context in try await renderPack(request, context: context) }
        return router
    }

    /// The application: HTTP/1.1 on the configured address, idle connections closed, at most
    /// `maxConnections` open. `onRunning` gets the bound port (0 in the configuration picks one).
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "quire")
        logger.logLevel = .info
        return Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .milliseconds(Int64(configuration.idleTimeout * 1000)))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Quire",
                                 availableConnectionsDelegate: .maximum(configuration.maxConnections, logger: logger)),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

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
