import Foundation

/// What a client sent: the main file (a paper source or a pack manifest), the files it names
/// (data, images, papers, PDF appendices) by their relative paths, and text options.
struct Upload {
    var main: UploadedFile
    var files: [UploadedFile]
    var options: [String: String]
}

struct UploadedFile {
    var path: String
    var bytes: Data
}

/// The two request forms. `mainField` is the form field (or JSON key) holding the main file:
/// `paper` for a render, `manifest` for a pack.
///
/// - `multipart/form-data`: the main file in its field; every other part with a file name is
///   a file saved at the path its field name gives (`-F data/figures.yaml=@figures.yaml`), or
///   at its file name when the field is called `file`; parts without a file name are options.
/// - `application/json`: `{"paper": "…", "filename": "paper.md", "files": [{"path": "…",
///   "content": "…", "encoding": "utf-8" | "base64"}], "layout": "…"}`.
func readUpload(_ body: Data, contentType: String, mainField: String, defaultName: String) throws(Problem) -> Upload {
    let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    switch type {
    case "multipart/form-data":
        guard let boundary = multipartBoundary(contentType) else {
            throw .badRequest("the multipart/form-data content type has no usable boundary")
        }
        return try uploadFromForm(try parseMultipart(body, boundary: boundary), mainField: mainField, defaultName: defaultName)
    case "application/json":
        return try uploadFromJSON(body, mainField: mainField, defaultName: defaultName)
    default:
        throw Problem(.unsupportedMediaType, kind: "unsupported-media-type", title: "The request body's type is not accepted",
                      detail: "content type '\(contentType)' is not accepted",
                      hint: "send multipart/form-data (curl -F \(mainField)=@file) or application/json")
    }
}

private func uploadFromForm(_ parts: [FormPart], mainField: String, defaultName: String) throws(Problem) -> Upload {
    var main: UploadedFile?
    var files: [UploadedFile] = []
    var options: [String: String] = [:]
    for part in parts {
        if part.name == mainField {
            guard main == nil else { throw .badRequest("the form has more than one '\(mainField)' part", field: mainField) }
            main = UploadedFile(path: mainName(part.filename, default: defaultName), bytes: part.body)
        } else if let filename = part.filename {
            files.append(UploadedFile(path: part.name == "file" ? filename : part.name, bytes: part.body))
        } else {
            options[part.name] = String(decoding: part.body, as: UTF8.self)
        }
    }
    guard let main else {
        throw .badRequest("the form has no '\(mainField)' part", field: mainField, hint: "send the \(mainField) as -F \(mainField)=@\(defaultName)")
    }
    return Upload(main: main, files: files, options: options)
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

private func uploadFromJSON(_ body: Data, mainField: String, defaultName: String) throws(Problem) -> Upload {
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
    var files: [UploadedFile] = []
    for (index, file) in (decoded.files ?? []).enumerated() {
        switch file.encoding?.lowercased() ?? "utf-8" {
        case "utf-8", "utf8": files.append(UploadedFile(path: file.path, bytes: Data(file.content.utf8)))
        case "base64":
            guard let bytes = Data(base64Encoded: file.content, options: .ignoreUnknownCharacters) else {
                throw .badRequest("files[\(index)] ('\(file.path)') is not valid base64", field: "files[\(index)].content")
            }
            files.append(UploadedFile(path: file.path, bytes: bytes))
        default:
            throw .badRequest("files[\(index)] has encoding '\(file.encoding ?? "")'", field: "files[\(index)].encoding",
                              hint: "use \"utf-8\" (the default) or \"base64\"")
        }
    }
    var options: [String: String] = [:]
    if let layout = decoded.layout { options["layout"] = layout }
    return Upload(main: UploadedFile(path: mainName(decoded.filename, default: defaultName), bytes: Data(text.utf8)), files: files, options: options)
}

/// The client's own name for the main file when it is a plain file name, so that errors name
/// it as the CLI would; else the default.
private func mainName(_ filename: String?, default name: String) -> String {
    guard let filename, !filename.isEmpty, filename.count <= 255, !filename.contains("/"), !filename.contains("\\"),
          !filename.hasPrefix("."), filename.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0 != "\u{7F}" })
    else { return name }
    return filename
}

private func jsonReason(_ error: any Error) -> String {
    switch error {
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.keyNotFound(_, let context):
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return (path.isEmpty ? "" : "at \(path.hasPrefix(".") ? String(path.dropFirst()) : path): ") + context.debugDescription
    default: return "it is not valid JSON"
    }
}
