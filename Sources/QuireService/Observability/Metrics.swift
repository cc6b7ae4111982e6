import Foundation

/// The service's counters, exposed at `/metrics` in Prometheus' text format: requests by
/// route and status, render time as a histogram, pages rendered, errors by kind. Kept by
/// hand (a lock and a few dictionaries): the format is simple and the numbers are ours.
final class Metrics: @unchecked Sendable {
    /// Upper bounds of the render-time buckets, in seconds.
    static let buckets: [Double] = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]

    private struct Histogram {
        var counts = [Int](repeating: 0, count: Metrics.buckets.count)
        var sum = 0.0
        var total = 0
    }

    private let lock = NSLock()
    private var requests: [RequestKey: Int] = [:]
    private var renderTimes: [String: Histogram] = [:]
    private var pages = 0
    private var recent = 0.1  // seconds; a moving average of render time, for Retry-After
    private var errors: [String: Int] = [:]
    private let started = Date()

    private struct RequestKey: Hashable, Comparable {
        var route: String, method: String, status: Int
        static func < (a: Self, b: Self) -> Bool { (a.route, a.method, a.status) < (b.route, b.method, b.status) }
    }

    func countRequest(route: String, method: String, status: Int) {
        locked { requests[RequestKey(route: route, method: method, status: status), default: 0] += 1 }
    }

    /// A finished render of `kind` ("paper", "pack", "png").
    func countRender(kind: String, seconds: Double, pages rendered: Int) {
        locked {
            var histogram = renderTimes[kind] ?? Histogram()
            for (index, bound) in Metrics.buckets.enumerated() where seconds <= bound { histogram.counts[index] += 1 }
            histogram.sum += seconds
            histogram.total += 1
            renderTimes[kind] = histogram
            pages += rendered
            recent = 0.8 * recent + 0.2 * seconds
        }
    }

    /// A moving average of recent render times, in seconds.
    var recentRenderSeconds: Double { locked { recent } }

    func countError(kind: String) { locked { errors[kind, default: 0] += 1 } }

    /// The exposition text; `inFlight` and `queued` are read from the gate at scrape time.
    func exposition(inFlight: Int, queued: Int) -> String {
        locked {
            var out = ""
            func family(_ name: String, _ type: String, _ help: String) { out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n" }
            family("quire_http_requests_total", "counter", "HTTP requests answered, by route, method and status.")
            for (key, count) in requests.sorted(by: { $0.key < $1.key }) {
                out += "quire_http_requests_total{route=\"\(key.route)\",method=\"\(key.method)\",status=\"\(key.status)\"} \(count)\n"
            }
            family("quire_render_duration_seconds", "histogram", "Time spent rendering, from start of layout to finished file, by kind.")
            for (kind, histogram) in renderTimes.sorted(by: { $0.key < $1.key }) {
                for (index, bound) in Metrics.buckets.enumerated() {
                    out += "quire_render_duration_seconds_bucket{kind=\"\(kind)\",le=\"\(bound)\"} \(histogram.counts[index])\n"
                }
                out += "quire_render_duration_seconds_bucket{kind=\"\(kind)\",le=\"+Inf\"} \(histogram.total)\n"
                out += "quire_render_duration_seconds_sum{kind=\"\(kind)\"} \(histogram.sum)\n"
                out += "quire_render_duration_seconds_count{kind=\"\(kind)\"} \(histogram.total)\n"
            }
            family("quire_pages_rendered_total", "counter", "Pages in the documents rendered.")
            out += "quire_pages_rendered_total \(pages)\n"
            family("quire_errors_total", "counter", "Requests answered with a problem document, by problem kind.")
            for (kind, count) in errors.sorted(by: { $0.key < $1.key }) { out += "quire_errors_total{kind=\"\(kind)\"} \(count)\n" }
            family("quire_renders_in_flight", "gauge", "Renders running now.")
            out += "quire_renders_in_flight \(inFlight)\n"
            family("quire_renders_queued", "gauge", "Requests waiting for a render slot.")
            out += "quire_renders_queued \(queued)\n"
            family("process_resident_memory_bytes", "gauge", "Resident memory of the service process.")
            out += "process_resident_memory_bytes \(residentMemoryBytes())\n"
            family("process_uptime_seconds", "gauge", "Seconds since the service started.")
            out += "process_uptime_seconds \(Int(Date().timeIntervalSince(started)))\n"
            return out
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}

/// VmRSS from /proc/self/status, in bytes (0 where there is no /proc).
func residentMemoryBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kilobytes * 1024
}
