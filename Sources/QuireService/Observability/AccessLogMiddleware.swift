import HTTPTypes
import Hummingbird
import Logging
import QuireKit
import QuireSystem

/// One access-log line per request, written when the answer is ready: method, path, status,
/// duration and the request id. The id is the client's `X-Request-Id` when it sends a usable
/// one (so a council system's id follows the request through), else the one Hummingbird gave
/// the request; it is put on the request's logger, so every line logged for the request
/// carries it, and sent back in `X-Request-Id`.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = QuireRequestContext

    static let requestIDHeader = HTTPField.Name("X-Request-Id")!
    /// Hummingbird's own metadata key for the request id (`context.id` reads it).
    static let requestIDKey = "hb.request.id"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let id = request.headers[Self.requestIDHeader].flatMap(Self.usableID) ?? context.id
        context.logger[metadataKey: Self.requestIDKey] = .string(id)
        let started = ContinuousClock.now
        var response = try await next(request, context)
        response.headers[Self.requestIDHeader] = id
        let elapsed = ContinuousClock.now - started
        var metadata: Logger.Metadata = [
            "method": .string(request.method.rawValue),
            "path": .string(request.uri.path),
            "status": .stringConvertible(response.status.code),
            "duration_ms": .stringConvertible((elapsed.seconds * 1000 * 10).rounded() / 10),
        ]
        if let query = request.uri.query, !query.isEmpty { metadata["query"] = .string(query) }
        if let size = response.body.contentLength { metadata["bytes"] = .stringConvertible(size) }
        context.logger.info("request", metadata: metadata)
        return response
    }

    /// A client's id if it is short printable ASCII without spaces (what goes into logs must
    /// not be able to forge a line); else nil, and the server's own id is used.
    static func usableID(_ value: String) -> String? {
        guard (1...128).contains(value.utf8.count), value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") })
        else { return nil }
        return value
    }
}
