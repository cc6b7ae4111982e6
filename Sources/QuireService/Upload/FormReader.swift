import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// Reads a `multipart/form-data` body (RFC 7578) as it arrives: multipart-kit's parser splits
/// it into parts, and each file part is written into the workspace chunk by chunk, so the body
/// is never held whole in memory. The limits around the parser: at most `maxBytes` of body
/// (413 past it), `maxParts` parts, 16 KB of headers and 64 KB of value per part and
/// `Workspace.maxFiles` files; anything malformed is a `Problem` (400) saying what is wrong.
///
/// The main part (`mainField`) is stored under the client's file name when it is a plain one
/// (so errors name it as the CLI would), else `defaultName`; every other part with a file name
/// is stored at the path its field name gives, or at its file name when the field is called
/// `file`; parts without a file name are options, returned by name.
final class FormReader {
    static let maxParts = 2000
    static let maxHeaderBytes = 16_384
    static let maxOptionBytes = 65_536

    private enum Destination {
        case file(StoredFile)
        case option(name: String, value: Data)
    }

    private let parser: MultipartParser
    /// Sees each chunk before the parser does (multipart-kit traps on a non-ASCII header name).
    private var headerNames: HeaderNameGuard
    private let workspace: Workspace
    private let mainField: String
    private let defaultName: String
    private var headers: [(name: String, value: String)] = []
    private var headerBytes = 0
    private var destination: Destination?
    private var inPart = false
    private var parts = 0
    private var sawMain = false
    private var sawAnything = false
    private(set) var options: [String: String] = [:]
    private var failure: Problem?

    init(boundary: String, workspace: Workspace, mainField: String, defaultName: String) {
        parser = MultipartParser(boundary: boundary)
        headerNames = HeaderNameGuard(boundary: boundary)
        self.workspace = workspace
        self.mainField = mainField
        self.defaultName = defaultName
        parser.onHeader = { [unowned self] name, value in
            guard failure == nil else { return }
            sawAnything = true
            inPart = true
            headers.append((name, value))
            headerBytes += name.utf8.count + value.utf8.count + 4
            if headerBytes > Self.maxHeaderBytes { failure = .badRequest("a multipart part's headers are over 16 KB") }
        }
        parser.onBody = { [unowned self] chunk in
            guard failure == nil else { return }
            sawAnything = true
            inPart = true
            do throws(Problem) {
                try receive(chunk)
            } catch {
                failure = error
            }
        }
        parser.onPartComplete = { [unowned self] in
            guard failure == nil else { return }
            sawAnything = true
            do throws(Problem) {
                if destination == nil { try open() }
                try close()
            } catch {
                failure = error
            }
        }
    }

    /// Feeds the body through the parser as it arrives; returns the options once every part
    /// is stored.
    func read(_ body: RequestBody, maxBytes: Int, progress: (Int) async throws -> Void = { _ in }) async throws -> [String: String] {
        var received = 0
        for try await chunk in body {
            received += chunk.readableBytes
            guard received <= maxBytes else { throw Problem.tooLarge(limit: maxBytes) }
            try feed(chunk)
            try await progress(received)
        }
        return try finish()
    }

    /// The next bytes of the body, however it was cut.
    func feed(_ chunk: ByteBuffer) throws(Problem) {
        guard headerNames.accepts(chunk.readableBytesView) else {
            throw .badRequest("a multipart part's header name holds a byte outside ASCII (header names are ASCII: RFC 7578, RFC 5322)",
                              hint: "send the form as multipart/form-data with plain header names, e.g. curl -F paper=@paper.md")
        }
        do {
            try parser.execute(chunk)
        } catch {
            throw failure ?? .badRequest("the multipart body is malformed (a part's headers cannot be read, or a boundary is broken)",
                                         hint: "send the form as multipart/form-data, e.g. curl -F paper=@paper.md")
        }
        if let failure { throw failure }
    }

    /// The body has ended: every part must be complete and the main one there.
    func finish() throws(Problem) -> [String: String] {
        guard sawAnything else {
            throw Problem.badRequest("the multipart body has no part starting with its boundary",
                                     hint: "send the form as multipart/form-data, e.g. curl -F paper=@paper.md")
        }
        guard !inPart else {
            throw Problem.badRequest("the multipart body ends inside a part", hint: "the body may have been cut short; send it again")
        }
        guard sawMain else {
            throw Problem.badRequest("the form has no '\(mainField)' part", field: mainField, hint: "send the \(mainField) as -F \(mainField)=@\(defaultName)")
        }
        return options
    }

    /// A chunk of the current part's body: the part is placed on its first chunk.
    private func receive(_ chunk: ByteBuffer) throws(Problem) {
        if destination == nil { try open() }
        switch destination {
        case .file(let file):
            let problem: Problem? = chunk.withUnsafeReadableBytes { raw in
                do throws(Problem) { try file.write(raw) } catch { return error }
                return nil
            }
            if let problem { throw problem }
        case .option(let name, var value):
            value.append(contentsOf: chunk.readableBytesView)
            guard value.count <= Self.maxOptionBytes else { throw .badRequest("the form field '\(name)' is over 64 KB", field: name) }
            destination = .option(name: name, value: value)
        case nil: break
        }
    }

    /// Decides where the part whose headers were just read goes.
    private func open() throws(Problem) {
        parts += 1
        guard parts <= Self.maxParts else { throw .badRequest("the form has more than \(Self.maxParts) parts") }
        guard let disposition = headers.first(where: { $0.name.lowercased() == "content-disposition" }),
              let name = dispositionParameters(disposition.value)["name"]
        else {
            throw .badRequest("a multipart part has no Content-Disposition with a name", hint: "every part needs a form-field name")
        }
        let filename = dispositionParameters(disposition.value)["filename"]
        if name == mainField {
            guard !sawMain else { throw .badRequest("the form has more than one '\(mainField)' part", field: mainField) }
            sawMain = true
            destination = .file(try workspace.create(mainName(filename, default: defaultName), main: true))
        } else if let filename {
            destination = .file(try workspace.create(name == "file" ? filename : name))
        } else {
            destination = .option(name: name, value: Data())
        }
    }

    /// Ends the current part.
    private func close() throws(Problem) {
        switch destination {
        case .file(let file): file.close()
        case .option(let name, let value): options[name] = String(decoding: value, as: UTF8.self)
        case nil: break
        }
        destination = nil
        headers = []
        headerBytes = 0
        inPart = false
    }
}

/// `form-data; name="paper"; filename="a.md"` → ["name": "paper", "filename": "a.md"], quoted
/// values unescaped (multipart-kit's own reader splits at every `=`, so it would cut a file name
/// holding one).
func dispositionParameters(_ value: String) -> [String: String] {
    var result: [String: String] = [:]
    var rest = Substring(value)
    while let semicolon = rest.firstIndex(of: ";") {
        rest = rest[rest.index(after: semicolon)...].drop { $0 == " " }
        guard let equals = rest.firstIndex(of: "=") else { break }
        let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
        rest = rest[rest.index(after: equals)...]
        var text = ""
        if rest.first == "\"" {
            var index = rest.index(after: rest.startIndex)
            while index < rest.endIndex, rest[index] != "\"" {
                if rest[index] == "\\", rest.index(after: index) < rest.endIndex { index = rest.index(after: index) }
                text.append(rest[index])
                index = rest.index(after: index)
            }
            rest = index < rest.endIndex ? rest[rest.index(after: index)...] : ""
        } else {
            let end = rest.firstIndex(of: ";") ?? rest.endIndex
            text = rest[..<end].trimmingCharacters(in: .whitespaces)
            rest = rest[end...]
        }
        result[key] = text
    }
    return result
}

/// The boundary parameter of a `multipart/form-data` content type.
func multipartBoundary(_ contentType: String) -> String? {
    guard let range = contentType.range(of: "boundary=", options: .caseInsensitive) else { return nil }
    var value = contentType[range.upperBound...].prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
    if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
    return value.isEmpty || value.count > 70 ? nil : value
}

/// The client's own name for the main file when it is a plain file name, so that errors name
/// it as the CLI would; else the default.
func mainName(_ filename: String?, default name: String) -> String {
    guard let filename, !filename.isEmpty, filename.count <= 255, !filename.contains("/"), !filename.contains("\\"),
          !filename.hasPrefix("."), filename.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0 != "\u{7F}" })
    else { return name }
    return filename
}
