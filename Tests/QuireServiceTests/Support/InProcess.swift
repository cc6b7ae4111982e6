import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOFoundationEssentialsCompat
import QuireKit
import QuireLoopback
@testable import QuireService
import QuireSystem

/// The service in the test's own process, driven through Hummingbird's router test framework
/// (`app.test(.router)`): requests go straight to the router, bodies in 32 KB chunks as a
/// socket would deliver them. For what needs a real process (SIGTERM, memory, bytes on the
/// wire) the tests use `ServerProcess`.
func withService<T: Sendable>(_ settings: [ServiceSetting: String] = [:], logger: Logger? = nil,
                              _ test: @Sendable (InProcessClient) async throws -> T) async throws -> T {
    var configuration = ServiceConfiguration(resources: Resources(root: repositoryRoot))
    for (setting, value) in settings { try configuration.apply(setting, value, from: setting.flag) }
    let service = try Service(configuration: configuration)
    var quiet = Logger(label: "quire-test")
    quiet.logLevel = .critical
    return try await service.application(logger: logger ?? quiet).test(.router) { client in try await test(InProcessClient(client: client)) }
}

/// Requests to an in-process service, answered as `HTTPReply`s like the socket client's, so the
/// same checks read both.
struct InProcessClient: Sendable {
    let client: any TestClientProtocol

    func send(_ method: HTTPRequest.Method, _ path: String, headers: [(String, String)] = [], body: Data? = nil) async throws -> HTTPReply {
        var fields = HTTPFields()
        for (name, value) in headers { fields.append(HTTPField(name: HTTPField.Name(name)!, value: value)) }
        let response = try await client.execute(uri: path, method: method, headers: fields, body: body.map { ByteBuffer(data: $0) })
        return HTTPReply(status: response.status.code, headers: response.headers.map { ($0.name.canonicalName, $0.value) },
                         body: Data(buffer: response.body))
    }

    func get(_ path: String, headers: [(String, String)] = []) async throws -> HTTPReply { try await send(.get, path, headers: headers) }

    func post(_ path: String, form: MultipartForm, headers: [(String, String)] = []) async throws -> HTTPReply {
        try await send(.post, path, headers: [("Content-Type", form.contentType)] + headers, body: form.finished)
    }

    func post(_ path: String, json: Any) async throws -> HTTPReply {
        try await send(.post, path, headers: [("Content-Type", "application/json")], body: try JSONSerialization.data(withJSONObject: json))
    }

    /// The value of an unlabelled metric such as `quire_renders_in_flight`, read from /metrics.
    func metric(_ name: String) async throws -> Double? {
        try await get("/metrics").text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
    }
}

/// A log handler keeping every record, for tests that read the service's log.
struct RecordingLogHandler: LogHandler {
    final class Records: Sendable {
        private let stored = Locked([(message: String, metadata: Logger.Metadata)]())
        func append(_ record: (String, Logger.Metadata)) { stored.withLock { $0.append(record) } }
        var all: [(message: String, metadata: Logger.Metadata)] { stored.value }
    }

    let records: Records
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        records.append((event.message.description, metadata.merging(event.metadata ?? [:]) { $1 }))
    }
}
