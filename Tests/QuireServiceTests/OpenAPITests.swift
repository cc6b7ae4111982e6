import Foundation
import HTTPTypes
import QuireLoopback
@testable import QuireService
import Testing
import Yams

/// `assets/service/openapi.yaml` stays true: it lists exactly the endpoints the server
/// answers, and every answer the server gives (good and bad requests alike) has a status and
/// content type the document declares, with the members its schema requires.
@Suite struct OpenAPITests {
    let spec: [String: Any]

    init() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("assets/service/openapi.yaml"), encoding: .utf8)
        spec = try Yams.load(yaml: text) as? [String: Any] ?? [:]
    }

    var paths: [String: [String: Any]] { spec["paths"] as? [String: [String: Any]] ?? [:] }

    /// The document and the route table name the same paths, each with the method it is
    /// written for (HEAD, which every GET route also answers, is left out of the document).
    @Test func theDocumentListsExactlyTheServedRoutes() {
        #expect(spec["openapi"] as? String == "3.1.0")
        #expect(Set(paths.keys) == Set(Route.allCases.map(\.path)))
        for route in Route.allCases {
            #expect(paths[route.path].map { Set($0.keys) } == [route.method.rawValue.lowercased()], "\(route.path)")
        }
    }

    @Test func everyAnswerIsDeclared() async throws {
        // The closure runs apart from this suite (its document is not Sendable), so it reads its own.
        try await withService([.maxBodyMib: "1"]) { server in try await OpenAPITests().checkEveryAnswer(server) }
    }

    private func checkEveryAnswer(_ server: InProcessClient) async throws {
        let paper = try contents(examplePaper)
        let folder = examplesFolder.appendingPathComponent("county-council-2017-10-19")
        var pack = MultipartForm()
        pack.add("manifest", filename: "pack.yaml", Data("meeting:\n  committee: Test\n  date: 2017-10-19\nitems:\n  - number: 1\n    title: Minutes\n    pdf: minutes.pdf\n".utf8))
        pack.add("minutes.pdf", filename: "minutes.pdf", try contents(folder.appendingPathComponent("minutes-2017-07-20.pdf")))
        var badPack = MultipartForm()
        badPack.add("manifest", filename: "pack.yaml", Data("meeting: [\n".utf8))
        var exchanges: [(method: String, path: String, reply: HTTPReply)] = []
        for route in Route.allCases where route.method == .get {
            exchanges.append(("get", route.path, try await server.get(route.path)))
        }
        exchanges += [
            ("post", "/v1/render", try await server.post("/v1/render", form: paperForm(paper))),
            ("post", "/v1/render", try await server.post("/v1/render?format=png&page=1", form: paperForm(paper))),
            ("post", "/v1/render", try await server.post("/v1/render", form: paperForm(Data("---\nsubject: [\n---\n".utf8)))),
            ("post", "/v1/render", try await server.post("/v1/render?format=tiff", form: paperForm(paper))),
            ("post", "/v1/render", try await server.post("/v1/render", form: paperForm(Data(count: 2 * 1024 * 1024)))),
            ("post", "/v1/render", try await server.send(.post, "/v1/render", headers: [("Content-Type", "text/csv")], body: Data("a".utf8))),
            ("post", "/v1/render", try await server.post("/v1/render", json: ["paper": String(decoding: paper, as: UTF8.self)])),
            ("post", "/v1/packs", try await server.post("/v1/packs", form: pack)),
            ("post", "/v1/packs", try await server.post("/v1/packs", form: badPack)),
        ]
        for (method, path, reply) in exchanges {
            guard let operation = paths[path]?[method] as? [String: Any] else {
                Issue.record("\(method.uppercased()) \(path) is answered but not in the document")
                continue
            }
            let responses = operation["responses"] as? [String: Any] ?? [:]
            guard let declared = responses[String(reply.status)] else {
                Issue.record("\(method.uppercased()) \(path) answered \(reply.status), which the document does not declare")
                continue
            }
            let response = resolve(declared)
            let types = (response["content"] as? [String: Any])?.keys.map { $0 } ?? []
            let answered = reply.header("Content-Type")?.split(separator: ";").first.map(String.init) ?? ""
            #expect(types.contains(answered), "\(method.uppercased()) \(path) \(reply.status): \(answered) is not among \(types)")
            if answered == "application/problem+json" {
                let object = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any] ?? [:]
                let schema = resolve(["$ref": "#/components/schemas/Problem"])
                for member in schema["required"] as? [String] ?? [] { #expect(object[member] != nil, "\(path) \(reply.status): problem lacks \(member)") }
                #expect(object["status"] as? Int == reply.status)
                for name in (response["headers"] as? [String: Any] ?? [:]).keys { #expect(reply.header(name) != nil, "\(path) \(reply.status): no \(name) header") }
            }
            if reply.status == 200, let headers = response["headers"] as? [String: Any], headers["Quire-Page-Count"] != nil {
                #expect(Int(reply.header("Quire-Page-Count") ?? "") != nil, "\(path): Quire-Page-Count")
            }
        }
        // Methods the document does not list (but HEAD on a GET route) are not served, and the
        // 405 names the ones that are.
        for (path, operations) in paths {
            let allow = operations.keys.first.map { $0 == "get" ? "GET, HEAD" : $0.uppercased() }
            for method in ["GET", "POST", "PUT", "DELETE", "HEAD"] where operations[method.lowercased()] == nil {
                if method == "HEAD", operations["get"] != nil { continue }
                let reply = try await server.send(HTTPRequest.Method(method)!, path)
                #expect(reply.status == 405, "\(method) \(path) answered \(reply.status)")
                #expect(reply.header("Allow") == allow, "\(method) \(path): Allow")
            }
        }
    }

    /// Follows a `$ref` within the document.
    private func resolve(_ node: Any) -> [String: Any] {
        guard let object = node as? [String: Any] else { return [:] }
        guard let reference = object["$ref"] as? String, reference.hasPrefix("#/") else { return object }
        var current: Any = spec
        for key in reference.dropFirst(2).split(separator: "/") { current = (current as? [String: Any])?[String(key)] ?? [:] }
        return resolve(current)
    }
}
