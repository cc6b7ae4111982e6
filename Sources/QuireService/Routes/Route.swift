public import HTTPTypes

/// Every endpoint of the service, written once. The router is built from this list
/// (`Service.router()`, one handler per case, so a route cannot lack one); the problem
/// middleware names metrics' routes and a 405's `Allow` from it; the tests hold
/// `openapi.yaml` and the README to it. A GET route answers HEAD as well: the router makes
/// the HEAD endpoint from the GET one, with the same status and headers and no body.
public enum Route: String, CaseIterable, Sendable {
    case preview = "/"
    case script = "/preview.js"
    case openAPI = "/openapi.yaml"
    case health = "/healthz"
    case metrics = "/metrics"
    case layouts = "/v1/layouts"
    case render = "/v1/render"
    case packs = "/v1/packs"

    public var path: String { rawValue }

    /// The method the route is written for.
    public var method: HTTPRequest.Method {
        switch self {
        case .render, .packs: .post
        case .preview, .script, .openAPI, .health, .metrics, .layouts: .get
        }
    }

    /// Every method it answers: a GET route answers HEAD too.
    public var methods: [HTTPRequest.Method] { method == .get ? [.get, .head] : [method] }

    /// The route at `path`, if it is one.
    public init?(path: String) { self.init(rawValue: path) }
}
