public import Metrics
import Prometheus

extension Service {
    /// A swift-metrics factory writing into this service's registry, for `MetricsSystem.bootstrap`
    /// (done once per process, by `quire-server`). Hummingbird's `MetricsMiddleware` records
    /// through it: `hb.requests` becomes `hb_requests_total`, `hb.request.errors`
    /// `hb_request_errors_total`, `http.server.request.duration` the histogram
    /// `http_server_request_duration_seconds` and `http.server.active_requests`
    /// `http_server_active_requests`; dimension names lose their dots (`http_route`, …), as
    /// Prometheus names may not hold them.
    public func metricsFactory() -> any MetricsFactory {
        var factory = PrometheusMetricsFactory(registry: metrics.registry)
        factory.nameAndLabelSanitizer = { name, labels in
            (prometheusName(name), labels.map { (prometheusName($0.0), $0.1) })
        }
        factory.durationHistogramBuckets = ["http_server_request_duration_seconds": Metrics.buckets.map { .milliseconds(Int64($0 * 1000)) }]
        return factory
    }
}

/// A swift-metrics label in Prometheus' form: dots and other marks become underscores, and a
/// few of Hummingbird's names get the unit suffix Prometheus expects.
func prometheusName(_ label: String) -> String {
    let plain = String(label.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    switch plain {
    case "hb_requests", "hb_request_errors": return plain + "_total"
    case "http_server_request_duration": return plain + "_seconds"
    default: return plain
    }
}
