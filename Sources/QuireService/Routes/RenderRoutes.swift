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
    func render(_ request: Request, context: QuireRequestContext) async throws -> Response {
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
        return try await withUpload(request, context: context, mainField: "paper", defaultName: "paper.md",
                                    kind: output.isPNG ? "png" : "paper") { options, workspace, budget in
            try await renderer.paper(workspace, layout: options["layout"], output: output, budget: budget)
        }
    }

    /// `POST /v1/packs`: a pack manifest with its papers and PDFs → the pack's PDF.
    /// `?mode=public|full&print=true&supplement=true&pdfa=true`.
    func renderPack(_ request: Request, context: QuireRequestContext) async throws -> Response {
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
        return try await withUpload(request, context: context, mainField: "manifest", defaultName: "pack.yaml", kind: "pack") { _, workspace, budget in
            try await renderer.pack(workspace, request: packRequest, budget: budget)
        }
    }

    /// The steps every render request takes: a JSON body's memory reserved or refused (429);
    /// the body streamed into a workspace within the size limit (413) and at the minimum
    /// pace; admitted to the queue or refused (429) once the body is complete or past
    /// `Admission.threshold`, so a trickling body never holds a queue position; a render slot
    /// awaited; the work done and counted as a render of `kind`; the workspace removed
    /// whatever happens. A client that goes away meanwhile stops the wait or the render at
    /// once, and its slot passes on.
    private func withUpload(_ request: Request, context: QuireRequestContext, mainField: String, defaultName: String, kind: String,
                            _ render: @escaping @Sendable ([String: String], Workspace, RenderBudget) async throws -> RenderedFile) async throws -> Response {
        let declared = request.headers[.contentLength].flatMap { Int($0) }
        if let declared, declared > configuration.maxBodyBytes { throw Problem.tooLarge(limit: configuration.maxBodyBytes) }
        // A JSON body is held and decoded whole: its memory is promised before it is read.
        let isJSON = request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true
        let cost = isJSON ? ServiceConfiguration.jsonCostFactor * (declared ?? configuration.maxBodyBytes) : 0
        guard let reservation = memory.reserve(cost) else { throw await busy(memoryHeld: memory.inUse) }
        defer { reservation.release() }
        let admission = Admission(gate: gate)
        defer { if admission.admitted { Task { await gate.leave() } } }
        let workspace = Workspace()
        defer { workspace.remove() }
        let pace = UploadPace(grace: configuration.headerTimeout, minimumRate: configuration.minUploadRate)
        let paceWatch = pace.watch(context.channel)
        let options: [String: String]
        do {
            options = try await receiveUpload(request, into: workspace, mainField: mainField, defaultName: defaultName,
                                              maxBytes: configuration.maxBodyBytes) { received in
                pace.update(received)
                try await admission.received(received)
            }
            paceWatch.cancel()
            try await admission.complete()
        } catch is RenderGate.Refusal {
            paceWatch.cancel()
            throw await busy(memoryHeld: nil)
        } catch {
            paceWatch.cancel()
            if pace.isTooSlow {
                throw Problem(.requestTimeout, kind: "too-slow", title: "The request body arrived too slowly",
                              detail: "the body came at less than \(configuration.minUploadRate / 1024) KiB a second, so the connection was closed",
                              hint: "send the body at once (curl -F paper=@paper.md), or raise the limit (quire serve --min-upload-rate-kib)")
            }
            throw error
        }
        reservation.release()
        let budget = renderer.makeBudget(), slots = gate
        let work = Task { () async throws -> (RenderedFile, Duration) in
            try await slots.waitForSlot()
            defer { Task { await slots.releaseSlot() } }
            let started = ContinuousClock.now
            let file = try await render(options, workspace, budget)
            return (file, ContinuousClock.now - started)
        }
        let presence = await context.channel.clientPresence()
        let watch = presence?.onDeparture { work.cancel() }
        defer { if let watch { presence?.stopWatching(watch) } }
        let file: RenderedFile, took: Duration
        do {
            (file, took) = try await withTaskCancellationHandler { try await work.value } onCancel: { work.cancel() }
        } catch {
            // Nobody will read the answer; counted apart from the renders that failed or timed out.
            if presence?.isGone == true || budget.cancelled { throw Problem.clientGone }
            throw error
        }
        metrics.countRender(kind: kind, seconds: took.seconds, pages: kind == "png" ? 1 : file.pageCount)
        var headers: HTTPFields = [.contentType: file.contentType, QuireHeaders.pageCount: String(file.pageCount)]
        for warning in file.warnings.prefix(20) {
            headers.append(HTTPField(name: QuireHeaders.warning, value: warning.replacingOccurrences(of: "\n", with: " ")))
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(data: file.bytes)))
    }

    /// The 429 of a full queue, or (with `memoryHeld`) of JSON bodies filling the memory budget.
    private func busy(memoryHeld: Int?) async -> Problem {
        let detail = memoryHeld.map { "JSON uploads being decoded already hold \($0 >> 20) MiB of the \((memory.capacity ?? 0) >> 20) MiB this replica may promise" }
            ?? "all \(gate.slots) render slots are in use and \(gate.queueLimit) requests are already waiting"
        return Problem(.tooManyRequests, kind: "busy", title: "The service is busy", detail: detail,
                       hint: "retry after the number of seconds in Retry-After" + (memoryHeld == nil ? "" : ", or send the files as multipart/form-data (streamed to disk, not held in memory)"),
                       retryAfter: await retryAfter())
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
    /// The client closed the connection before its answer was ready: counted under nginx's
    /// 499 ("client closed request"), though no one receives it.
    static let clientGone = Problem(HTTPResponse.Status(code: 499, reasonPhrase: "Client Closed Request"), kind: "client-gone",
                                    title: "The client went away", detail: "the connection closed before the render finished; it was stopped")

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
