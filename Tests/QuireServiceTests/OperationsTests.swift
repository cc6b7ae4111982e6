import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOFoundationEssentialsCompat
import QuireKit
import QuireLoopback
@testable import QuireService
import QuireVersion
import Testing
import QuireSystem

/// What an operator relies on, in process: HEAD on every GET route, a request id on every
/// answer and in the access log, the JSON log format, the build and start-time metrics, and
/// every setting readable from the environment.
@Suite struct OperationsTests {
    @Test func everyGetRouteAnswersHeadWithTheHeadersAndNoBody() async throws {
        try await withService { server in
            for route in Route.allCases where route.method == .get {
                let get = try await server.get(route.path)
                let head = try await server.send(.head, route.path)
                #expect(head.status == 200, "HEAD \(route.path)")
                #expect(head.body.isEmpty, "HEAD \(route.path) has no body")
                #expect(head.header("Content-Type") == get.header("Content-Type"), "HEAD \(route.path)")
            }
            // A POST route does not take HEAD, and says which method it does take.
            let head = try await server.send(.head, Route.render.path)
            #expect(head.status == 405 && head.header("Allow") == "POST")
        }
    }

    @Test func everyRequestIsLoggedOnceWithTheIdItWasAnsweredWith() async throws {
        let records = RecordingLogHandler.Records()
        let logger = Logger(label: "quire") { _ in RecordingLogHandler(records: records) }
        let answers = try await withService(logger: logger) { server in
            [try await server.get("/healthz", headers: [("X-Request-Id", "council-system-42")]),
             try await server.post("/v1/render", form: paperForm(try contents(examplePaper))),
             try await server.get("/no-such-thing"),
             // An id that could forge a log line is not taken.
             try await server.get("/healthz", headers: [("X-Request-Id", "a b\u{7F}")])]
        }
        let lines = records.all.filter { $0.message == "request" }
        #expect(lines.count == 4, "\(records.all.map(\.message))")
        guard lines.count == 4 else { return }
        let ids = answers.map { $0.header("X-Request-Id") }
        #expect(ids[0] == "council-system-42")
        #expect(ids.allSatisfy { ($0?.count ?? 0) > 0 })
        #expect(Set(ids).count == 4)
        #expect(ids[3] != "a b\u{7F}")
        for (line, (answer, path)) in zip(lines, zip(answers, ["/healthz", "/v1/render", "/no-such-thing", "/healthz"])) {
            #expect(line.metadata["hb.request.id"]?.description == answer.header("X-Request-Id"))
            #expect(line.metadata["path"]?.description == path)
            #expect(line.metadata["status"]?.description == String(answer.status))
            #expect(Double(line.metadata["duration_ms"]?.description ?? "").map { $0 >= 0 } == true)
        }
        #expect(lines[1].metadata["method"]?.description == "POST")
    }

    @Test func theJSONLogFormatWritesOneObjectPerLineWithNumbersAsNumbers() throws {
        let written = Locked<[Data]>([])
        var logger = Logger(label: "quire") { label in JSONLogHandler(label: label, write: { data in written.withLock { $0.append(data) } }) }
        logger[metadataKey: "hb.request.id"] = "abc"
        logger.info("request", metadata: ["status": .stringConvertible(200), "duration_ms": .stringConvertible(12.5), "path": "/v1/render"])
        logger.debug("not written at info")
        #expect(written.value.count == 1)
        let line = try #require(written.value.first)
        #expect(line.last == 0x0A && line.dropLast().firstIndex(of: 0x0A) == nil, "one line")
        let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
        #expect(object["message"] as? String == "request")
        #expect(object["level"] as? String == "info")
        #expect(object["hb.request.id"] as? String == "abc")
        #expect(object["status"] as? Int == 200)
        #expect(object["duration_ms"] as? Double == 12.5)
        #expect(object["path"] as? String == "/v1/render")
        #expect((object["time"] as? String).flatMap { ISO8601DateFormatter().date(from: $0.replacingOccurrences(of: #"\.\d+"#, with: "", options: .regularExpression)) } != nil)
    }

    @Test func metricsCarryTheBuildAndTheStartTime() async throws {
        let before = Date().timeIntervalSince1970
        try await withService { server in
            let text = try await server.get("/metrics").text
            #expect(text.contains("quire_build_info{version=\"\(QuireVersion.number)\",swift=\""), "\(text)")
            #expect(text.contains("# TYPE process_start_time_seconds gauge"))
            let start = try #require(try await server.metric("process_start_time_seconds"))
            #expect(start >= before.rounded(.down) - 1 && start <= Date().timeIntervalSince1970)
            // Counters are written once they count something: the scrape above is counted now.
            #expect(try await server.get("/metrics").text.contains("# HELP quire_http_requests_total HTTP requests answered"))
        }
    }

    /// Every setting reads from its `QUIRE_…` variable (the name swift-configuration's
    /// environment provider derives from the flag), and a bad value names the variable.
    @Test func everySettingIsReadFromItsEnvironmentVariable() throws {
        let values: [ServiceSetting: (String, (ServiceConfiguration) -> String)] = [
            .host: ("0.0.0.0", { $0.host }), .port: ("9090", { String($0.port) }),
            .maxBodyMib: ("7", { String($0.maxBodyBytes / 1_048_576) }), .maxPages: ("9", { String($0.maxPages) }),
            .renderTimeout: ("1.5", { String($0.renderTimeout) }), .concurrency: ("3", { String($0.maxConcurrentRenders) }),
            .maxQueue: ("0", { String($0.maxQueuedRenders) }), .maxConnections: ("11", { String($0.maxConnections) }),
            .idleTimeout: ("2.5", { String($0.idleTimeout) }), .logFormat: ("json", { $0.logFormat.rawValue }),
            .logLevel: ("debug", { $0.logLevel.rawValue }), .headerTimeout: ("4.5", { String($0.headerTimeout) }),
            .minUploadRateKib: ("8", { String($0.minUploadRate / 1024) }),
            .memoryBudgetMib: ("900", { String(($0.memoryBudgetBytes ?? 0) / 1_048_576) }),
        ]
        #expect(Set(values.keys) == Set(ServiceSetting.allCases))
        var configuration = ServiceConfiguration(resources: .init(root: repositoryRoot))
        try configuration.apply(environment: Dictionary(uniqueKeysWithValues: values.map { ($0.key.variable, $0.value.0) }))
        for (setting, (value, read)) in values { #expect(read(configuration) == value, "\(setting.variable)") }
        #expect(ServiceSetting.maxBodyMib.variable == "QUIRE_MAX_BODY_MIB")

        for (setting, bad) in [(ServiceSetting.port, "eighty"), (.maxBodyMib, "0"), (.renderTimeout, "nan"), (.logFormat, "xml"), (.maxQueue, "-1")] {
            var fresh = ServiceConfiguration(resources: .init(root: repositoryRoot))
            #expect {
                try fresh.apply(environment: [setting.variable: bad])
            } throws: { error in
                "\(error)".contains(setting.variable) && "\(error)".contains(setting.flag)
            }
        }
    }

    /// The multipart reader stores each file as it was sent, however the body is cut into
    /// chunks, boundary look-alikes in the content included.
    @Test(arguments: [1, 7, 4096, 100_000])
    func formsAreStoredExactlyWhateverTheChunks(chunk: Int) throws {
        var form = MultipartForm()
        let boundaryLike = Data("\r\n--\(form.boundary.dropLast(3))\r\n--x".utf8)
        let binary = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }) + boundaryLike + Data([13, 10, 45, 45])
        form.add("paper", filename: "my paper.md", Data("---\nsubject: x\n---\n".utf8))
        form.add("data/figures.yaml", filename: "figures.yaml", Data("a: 1\n".utf8))
        form.add("file", filename: "logo.png", binary)
        form.add("empty.txt", filename: "empty.txt", Data())
        form.add("layout", Data("cabinet-decision".utf8))
        let workspace = Workspace()
        defer { workspace.remove() }
        let reader = FormReader(boundary: form.boundary, workspace: workspace, mainField: "paper", defaultName: "paper.md")
        let body = form.finished
        for start in stride(from: 0, to: body.count, by: chunk) {
            try reader.feed(ByteBuffer(bytes: body[start..<min(body.count, start + chunk)]))
        }
        let options = try reader.finish()
        #expect(options == ["layout": "cabinet-decision"])
        func stored(_ path: String) -> Data? { FileManager.default.contents(atPath: workspace.root.appendingPathComponent(path).path) }
        #expect(workspace.mainPath.hasSuffix("/my paper.md"))
        #expect(stored("my paper.md") == Data("---\nsubject: x\n---\n".utf8))
        #expect(stored("data/figures.yaml") == Data("a: 1\n".utf8))
        #expect(stored("logo.png") == binary)
        #expect(stored("empty.txt") == Data())
    }

    @Test func formsCutShortOrOverTheirLimitsAreRefused() throws {
        func problem(_ body: Data, boundary: String = "b") -> Problem? {
            let workspace = Workspace()
            defer { workspace.remove() }
            let reader = FormReader(boundary: boundary, workspace: workspace, mainField: "paper", defaultName: "paper.md")
            do {
                try reader.feed(ByteBuffer(data: body))
                _ = try reader.finish()
                return nil
            } catch {
                return error
            }
        }
        #expect(problem(Data("--b\r\nContent-Disposition: form-data; name=\"paper\"\r\n\r\nhalf".utf8))?.detail.contains("ends inside a part") == true)
        #expect(problem(Data("no boundary at all".utf8))?.detail.contains("no part") == true)
        #expect(problem(Data("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--b--\r\n".utf8))?.field == "paper")
        let headers = "--b\r\nContent-Disposition: form-data; name=\"paper\"\r\n" + String(repeating: "X-Padding: \(String(repeating: "p", count: 1000))\r\n", count: 20)
        #expect(problem(Data((headers + "\r\nx\r\n--b--\r\n").utf8))?.detail.contains("16 KB") == true)
        #expect(problem(Data("--b\r\nContent-Disposition: form-data; name=\"paper\"; filename=\"a.md\"\r\n\r\n1\r\n--b\r\nContent-Disposition: form-data; name=\"../x\"; filename=\"x\"\r\n\r\n2\r\n--b--\r\n".utf8))?.kind == "path")
        let twice = "--b\r\nContent-Disposition: form-data; name=\"paper\"; filename=\"a.md\"\r\n\r\n1\r\n--b\r\nContent-Disposition: form-data; name=\"a.md\"; filename=\"a.md\"\r\n\r\n2\r\n--b--\r\n"
        #expect(problem(Data(twice.utf8))?.detail.contains("sent twice") == true)
    }
}
