import Foundation
public import Hummingbird
public import QuireModel

/// An error answer as an RFC 9457 problem document (`application/problem+json`): `type`,
/// `title`, `status`, `detail`, plus the same file, line, field and hint the CLI prints, so
/// a client can point at the line that is wrong.
public struct Problem: Error, Sendable, Codable, Equatable {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    public var file: String?
    public var line: Int?
    public var field: String?
    public var hint: String?
    /// Seconds to wait before retrying (sent as Retry-After too).
    public var retryAfter: Int?
    /// The methods a path takes, for a 405 (sent as the Allow header, not in the body).
    var allow: String?
    /// Further problems found in the same run, in line order (a front matter with four
    /// mistakes is answered with all four, as the CLI prints them).
    public var errors: [Problem]?

    private enum CodingKeys: String, CodingKey { case type, title, status, detail, file, line, field, hint, retryAfter, errors }

    public init(_ status: HTTPResponse.Status, kind: String, title: String, detail: String, file: String? = nil, line: Int? = nil,
                field: String? = nil, hint: String? = nil, retryAfter: Int? = nil, allow: String? = nil) {
        self.type = Problem.typeURI(kind)
        self.title = title
        self.status = status.code
        self.detail = detail
        self.file = file
        self.line = line
        self.field = field
        self.hint = hint
        self.retryAfter = retryAfter
        self.allow = allow
    }

    /// Problem types are tag URIs: stable names, not pages to fetch.
    public static func typeURI(_ kind: String) -> String { "tag:quire,2026:problem:\(kind)" }

    /// The kind at the end of `type` (metrics count errors by it).
    public var kind: String { String(type.split(separator: ":").last ?? "") }

    /// A source or layout problem, as the CLI would report it. `workspace` (the request's
    /// temporary folder) is cut from paths so that answers name the client's own files.
    public init(_ error: QuireError, workspace: String?) {
        func clean(_ text: String) -> String { workspace.map { text.removingWorkspace($0) } ?? text }
        let status: HTTPResponse.Status = switch error.kind {
        case .timeLimit: .serviceUnavailable
        case .diskFull: Problem.insufficientStorage
        default: .unprocessableContent
        }
        // A full disk is answered as the upload's is (Problem.diskFull): the server's trouble, worth a retry.
        let full = error.kind == .diskFull
        self.init(status, kind: full ? "disk-full" : error.kind.rawValue, title: Problem.title(of: error.kind), detail: clean(error.message),
                  file: error.location.map { clean($0.file) }, line: error.location?.line, field: error.field,
                  hint: full ? Problem.retryElsewhere : error.hint.map(clean), retryAfter: error.kind == .timeLimit ? 5 : full ? 10 : nil)
        if !error.others.isEmpty { errors = error.others.map { Problem($0, workspace: workspace) } }
    }

    private static func title(of kind: QuireError.Kind) -> String {
        switch kind {
        case .encoding: "The source is not valid UTF-8 text"
        case .yaml: "The front matter is not valid YAML"
        case .unknownField: "The source has a field Quire does not know"
        case .missingField: "The source lacks a field its layout requires"
        case .invalidValue: "A field has a value Quire cannot use"
        case .markdown: "The body cannot be read"
        case .emptyBody: "The body is empty"
        case .layout: "The layout cannot be used"
        case .io: "A file the source names cannot be read"
        case .limit: "The document is over a limit"
        case .timeLimit: "The render took too long"
        case .diskFull: "The server has no room for the request"
        }
    }

    /// The HTTP answer.
    public func response() -> Response {
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if let allow { headers[.allow] = allow }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(self)) ?? Data("{\"status\":\(status)}".utf8)
        return Response(status: HTTPResponse.Status(code: status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension Problem {
    /// The request itself is malformed (not its source): 400.
    static func badRequest(_ detail: String, field: String? = nil, hint: String? = nil) -> Problem {
        Problem(.badRequest, kind: "bad-request", title: "The request cannot be read", detail: detail, field: field, hint: hint)
    }
}

extension String {
    /// The text with a request's workspace path cut out, so that it names the client's own files.
    func removingWorkspace(_ workspace: String) -> String {
        replacingOccurrences(of: workspace + "/", with: "").replacingOccurrences(of: workspace, with: "the uploaded files")
    }
}
