import Dispatch
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
///   `maxBytes`) and decoded off the cooperative threads (a 30 MiB body takes seconds to
///   decode, and health checks must not wait behind it).
///
/// `progress` hears the bytes received so far after each chunk (admission, `Admission`).
func receiveUpload(_ request: Request, into workspace: Workspace, mainField: String, defaultName: String, maxBytes: Int,
                   progress: (Int) async throws -> Void) async throws -> [String: String] {
    let contentType = request.headers[.contentType] ?? ""
    let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    switch type {
    case "multipart/form-data":
        guard let boundary = multipartBoundary(contentType) else {
            throw Problem.badRequest("the multipart/form-data content type has no usable boundary")
        }
        let reader = FormReader(boundary: boundary, workspace: workspace, mainField: mainField, defaultName: defaultName)
        return try await reader.read(request.body, maxBytes: maxBytes, progress: progress)
    case "application/json":
        var body = Data()
        for try await chunk in request.body {
            guard body.count + chunk.readableBytes <= maxBytes else { throw Problem.tooLarge(limit: maxBytes) }
            body.append(contentsOf: chunk.readableBytesView)
            try await progress(body.count)
        }
        let received = body
        body = Data()
        return try await decodingQueue.perform { () throws(Problem) in
            try storeJSONUpload(received, into: workspace, mainField: mainField, defaultName: defaultName)
        }
    default:
        throw Problem(.unsupportedMediaType, kind: "unsupported-media-type", title: "The request body's type is not accepted",
                      detail: "content type '\(contentType)' is not accepted",
                      hint: "send multipart/form-data (curl -F \(mainField)=@file) or application/json")
    }
}

/// Where JSON bodies are decoded: a Dispatch queue of its own, never the cooperative threads
/// that answer /healthz.
private let decodingQueue = DispatchQueue(label: "quire.upload-decode", attributes: .concurrent)

extension DispatchQueue {
    /// Runs `work` on this queue and waits for it without blocking a cooperative thread.
    func perform<T: Sendable>(_ work: @escaping @Sendable () throws(Problem) -> T) async throws(Problem) -> T {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, Problem>, Never>) in
            self.async { continuation.resume(returning: Result(catching: work)) }
        }
        return try result.get()
    }
}

private struct JSONUpload: Decodable {
    struct File: Decodable {
        var path: String
        var content: String
        var encoding: String?
    }
    /// The main file's text, under the key the endpoint names (`paper`, `manifest`).
    var main: String?
    var mainIsString = true
    var files: [File]?
    var filename: String?
    var layout: String?

    static let mainKey = CodingUserInfoKey(rawValue: "quire.main")!

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decoded in one pass (the body was once parsed twice, doubling what it held).
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let mainField = decoder.userInfo[Self.mainKey] as? String ?? "paper"
        if container.contains(Key(mainField)) {
            main = try? container.decode(String.self, forKey: Key(mainField))
            mainIsString = main != nil
        }
        files = try container.decodeIfPresent([File].self, forKey: Key("files"))
        filename = try container.decodeIfPresent(String.self, forKey: Key("filename"))
        layout = try container.decodeIfPresent(String.self, forKey: Key("layout"))
    }
}

private func storeJSONUpload(_ body: Data, into workspace: Workspace, mainField: String, defaultName: String) throws(Problem) -> [String: String] {
    var decoded: JSONUpload
    do {
        let decoder = JSONDecoder()
        decoder.userInfo[JSONUpload.mainKey] = mainField
        decoded = try decoder.decode(JSONUpload.self, from: body)
    } catch {
        throw .badRequest("the JSON body cannot be read: \(jsonReason(error))", hint: "send an object such as {\"\(mainField)\": \"…source…\"}")
    }
    guard let text = decoded.main else {
        throw .badRequest("the JSON body has no string '\(mainField)'", field: mainField)
    }
    decoded.main = nil
    let files = decoded.files ?? []
    guard files.count <= Workspace.maxFiles else {
        throw Problem.badRequest("the request has \(files.count) files; at most \(Workspace.maxFiles) are accepted")
    }
    for (index, file) in files.enumerated() {
        switch file.encoding?.lowercased() ?? "utf-8" {
        case "utf-8", "utf8", "base64": break
        default:
            throw .badRequest("files[\(index)] has encoding '\(file.encoding ?? "")'", field: "files[\(index)].encoding",
                              hint: "use \"utf-8\" (the default) or \"base64\"")
        }
    }
    // The main file first, so a file sent under its name is the one refused as sent twice.
    try workspace.store(Data(text.utf8), at: mainName(decoded.filename, default: defaultName), main: true)
    // Each file decoded and written in turn, so only one decoded copy is held at a time.
    for (index, file) in files.enumerated() {
        if file.encoding?.lowercased() == "base64" {
            guard let bytes = Data(base64Encoded: file.content, options: .ignoreUnknownCharacters) else {
                throw .badRequest("files[\(index)] ('\(file.path)') is not valid base64", field: "files[\(index)].content")
            }
            try workspace.store(bytes, at: file.path)
        } else {
            try workspace.store(Data(file.content.utf8), at: file.path)
        }
    }
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
