import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOFoundationEssentialsCompat
import QuireKit
import QuireSystem

extension Service {
    /// `POST /v1/render`: a paper source with its files → PDF, or one page as PNG
    /// (`?format=png&page=N&dpi=D`). Options: `layout` (form field or JSON key), `pdfa` (query).
    func render(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let output: PaperOutput
        switch query["format"].map(String.init) ?? "pdf" {
        case "pdf": output = .pdf(pdfa: try flag(query["pdfa"], name: "pdfa"))
        case "png":
            let page = try number(query["page"], name: "page", default: 1, range: 1...100_000)
            let dpi = try number(query["dpi"], name: "dpi", default: 96, range: 24...300)
            output = .png(page: Int(page), dpi: dpi)
        case let other:
            throw Problem.badRequest("format '\(other)' is not offered", field: "format", hint: "use format=pdf (the default) or format=png")
        }
        return try await withUpload(request, mainField: "paper", defaultName: "paper.md", kind: output.isPNG ? "png" : "paper") { options, workspace in
            try await renderer.paper(workspace, layout: options["layout"], output: output)
        }
    }

    /// `POST /v1/packs`: a pack manifest with its papers and PDFs → the pack's PDF.
    /// `?mode=public|full&print=true&supplement=true&pdfa=true`.
    func renderPack(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let edition: PackEdition
        switch query["mode"].map(String.init) ?? "public" {
        case "public": edition = .publicPack
        case "full": edition = .fullPack
        case let other:
            throw Problem.badRequest("mode '\(other)' is not a pack edition", field: "mode", hint: "use mode=public (the default) or mode=full")
        }
        let packRequest = PackRequest(edition: edition, print: try flag(query["print"], name: "print") ?? false,
                                      supplement: try flag(query["supplement"], name: "supplement") ?? false,
                                      pdfa: try flag(query["pdfa"], name: "pdfa"))
        return try await withUpload(request, mainField: "manifest", defaultName: "pack.yaml", kind: "pack") { _, workspace in
            try await renderer.pack(workspace, request: packRequest)
        }
    }

    /// The steps every render request takes: admitted or refused (429) before its body is
    /// read; the body streamed into a workspace within the size limit (413); a render slot
    /// awaited; the work done and counted as a render of `kind`; the workspace removed
    /// whatever happens.
    private func withUpload(_ request: Request, mainField: String, defaultName: String, kind: String,
                            _ render: ([String: String], Workspace) async throws -> RenderedFile) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > configuration.maxBodyBytes {
            throw Problem.tooLarge(limit: configuration.maxBodyBytes)
        }
        do {
            try await gate.admit()
        } catch {
            throw Problem(.tooManyRequests, kind: "busy", title: "The service is busy",
                          detail: "all \(gate.slots) render slots are in use and \(gate.queueLimit) requests are already waiting",
                          hint: "retry after the number of seconds in Retry-After", retryAfter: await retryAfter())
        }
        var holdingSlot = false
        defer { Task { [holdingSlot] in await gate.leave(holdingSlot: holdingSlot) } }
        let workspace = try Workspace()
        defer { workspace.remove() }
        let options = try await receiveUpload(request, into: workspace, mainField: mainField, defaultName: defaultName,
                                              maxBytes: configuration.maxBodyBytes)
        try await gate.waitForSlot()
        holdingSlot = true
        let started = ContinuousClock.now
        let file = try await render(options, workspace)
        metrics.countRender(kind: kind, seconds: (ContinuousClock.now - started).seconds, pages: kind == "png" ? 1 : file.pageCount)
        var headers: HTTPFields = [.contentType: file.contentType, QuireHeaders.pageCount: String(file.pageCount)]
        for warning in file.warnings.prefix(20) {
            headers.append(HTTPField(name: QuireHeaders.warning, value: warning.replacingOccurrences(of: "\n", with: " ")))
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(data: file.bytes)))
    }

    /// Seconds until a slot is likely free: the queue ahead, at the recent render time.
    private func retryAfter() async -> Int {
        let queued = await gate.queued
        return max(1, Int((Double(queued + 1) * metrics.recentRenderSeconds / Double(gate.slots)).rounded(.up)))
    }
}

/// Response headers of our own.
enum QuireHeaders {
    static let pageCount = HTTPField.Name("Quire-Page-Count")!
    static let warning = HTTPField.Name("Quire-Warning")!
}

extension PaperOutput {
    var isPNG: Bool { if case .png = self { true } else { false } }
}

extension Problem {
    static func tooLarge(limit: Int) -> Problem {
        Problem(.contentTooLarge, kind: "too-large", title: "The request is too large",
                detail: "the request body is over the limit of \(limit / 1024 / 1024) MiB",
                hint: "send fewer or smaller files, or raise the limit (quire serve --max-body-mib)")
    }
}

/// A query flag: absent → nil; `true`/`1`/`yes` or `false`/`0`/`no`.
private func flag(_ value: Substring?, name: String) throws(Problem) -> Bool? {
    guard let value else { return nil }
    switch value.lowercased() {
    case "true", "1", "yes", "": return true
    case "false", "0", "no": return false
    default: throw Problem.badRequest("'\(name)=\(value)' is not true or false", field: name)
    }
}

private func number(_ value: Substring?, name: String, default fallback: Double, range: ClosedRange<Double>) throws(Problem) -> Double {
    guard let value else { return fallback }
    guard let number = Double(value), range.contains(number) else {
        throw Problem.badRequest("'\(name)=\(value)' is not a number from \(Int(range.lowerBound)) to \(Int(range.upperBound))", field: name)
    }
    return number
}
