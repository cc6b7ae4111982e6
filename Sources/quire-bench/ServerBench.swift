import Foundation
import QuireSystem
import QuireKit
import QuireLoopback

/// `quire bench --server`: a real `quire serve` in its own process, driven over loopback by
/// client threads, against the CLI path (`quire render`, a fresh process per paper) measured
/// in the same run on the same 3-page paper.
struct ServerBench {
    let executable: String
    let resources: Resources
    let requests: Int
    let clients: Int
    let runs: Int

    struct Row {
        var name: String
        var requests: Int
        var seconds: Double
        var latencies: [Double]  // ms, sorted
        var pages: Int

        var perSecond: Double { Double(requests) / seconds }
        func percentile(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
    }

    func run() throws {
        let paper = resources.assets.appendingPathComponent("service/example-paper.md")
        let source = try Data(contentsOf: paper)
        var form = MultipartForm()
        form.add("paper", filename: "paper.md", source)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("quire bench --server: \(cores) cores; \(paper.lastPathComponent) (3 pages); server and clients on this machine, loopback\n")

        let server = try startServer()
        defer { server.process.terminate(); server.process.waitUntilExit() }
        let port = server.port
        let body = form.finished, contentType = form.contentType
        // Each client thread keeps one connection alive, as a client library would.
        let connections = ThreadConnections(port: port)
        let send: @Sendable () throws -> HTTPReply = {
            try connections.current.send(method: "POST", path: "/v1/render", headers: [("Content-Type", contentType)], body: body)
        }
        for _ in 0..<10 { _ = try send() }  // warm-up: fonts, caches

        var rows: [Row] = []
        var renderMs: Double?
        for concurrency in Array(Set([1, clients])).sorted() {
            let count = concurrency == 1 ? max(20, requests / 4) : requests
            let before = try renderTotals(port: port)
            defer {
                // The server's own render time for one client alone: what the HTTP path adds is the rest.
                if concurrency == 1, let after = try? renderTotals(port: port), after.count > before.count {
                    renderMs = (after.sum - before.sum) / (after.count - before.count) * 1000
                }
            }
            rows.append(try drive("service, \(concurrency) client\(concurrency == 1 ? "" : "s")", count: count, concurrency: concurrency) {
                let reply = try send()
                guard reply.status == 200 else { throw BenchError("the service answered \(reply.status): \(String(decoding: reply.body.prefix(300), as: UTF8.self))") }
                return Int(reply.header("Quire-Page-Count") ?? "") ?? 0
            })
        }

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("quire-bench-server-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let executable = executable, paperPath = paper.path
        let cliRuns = max(runs * 4, 10)
        for concurrency in Array(Set([1, cores])).sorted() {
            rows.append(try drive("CLI, \(concurrency) process\(concurrency == 1 ? "" : "es") at a time", count: cliRuns, concurrency: concurrency) {
                let output = scratch.appendingPathComponent("out-\(UUID().uuidString).pdf").path
                try runProcess([executable, "render", paperPath, "-o", output])
                unlink(output)
                return 3
            })
        }
        printRows(rows)
        let service = rows.filter { $0.name.hasPrefix("service") }.max { $0.perSecond < $1.perSecond }!
        let cli = rows.filter { $0.name.hasPrefix("CLI") }.max { $0.perSecond < $1.perSecond }!
        let serviceOne = rows.first { $0.name == "service, 1 client" }!, cliOne = rows.first { $0.name.hasPrefix("CLI, 1") }!
        print(String(format: "time per paper at full load: service %.1f ms, CLI %.1f ms: ratio %.2f (service/CLI)", 1000 / service.perSecond, 1000 / cli.perSecond,
                     cli.perSecond / service.perSecond))
        print(String(format: "latency of one paper alone: service p50 %.1f ms, CLI p50 %.1f ms: ratio %.2f", serviceOne.percentile(0.5), cliOne.percentile(0.5),
                     serviceOne.percentile(0.5) / cliOne.percentile(0.5)))
        if let renderMs {
            print(String(format: "inside the service, one client: %.1f ms rendering per request (from /metrics); the rest of its latency is HTTP, upload and workspace", renderMs))
        }
    }

    /// Runs `count` jobs over `concurrency` threads; each job returns the pages it made.
    private func drive(_ name: String, count: Int, concurrency: Int, _ job: @escaping @Sendable () throws -> Int) throws -> Row {
        let next = Locked(0), latencies = Locked([Double]()), pages = Locked([Double]()), failures = Locked(Collected())
        let group = DispatchGroup()
        let started = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<concurrency {
            group.enter()
            Thread {
                while next.withLock({ ticket in defer { ticket += 1 }; return ticket }) < count {
                    let start = DispatchTime.now().uptimeNanoseconds
                    do {
                        let made = Double(try job())
                        pages.withLock { $0.append(made) }
                        let latency = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                        latencies.withLock { $0.append(latency) }
                    } catch {
                        failures.withLock { $0.values.append(0); $0.notes.append("\(error)") }
                    }
                }
                group.leave()
            }.start()
        }
        group.wait()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let failed = failures.value
        if let note = failed.notes.first { throw BenchError("\(name): \(failed.values.count) of \(count) failed; first: \(note)") }
        return Row(name: name, requests: count, seconds: seconds, latencies: latencies.value.sorted(), pages: Int(pages.value.reduce(0, +)))
    }

    private func startServer() throws -> (process: Process, port: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["serve", "--port", "0"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let data = pipe.fileHandleForReading.availableData
            guard !data.isEmpty else { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Quire listening on ") }),
              let port = Int(line.split(separator: ":").last ?? "") else {
            process.terminate()
            throw BenchError("quire serve did not start: \(text)")
        }
        return (process, port)
    }

    private func runProcess(_ command: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("\(command.joined(separator: " ")) failed") }
    }

    /// The server's render-time sum (seconds) and count for papers, from /metrics.
    private func renderTotals(port: Int) throws -> (sum: Double, count: Double) {
        let metrics = String(decoding: try LoopbackHTTP.send(port: port, path: "/metrics").body, as: UTF8.self)
        func value(_ prefix: String) -> Double {
            metrics.split(separator: "\n").first { $0.hasPrefix(prefix) }.flatMap { Double($0.split(separator: " ").last ?? "") } ?? 0
        }
        return (value("quire_render_duration_seconds_sum{kind=\"paper\"}"), value("quire_render_duration_seconds_count{kind=\"paper\"}"))
    }

    private func printRows(_ rows: [Row]) {
        func pad(_ s: String, _ width: Int, right: Bool = true) -> String {
            let space = String(repeating: " ", count: max(0, width - s.count))
            return right ? space + s : s + space
        }
        print("  " + pad("case", 30, right: false) + pad("requests", 9) + pad("req/s", 8) + pad("p50 ms", 9) + pad("p90 ms", 9) + pad("p99 ms", 9) + pad("pages/s", 9))
        for row in rows {
            print("  " + pad(row.name, 30, right: false) + pad(String(row.requests), 9) + pad(String(format: "%.1f", row.perSecond), 8)
                  + pad(String(format: "%.1f", row.percentile(0.5)), 9) + pad(String(format: "%.1f", row.percentile(0.9)), 9)
                  + pad(String(format: "%.1f", row.percentile(0.99)), 9) + pad(String(format: "%.1f", Double(row.pages) / row.seconds), 9))
        }
        print("")
    }
}

/// Values (and notes) gathered from many threads.
private struct Collected {
    var values: [Double] = []
    var notes: [String] = []
}

/// One kept-alive connection per client thread.
private final class ThreadConnections: @unchecked Sendable {
    let port: Int
    private let key = "quire-bench-connection"

    init(port: Int) { self.port = port }

    var current: LoopbackConnection {
        if let known = Thread.current.threadDictionary[key] as? LoopbackConnection { return known }
        let connection = LoopbackConnection(port: port)
        Thread.current.threadDictionary[key] = connection
        return connection
    }
}
