import Foundation
import Hummingbird
import NIOFoundationEssentialsCompat
import QuireKit
import QuireModel

/// The files the service serves as they are, read once from `assets/service/` at start: the
/// preview page (with the example paper filled in), its script and the OpenAPI document.
struct Site: Sendable {
    enum Page: Sendable { case preview, script, openAPI }

    private let preview: Data
    private let script: Data
    private let openAPI: Data

    init(resources: Resources) throws(QuireError) {
        let folder = resources.assets.appendingPathComponent("service")
        func read(_ name: String) throws(QuireError) -> Data {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                throw QuireError(.io, at: nil, "the service file \(folder.path)/\(name) cannot be read",
                                 hint: "restore assets/service/ from the repository, or set QUIRE_HOME")
            }
            return data
        }
        let example = String(decoding: try read("example-paper.md"), as: UTF8.self)
        let page = String(decoding: try read("preview.html"), as: UTF8.self)
        preview = Data(page.replacingOccurrences(of: "{{example-source}}", with: escapeHTML(example)).utf8)
        script = try read("preview.js")
        openAPI = try read("openapi.yaml")
    }

    func page(_ page: Page) -> Response {
        let (data, type) = switch page {
        case .preview: (preview, "text/html; charset=utf-8")
        case .script: (script, "text/javascript; charset=utf-8")
        case .openAPI: (openAPI, "application/yaml")
        }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
                        body: ResponseBody(byteBuffer: ByteBuffer(data: data)))
    }
}

func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(character)
        }
    }
    return out
}
