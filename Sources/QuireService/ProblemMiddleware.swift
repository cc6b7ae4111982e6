import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1

/// Turns whatever a route throws into a problem document with the right status (nothing
/// escapes as a dropped connection), and counts every answer by route and status.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = QuireRequestContext
    let metrics: Metrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            let problem = Self.problem(for: error, request: request)
            metrics.countError(kind: problem.kind)
            response = problem.response()
        }
        // Routes are named from `Route` only (anything else is "other"), so clients cannot grow the labels.
        let route = Route(path: request.uri.path)?.path ?? "other"
        metrics.countRequest(route: route, method: request.method.rawValue, status: response.status.code)
        return response
    }

    static func problem(for error: any Error, request: Request) -> Problem {
        switch error {
        case let problem as Problem: return problem
        case let error as HTTPError where error.status == .notFound && Route(path: request.uri.path) != nil:
            let allow = Route(path: request.uri.path)!.methods.map(\.rawValue).joined(separator: ", ")
            return Problem(.methodNotAllowed, kind: "method-not-allowed", title: "The endpoint does not take that method",
                           detail: "\(request.uri.path) takes \(allow), not \(request.method.rawValue)", allow: allow)
        case let error as HTTPError where error.status == .notFound:
            return Problem(.notFound, kind: "not-found", title: "No such endpoint",
                           detail: "\(request.method.rawValue) \(request.uri.path) is not an endpoint of this service", hint: "see /openapi.yaml")
        case let error as any HTTPResponseError:
            return Problem(error.status, kind: "http", title: error.status.reasonPhrase, detail: "\(error)")
        case let error as HTTPParserError:
            // The body's framing broke after the headers were read (a bad chunk, a transfer
            // coding the server does not take): the client's request, not the server, failed.
            return Problem.badRequest("the request's body cannot be read: \(error == .invalidChunkSize ? "a chunk's size is not hexadecimal" : "its framing is broken (\(error))")",
                                      hint: "send the body with a Content-Length, or chunked with no other Transfer-Encoding (gzip and the like are not accepted)")
        case is NIOTooManyBytesError:
            return Problem(.contentTooLarge, kind: "too-large", title: "The request is too large", detail: "the request body is over the limit")
        default:
            return Problem(.internalServerError, kind: "internal", title: "The server failed", detail: "the request could not be completed: \(error)")
        }
    }
}
