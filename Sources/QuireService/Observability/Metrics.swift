import Foundation
import QuireSystem
public import Prometheus
import QuireVersion

/// The service's metrics, kept in a swift-prometheus registry and shown at `/metrics` in
/// Prometheus' text format: requests by route and status, render time as a histogram, pages
/// rendered, errors by kind, renders in flight and queued, resident memory, start time and
/// the build. Each `Service` has its own registry (tests run several in one process);
/// `quire-server` also hands it to swift-metrics, so Hummingbird's metrics middleware
/// records into it (see `metricsFactory`).
final class Metrics: @unchecked Sendable {
    /// Upper bounds of the render-time buckets, in seconds.
    static let buckets: [Double] = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]

    let registry = PrometheusCollectorRegistry()
    private let pages: Prometheus.Counter
    private let inFlight: Gauge
    private let queued: Gauge
    private let resident: Gauge
    private let uptime: Gauge
    private let started = Date()

    /// Seconds: a moving average of render time, for Retry-After.
    private let recent = Locked(0.1)

    init() {
        pages = registry.makeCounter(descriptor: Self.name("quire", "pages_rendered", "total", "Pages in the documents rendered."))
        inFlight = registry.makeGauge(descriptor: Self.name("quire", "renders_in_flight", "", "Renders running now."))
        queued = registry.makeGauge(descriptor: Self.name("quire", "renders_queued", "", "Requests waiting for a render slot."))
        resident = registry.makeGauge(descriptor: Self.name("process", "resident_memory", "bytes", "Resident memory of the service process."))
        uptime = registry.makeGauge(descriptor: Self.name("process", "uptime", "seconds", "Seconds since the service started."))
        registry.makeGauge(descriptor: Self.name("process", "start_time", "seconds", "Start time of the process since the Unix epoch, in seconds."))
            .set(started.timeIntervalSince1970.rounded(.down))
        // The usual info-metric form: always 1, the facts in its labels.
        registry.makeGauge(descriptor: Self.name("quire", "build", "info", "The running build: Quire's version and the Swift it was built with."),
                           labels: [("version", QuireVersion.number), ("swift", Self.swiftVersion)])
            .set(1.0)
    }

    private static func name(_ namespace: String, _ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: namespace, metricName: metric, unitName: unit, helpText: help)
    }

    func countRequest(route: String, method: String, status: Int) {
        registry.makeCounter(descriptor: Self.name("quire", "http_requests", "total", "HTTP requests answered, by route, method and status."),
                             labels: [("route", route), ("method", method), ("status", String(status))])
            .increment()
    }

    /// A finished render of `kind` ("paper", "pack", "png").
    func countRender(kind: String, seconds: Double, pages rendered: Int) {
        registry.makeValueHistogram(descriptor: Self.name("quire", "render_duration", "seconds",
                                                          "Time spent rendering, from start of layout to finished file, by kind."),
                                    labels: [("kind", kind)], buckets: Metrics.buckets)
            .record(seconds)
        pages.increment(by: Int64(rendered))
        recent.withLock { $0 = 0.8 * $0 + 0.2 * seconds }
    }

    /// A moving average of recent render times, in seconds.
    var recentRenderSeconds: Double {
        recent.value
    }

    func countError(kind: String) {
        registry.makeCounter(descriptor: Self.name("quire", "errors", "total", "Requests answered with a problem document, by problem kind."),
                             labels: [("kind", kind)])
            .increment()
    }

    /// The exposition text; `inFlight` and `queued` are read from the gate at scrape time.
    func exposition(inFlight running: Int, queued waiting: Int) -> String {
        inFlight.set(Double(running))
        queued.set(Double(waiting))
        resident.set(Double(Platform.residentMemoryBytes()))
        uptime.set(Date().timeIntervalSince(started).rounded(.down))
        return registry.emitToString()
    }

    private static var swiftVersion: String {
        #if compiler(>=6.3)
        "6.3"
        #elseif compiler(>=6.2)
        "6.2"
        #else
        "6"
        #endif
    }
}
