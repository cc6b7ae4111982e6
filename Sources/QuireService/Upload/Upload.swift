import Foundation
import Hummingbird
import NIOCore
import NIOFoundationEssentialsCompat

/// Reads a request's body into `workspace`, in either of the two request forms, and returns
/// its text options. `mainField` is the form field (or JSON key) holding the main file:
/// `paper` for a render, `manifest` for a pack.
///
/// - `multipart/form-data`: streamed into the workspace as it arrives (`FormReader`).
/// - `application/json`: `{"paper": "…", "filename": "paper.md", "files": [{"path": "…",
///   "content": "…", "encoding": "utf-8" | "base64"}], "layout": "…"}`, read whole (within
///   `maxBytes`) and decoded.
func receiveUpload(_ request: Request, into workspace: Workspace, mainField: String, defaultName: String, maxBytes: Int) async throws -> [String: String] {
    let contentType = request.headers[.contentType] ?? ""
    let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    switch type {
    case "multipart/form-data":
        guard let boundary = multipartBoundary(contentType) else {
            throw Problem.badRequest("the multipart/form-data content type has no usable boundary")
        }
        let reader = FormReader(boundary: boundary, workspace: workspace, mainField: mainField, defaultName: defaultName)
        return try await reader.read(request.body, maxBytes: maxBytes)
    case "application/json":
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBytes)
        } catch is NIOTooManyBytesError {
            throw Problem.tooLarge(limit: maxBytes)
        }
        return try storeJSONUpload(Data(buffer: body), into: workspace, mainField: mainField, defaultName: defaultName)
    default:
        throw Problem(.unsupportedMediaType, kind: "unsupported-media-type", title: "The request body's type is not accepted",
                      detail: "content type '\(contentType)' is not accepted",
                      hint: "send multipart/form-data (curl -F \(mainField)=@file) or application/json")
    }
}

private struct JSONUpload: Decodable {
    struct File: Decodable {
        var path: String
        var content: String
        var encoding: String?
    }
    var files: [File]?
    var filename: String?
    var layout: String?
}

private func storeJSONUpload(_ body: Data, into workspace: Workspace, mainField: String, defaultName: String) throws(Problem) -> [String: String] {
    let decoded: JSONUpload
    let object: [String: Any]
    do {
        decoded = try JSONDecoder().decode(JSONUpload.self, from: body)
        object = try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:]
    } catch {
        throw .badRequest("the JSON body cannot be read: \(jsonReason(error))", hint: "send an object such as {\"\(mainField)\": \"…source…\"}")
    }
    guard let text = object[mainField] as? String else {
        throw .badRequest("the JSON body has no string '\(mainField)'", field: mainField)
    }
    let files = decoded.files ?? []
    guard files.count <= Workspace.maxFiles else {
        throw Problem.badRequest("the request has \(files.count) files; at most \(Workspace.maxFiles) are accepted")
    }
    var contents: [(path: String, bytes: Data)] = []
    for (index, file) in files.enumerated() {
        switch file.encoding?.lowercased() ?? "utf-8" {
        case "utf-8", "utf8": contents.append((file.path, Data(file.content.utf8)))
        case "base64":
            guard let bytes = Data(base64Encoded: file.content, options: .ignoreUnknownCharacters) else {
                throw .badRequest("files[\(index)] ('\(file.path)') is not valid base64", field: "files[\(index)].content")
            }
            contents.append((file.path, bytes))
        default:
            throw .badRequest("files[\(index)] has encoding '\(file.encoding ?? "")'", field: "files[\(index)].encoding",
                              hint: "use \"utf-8\" (the default) or \"base64\"")
        }
    }
    // The main file first, so a file sent under its name is the one refused as sent twice.
    try workspace.store(Data(text.utf8), at: mainName(decoded.filename, default: defaultName), main: true)
    for (path, bytes) in contents { try workspace.store(bytes, at: path) }
    var options: [String: String] = [:]
    if let layout = decoded.layout { options["layout"] = layout }
    return options
}

private func jsonReason(_ error: any Error) -> String {
    switch error {
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.keyNotFound(_, let context):
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return (path.isEmpty ? "" : "at \(path.hasPrefix(".") ? String(path.dropFirst()) : path): ") + context.debugDescription
    default: return "it is not valid JSON"
    }
}
