import Dispatch
import Foundation
import QuireKit
import QuireLayout
import QuireModel
import QuirePages

/// What a render answers with.
struct RenderedFile: Sendable {
    var bytes: Data
    var contentType: String
    var pageCount: Int
    var warnings: [String]
}

/// What to make of an uploaded paper.
enum PaperOutput: Sendable {
    case pdf(pdfa: Bool?)
    case png(page: Int, dpi: Double)
}

/// What to make of an uploaded pack manifest.
struct PackRequest: Sendable {
    var edition: PackEdition
    var print: Bool
    var supplement: Bool
    var pdfa: Bool?
}

/// Renders uploads with one shared `Typesetter`, off the event loop: each render runs on a
/// Dispatch thread of its own (the gate bounds how many), within a budget of time and pages.
struct Renderer: Sendable {
    let typesetter: Typesetter
    let configuration: ServiceConfiguration
    private static let queue = DispatchQueue(label: "quire.render", attributes: .concurrent)

    /// A paper's PDF is made in memory and its source read from memory when the upload was
    /// held there; PNG pages are written into the workspace's folder and read back.
    func paper(_ workspace: Workspace, layout: String?, output: PaperOutput, budget: RenderBudget) async throws(Problem) -> RenderedFile {
        let typesetter = typesetter, root = workspace.root
        let file = (workspace.mainPath as NSString).lastPathComponent
        if case .png = output { try workspace.materialize() }
        return try await offload(workspace, budget: budget) { () throws(QuireError) -> RenderedFile in
            guard let data = workspace.mainContents else {
                throw QuireError(.io, at: nil, "the uploaded source cannot be read back")
            }
            switch output {
            case .pdf(let pdfa):
                let (rendered, pdf) = try typesetter.renderPDF(data: data, file: file, directory: root, layout: layout.map(LayoutChoice.reference),
                                                               pdfa: pdfa, budget: budget)
                return RenderedFile(bytes: pdf, contentType: "application/pdf", pageCount: rendered.pages,
                                    warnings: rendered.diagnostics.map { $0.description.removingWorkspace(root.path) })
            case .png(let page, let dpi):
                let result = try typesetter.layout(data: data, file: file, directory: root, layout: layout.map(LayoutChoice.reference), budget: budget)
                let document = result.layout.document
                guard (1...max(1, document.pages.count)).contains(page) else {
                    throw QuireError(.invalidValue, at: nil, field: "page", "page \(page) was asked for; the document has \(document.pages.count) pages",
                                     hint: "ask for a page from 1 to \(document.pages.count)")
                }
                var single = document
                single.pages = [document.pages[page - 1]]
                let folder = root.appendingPathComponent(".quire-png").path
                try typesetter.writePNGs(single, directory: folder, dpi: dpi, inputs: result.inputs)
                return RenderedFile(bytes: try readBack(folder + "/page-1.png"), contentType: "image/png", pageCount: document.pages.count,
                                    warnings: result.layout.diagnostics.map { $0.description.removingWorkspace(root.path) })
            }
        }
    }

    func pack(_ workspace: Workspace, request: PackRequest, budget: RenderBudget) async throws(Problem) -> RenderedFile {
        let typesetter = typesetter, root = workspace.root
        try workspace.materialize()  // the manifest names its papers by path
        return try await offload(workspace, budget: budget) { () throws(QuireError) -> RenderedFile in
            let path = root.appendingPathComponent(".quire-output.pdf").path
            let rendered = try typesetter.renderPack(manifest: workspace.mainPath, edition: request.edition, print: request.print,
                                                     supplement: request.supplement, pdfa: request.pdfa, budget: budget, to: path)
            return RenderedFile(bytes: try readBack(path), contentType: "application/pdf", pageCount: rendered.pages,
                                warnings: rendered.diagnostics.map { $0.description.removingWorkspace(root.path) })
        }
    }

    /// A render's budget: its clock starts when the render does (not while the request queued).
    func makeBudget() -> RenderBudget {
        RenderBudget(seconds: configuration.renderTimeout, maxPages: configuration.maxPages)
    }

    /// Runs `work` on the render queue within `budget`; a `QuireError` becomes a problem naming
    /// the client's own files (the workspace's path cut out). A render that finished past its
    /// budget is answered as stopped, never as done, and a cancelled task stops the render at
    /// its next check.
    private func offload(_ workspace: Workspace, budget: RenderBudget,
                         _ work: @escaping @Sendable () throws(QuireError) -> RenderedFile) async throws(Problem) -> RenderedFile {
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<RenderedFile, QuireError>, Never>) in
                Renderer.queue.async {
                    budget.start()
                    var result = Result(catching: work)
                    if case .success = result, !budget.allows(), let crossed = budget.exceeded { result = .failure(crossed) }
                    continuation.resume(returning: result)
                }
            }
        } onCancel: {
            budget.cancel()
        }
        switch result {
        case .success(let file): return file
        case .failure(let error): throw Problem(error, workspace: workspace.root.path)
        }
    }
}

private func readBack(_ path: String) throws(QuireError) -> Data {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw QuireError(.io, at: nil, "the rendered file cannot be read back")
    }
    return data
}
