public import Foundation
public import QuireLayout
public import QuireModel
import QuirePages
import QuirePangoCairo
import QuirePDF
import QuireSource
import QuireSystem

/// Which pack: the public one leaves exempt (Part 2) content out; the full one, for members,
/// has it, banded.
public enum PackEdition: Sendable {
    case publicPack, fullPack
}

extension Typesetter {
    /// Renders a meeting's pack from its manifest into one PDF. Exempt content is never read
    /// for the public pack. Nothing is written unless everything renders, within `budget`.
    /// `root` (default: the manifest's folder) is the folder the pack may read from: the
    /// manifest names files inside its own folder, and a symbolic link among them may lead
    /// anywhere inside `root`, never out of it.
    public func renderPack(manifest file: String, root: URL? = nil, edition: PackEdition, print: Bool = false, supplement: Bool = false,
                           pdfa: Bool? = nil, budget: any WorkBudget = UnlimitedBudget(), to output: String) throws(QuireError) -> Rendered {
        let result = try layoutPack(manifest: file, root: root, edition: edition, print: print, supplement: supplement, budget: budget)
        let profile = try archivalProfile(pdfa ?? result.theme.pdfa)
        let pack = result.pack
        try budget.check(pages: pack.pageCount)
        try writeAtomically(output, inputs: result.inputs, budget: budget) { descriptor in
            renderer.writePDF(pages: budget.pages(pack.pages.makeIterator()), outline: pack.outline, metadata: pack.metadata, archivalProfile: profile,
                              into: .descriptor(descriptor))
                ?? result.spools.compactMap(\.failure).first
        }
        // The papers' own warnings (a typed paragraph number), then the pack's.
        return Rendered(pages: pack.pageCount, diagnostics: result.diagnostics + pack.diagnostics)
    }

    /// The pack laid out, with the front sheet's theme, the spools its papers' pages wait in,
    /// the papers' warnings and every file it read.
    func layoutPack(manifest file: String, root: URL? = nil, edition: PackEdition, print: Bool = false, supplement: Bool = false,
                    budget: any WorkBudget = UnlimitedBudget()) throws(QuireError)
        -> (pack: StreamedPack, theme: Theme, spools: [FrameSpool], diagnostics: [Diagnostic], inputs: [InputFile])
    {
        let (data, directory) = try readSource(file)
        let root = root ?? directory
        let manifest = try parsePackManifest(data: data, file: file)
        let location = manifest.lines["layout"].map { SourceLocation(file: file, line: $0) }
        let theme = try resources.theme(.reference(manifest.layout ?? "agenda"), referrer: directory, root: root,
                                        requestedAt: manifest.layout == nil ? nil : location)
        let items = manifest.items.filter { $0.supplement == supplement }
        var firstPage = manifest.firstPage ?? 1
        if supplement, manifest.firstPage == nil {
            // Numbered on from the main pack: lay it out (no drawing) to count its pages.
            let main = try layoutPack(manifest: file, root: root, edition: edition, print: print, supplement: false, budget: budget)
            firstPage = main.pack.pageCount + 1
        }
        let options = PackOptions(print: print, supplement: supplement, firstPage: firstPage)
        var numbers: [Int: Int] = [:]  // job → the page number its text must print for its first page
        var (contents, placed) = try packContents(items, manifest: manifest, directory: directory, root: root, full: edition == .fullPack,
                                                  numbers: numbers, budget: budget)
        var pack = assemblePack(manifest, items: contents, options: options, theme: theme, shaper: shaper)
        // A paper whose text prints page numbers (a contents) is laid out again with the
        // pack's, until they agree (a second pass changes only numbers, so it settles at once).
        for _ in 0..<3 {
            let paperJobs = placed.indices.filter { if case .paper = placed[$0].content { true } else { false } }
            var changed: [Int: Int] = [:]
            for (paper, job) in paperJobs.enumerated() where paper < pack.paperFirstPages.count {
                guard case .paper(let laid) = placed[job].content, laid.printsPageNumbers else { continue }
                if laid.firstPageNumber != pack.paperFirstPages[paper] { changed[job] = pack.paperFirstPages[paper] }
            }
            guard !changed.isEmpty else { break }
            numbers.merge(changed) { $1 }
            (contents, placed) = try packContents(items, manifest: manifest, directory: directory, root: root, full: edition == .fullPack,
                                                  numbers: numbers, again: Set(changed.keys), placed: placed, budget: budget)
            pack = assemblePack(manifest, items: contents, options: options, theme: theme, shaper: shaper)
        }
        // Every document the manifest names is an input, read for this edition or not.
        var inputs = [InputFile(URL(fileURLWithPath: file).path, role: "the manifest"), InputFile(theme.file, role: "the layout")]
        for item in manifest.items {
            let documents = (item.paper.map { [($0, "an agenda item's document")] } ?? []) + item.appendices.map { ($0.document, "an appendix") }
            for (document, role) in documents {
                switch document {
                case .source(let path), .pdf(let path): inputs.append(InputFile(directory.appendingPathComponent(path).path, role: role))
                }
            }
        }
        inputs += placed.flatMap(\.inputs).filter { $0.role != "the source" }
        return (pack, theme, placed.compactMap(\.spool), placed.flatMap(\.diagnostics), inputs)
    }

    /// One document of the pack as placed: its pages' spool (a paper), its warnings, its files.
    struct PlacedDocument {
        var content: PackContent?
        var spool: FrameSpool?
        var diagnostics: [Diagnostic] = []
        var inputs: [InputFile] = []
    }

    /// Each item's documents, resolved against the manifest's folder: papers laid out in
    /// parallel, PDF appendices measured, exempt content replaced by a notice unless `full`.
    /// `numbers` are the first page numbers papers must print (by job); with `placed`, only
    /// the jobs in `again` are placed anew.
    private func packContents(_ items: [AgendaItem], manifest: PackManifest, directory: URL, root: URL, full: Bool, numbers: [Int: Int],
                              again: Set<Int>? = nil, placed previous: [PlacedDocument] = [], budget: any WorkBudget) throws(QuireError)
        -> ([PackItemContent], [PlacedDocument])
    {
        // Every document first, in order, so that papers can be laid out side by side.
        // A withheld document (exempt, public pack) has no document to read.
        var jobs: [(item: Int, title: String, document: PackDocument?, exempt: ExemptParagraph?, isAppendix: Bool, line: Int)] = []
        var contents = items.map { PackItemContent(item: $0, documents: []) }
        for (index, item) in items.enumerated() {
            if let exempt = item.exempt, !full {
                contents[index].documents = [PackDocumentContent(title: item.title, content: .withheld(exempt), exempt: nil, isAppendix: false)]
                continue
            }
            if let paper = item.paper { jobs.append((index, item.title, paper, item.exempt, false, item.line)) }
            for appendix in item.appendices {
                let exempt = appendix.exempt ?? item.exempt
                jobs.append((index, appendix.title, exempt != nil && !full ? nil : appendix.document, exempt, true, appendix.line))
            }
        }
        let placed = try placeAll(jobs.enumerated().map { index, job in (again == nil || again!.contains(index) ? job.document : nil, job.line, numbers[index]) },
                                  manifest: manifest, directory: directory, root: root, budget: budget)
            .enumerated().map { index, document in again == nil || again!.contains(index) ? document : previous[index] }
        for (job, document) in zip(jobs, placed) {
            guard let placedContent = document.content ?? job.exempt.map({ PackContent.withheld($0) }) else { continue }
            contents[job.item].documents.append(PackDocumentContent(title: job.title, content: placedContent,
                                                                    exempt: job.exempt, isAppendix: job.isAppendix))
        }
        return (contents, placed)
    }

    /// Lays out or measures each document (nil for one withheld); the first error, in
    /// manifest order, is thrown.
    private func placeAll(_ documents: [(document: PackDocument?, line: Int, firstPageNumber: Int?)], manifest: PackManifest, directory: URL,
                          root: URL, budget: any WorkBudget) throws(QuireError) -> [PlacedDocument]
    {
        let results = ConcurrentSlots<Swift.Result<PlacedDocument, QuireError>>(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            guard let document = documents[index].document else { return }
            let (line, number) = (documents[index].line, documents[index].firstPageNumber)
            results[index] = Swift.Result { () throws(QuireError) -> PlacedDocument in
                try place(document, line: line, firstPageNumber: number, manifest: manifest, directory: directory, root: root, budget: budget)
            }
        }
        return try documents.indices.map { index throws(QuireError) in try results[index]?.get() ?? PlacedDocument() }
    }

    private func place(_ document: PackDocument, line: Int, firstPageNumber: Int?, manifest: PackManifest, directory: URL, root: URL,
                       budget: any WorkBudget) throws(QuireError) -> PlacedDocument
    {
        let location = SourceLocation(file: manifest.file, line: line)
        switch document {
        case .source(let path):
            let url = try findLocalFile(path, in: [directory], linkRoots: [root], location: location, field: "paper", what: "the paper")
            let laidOut = try layoutSpooled(file: url.path, root: root, budget: budget) { theme in
                theme.footer.template = ""  // the pack numbers the pages
                theme.contents.firstPageNumber = firstPageNumber
            }
            return PlacedDocument(content: .paper(laidOut.paper), spool: laidOut.spool, diagnostics: laidOut.diagnostics,
                                  inputs: laidOut.inputs)
        case .pdf(let path):
            let url = try findLocalFile(path, in: [directory], linkRoots: [root], location: location, field: "pdf", what: "the PDF")
            try checkAppendixBounds(url, path: path, location: location, budget: budget)
            switch readPDFAppendix(url.path) {
            case .success(let sizes):
                // A tagged PDF keeps its structure in the pack; an untagged one is read as loose text.
                guard isTaggedPDF(url.path) else {
                    return PlacedDocument(content: .pdf(path: url.path, sizes: sizes, withStructure: false), diagnostics: [Diagnostic(at: location,
                        "the PDF '\(path)' is untagged: a screen reader gets its text in drawing order under its title, with no headings, lists or tables of its own (export it as a tagged PDF)")])
                }
                if let problem = taggedPDFImportProblem(url.path) {
                    return PlacedDocument(content: .pdf(path: url.path, sizes: sizes, withStructure: false), diagnostics: [Diagnostic(at: location,
                        "the PDF '\(path)' is tagged, but its structure cannot be carried into the pack: \(problem); it is placed as untagged content (export it again as a tagged PDF, or as PDF/UA)")])
                }
                return PlacedDocument(content: .pdf(path: url.path, sizes: sizes, withStructure: true))
            case .failure(let problem):
                throw QuireError(.invalidValue, at: location, field: "pdf", "the PDF '\(path)' \(problem)",
                                 hint: "give an unencrypted, complete PDF file (open it and save a copy if in doubt)")
            }
        }
    }
}

/// Measures an appendix before poppler opens it (what it would inflate, its images' pixels),
/// stopping at the bound or when the budget runs out, so a small file cannot make the
/// render hold or parse gigabytes.
private func checkAppendixBounds(_ url: URL, path: String, location: SourceLocation, budget: any WorkBudget) throws(QuireError) {
    guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else {
        throw QuireError(.io, at: location, field: "pdf", "the PDF '\(path)' cannot be read", hint: "check that the file is readable")
    }
    guard let problem = checkDecodeBounds(data, proceed: { budget.allows() }) else { return }
    if problem == .stopped, let crossed = budget.exceeded { throw crossed }
    throw QuireError(.limit, at: location, field: "pdf", "the PDF '\(path)' \(problem)",
                     hint: "an appendix this large cannot be drawn safely: print it to PDF again at a lower resolution, or split it")
}
