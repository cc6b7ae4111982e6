import Foundation
import QuirePages
public import QuireSystem

/// Completes the PDF cairo wrote (`input`, spooled) into an accessible one at `output`: the
/// structure tree's attributes and artifacts, /Lang, /MarkInfo, the title shown in the title
/// bar, one set of document properties in /Info and XMP, page labels, link descriptions and
/// tab order, the CID fonts' /CIDToGIDMap and /CIDSet, and for the archive a PDF/A-2b
/// identification and output intent. Objects cairo wrote that need no change are copied byte
/// for byte; the changed ones (structure elements, page contents, fonts, catalog, info) are
/// written anew; the /ID is derived from the content, so the
/// same input gives the same bytes.
public func finishPDF(_ input: SpooledBytes, to output: PDFDestination, _ finish: PDFFinish) throws(PDFError) {
    let pdf = try CairoPDF(input)
    let out = PDFRewrite(pdf)
    guard let rootNumber = pdf.trailer["Root"]?.reference else { throw PDFError("the trailer names no catalog") }
    let root = try pdf.dictionary(rootNumber)
    let pages = try pageList(pdf, root["Pages"]?.reference)
    // Pages are re-marked on every core while this thread completes the structure tree.
    let marking = try RemarkedPages(pages, pdf: pdf)
    var structure = try StructureRewrite(pdf: pdf, out: out).complete(finish.elements, root: root, pages: pages, labels: finish.pageLabels)
    let imported = try importTaggedPages(finish.importedPages, pages: pages, labels: finish.pageLabels, completion: &structure, out: out)
    try structure.parentTree.write(to: out, tree: structure.treeNumber)
    try marking.write(artifacts: structure.artifacts, drawnFirst: imported, out: out)
    try completeCIDFonts(pdf: pdf, out: out)
    for page in pages {
        // Links are read in structure order; printable so PDF/A accepts them.
        guard !page.annotations.isEmpty else { continue }
        try out.edit(page.number) { $0["Tabs"] = .name("S") }
        for annotation in page.annotations { try out.edit(annotation) { $0["F"] = .integer(4) } }
    }
    let m = finish.metadata
    let info = DocumentInfo(title: m.title, author: m.author, subject: m.subject, keywords: m.keywords, creator: "Quire",
                            producer: finish.producer, date: DocumentInfo.xmpDate(m.creationDate), language: m.language)
    try catalog(rootNumber, info: info, finish: finish, out: out)
    var entries = info.entries.map { ($0.key, PDFValue.text($0.value)) }
    entries += [("CreationDate", .ascii(info.pdfDate)), ("ModDate", .ascii(info.pdfDate))]
    if let old = pdf.trailer["Info"]?.reference { out.drop(old) }
    let infoNumber = out.add(.dictionary(PDFDictionary(entries)))
    try out.write(to: output, root: rootNumber, info: infoNumber)
}

/// The page objects in order, from the page tree.
private func pageList(_ pdf: CairoPDF, _ tree: Int?) throws(PDFError) -> [PageObject] {
    var pages: [PageObject] = []
    var visited: Set<Int> = []
    func walk(_ number: Int, depth: Int) throws(PDFError) {
        guard depth < 64, visited.insert(number).inserted else { return }
        let node = try pdf.dictionary(number)
        if node["Type"]?.nameValue == "Pages" {
            for kid in node["Kids"]?.list ?? [] { if let kid = kid.reference { try walk(kid, depth: depth + 1) } }
        } else {
            pages.append(PageObject(number: number, node))
        }
    }
    if let tree { try walk(tree, depth: 0) }
    return pages
}

/// Furniture re-marked as artifacts in every page's content: decoded, re-marked and compressed
/// on every core (cairo leaves content uncompressed, see `PangoCairoRenderer`), started when
/// made so that it runs beside the structure's completion, and written by `write`, which
/// checks that each page marks exactly what the structure tree lost.
private final class RemarkedPages: @unchecked Sendable {
    private var jobs: [(page: Int, contents: Int, length: Int?, data: Range<Int>, compressed: Bool)] = []
    /// The pages' contents as they will be written, in the order done: past two chunks in a
    /// temporary file, so a long pack's pages do not all wait in memory for the structure tree
    /// (4.4 MB of a 2,000-page pack's finishing did).
    private let spool = Locked(ByteSpool(memoryChunks: 1))
    private let results: ConcurrentSlots<(content: Range<Int>, mcids: Set<Int>, changed: Bool)>
    private let done = DispatchSemaphore(value: 0)

    init(_ pages: [PageObject], pdf: CairoPDF) throws(PDFError) {
        for page in pages {
            guard let contents = page.contents else { continue }
            let (value, range) = try pdf.object(contents)
            guard let range, let dictionary = value.dictionaryValue else { continue }
            let filter = dictionary["Filter"]?.list.compactMap(\.nameValue) ?? []
            guard filter.isEmpty || filter == ["FlateDecode"] else { throw PDFError("page content \(contents) uses filters \(filter)") }
            jobs.append((page.number, contents, dictionary["Length"]?.reference, range, !filter.isEmpty))
        }
        results = ConcurrentSlots(count: jobs.count)
        // Ranges into the file, not copies: each page's bytes are read only while it is worked on.
        let inputs = jobs.map { ($0.data, $0.compressed) }
        let source = pdf.source
        // A thread of its own, not a dispatch queue's: a render may itself run on one of the
        // queue's threads (the archive's jobs), and waiting there for a block the busy queue has
        // not started stalled each render until dispatch added a thread (about a second).
        SpareThreads.run { [results, done, source, spool] in
            defer { done.signal() }
            DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
                let (range, compressed) = inputs[index]
                guard let data = try? source.bytes(range), let decoded = compressed ? inflated(data) : data else { return }
                let (content, mcids) = markArtifacts(decoded)
                let unchanged = mcids.isEmpty && compressed  // nothing to re-mark: cairo's bytes stay
                guard let kept = unchanged ? decoded : deflated(content), let spooled = spool.withLock({ $0.append(kept) }) else { return }
                results[index] = (spooled, mcids, !unchanged)
            }
        }
    }

    /// Waits for the pages and replaces the changed ones; `drawnFirst` (an imported page's
    /// content, by page object) goes before the page's own, compressed with it.
    func write(artifacts: [Int: Set<Int>], drawnFirst: [Int: [UInt8]], out: PDFRewrite) throws(PDFError) {
        done.wait()
        let contents = spool.withLock { $0.seal() }
        var found: [Int: Set<Int>] = [:]
        let flate = PDFDictionary([("Filter", .name("FlateDecode"))])
        for (index, job) in jobs.enumerated() {
            guard let result = results[index] else { throw PDFError("cannot decode or compress the content of page object \(job.page)") }
            do {
                if let first = drawnFirst[job.page] {
                    // Rare (a tagged appendix's page): decoded again, joined and compressed here.
                    let content = try contents.bytes(result.content)
                    let own = result.changed ? inflated(content) : content
                    guard let own, let packed = deflated(first + own) else { throw PDFError("cannot compress the content of page object \(job.page)") }
                    out.replaceStream(job.contents, flate, packed)
                } else if result.changed {
                    try contents.withBytes(result.content) { out.replaceStream(job.contents, flate, $0) }
                } else {
                    continue
                }
            } catch let error as PDFError {
                throw error
            } catch {
                throw PDFError("the content of page object \(job.page): \(error)")
            }
            if !result.mcids.isEmpty { found[job.page] = result.mcids }
            if let length = job.length { out.drop(length) }
        }
        guard found == artifacts.filter({ !$0.value.isEmpty }) else {
            throw PDFError("the page contents mark \(found.values.map(\.count).reduce(0, +)) artifacts where the structure tree had \(artifacts.values.map(\.count).reduce(0, +))")
        }
    }
}

/// /Lang, /MarkInfo, the displayed title, XMP, page labels and, for the archive, the output intent.
private func catalog(_ rootNumber: Int, info: DocumentInfo, finish: PDFFinish, out: PDFRewrite) throws(PDFError) {
    let xmp = Array(info.xmp(pdfa: finish.archivalProfile != nil).utf8)
    let metadata = out.addStream(PDFDictionary([("Type", .name("Metadata")), ("Subtype", .name("XML"))]), xmp)
    var labels: PDFValue?
    if let ranges = pageLabelRanges(finish.pageLabels) {
        labels = .dictionary(PDFDictionary([("Nums", .array(ranges.flatMap { range -> [PDFValue] in
            var label = PDFDictionary()
            label["S"] = .name(range.style)
            if range.first != 1 { label["St"] = .integer(range.first) }
            return [.integer(range.start), .dictionary(label)]
        }))]))
    }
    var intents: PDFValue?
    if let path = finish.archivalProfile {
        guard let profile = FileManager.default.contents(atPath: path), let packed = deflated(Array(profile)) else {
            throw PDFError("cannot read the colour profile \(path)")
        }
        let stream = out.addStream(PDFDictionary([("N", .integer(3)), ("Filter", .name("FlateDecode"))]), packed)
        let name = PDFValue.text("sRGB IEC61966-2.1")
        intents = .array([.dictionary(PDFDictionary([
            ("Type", .name("OutputIntent")), ("S", .name("GTS_PDFA1")), ("OutputConditionIdentifier", name), ("Info", name),
            ("DestOutputProfile", .reference(stream)),
        ]))])
    }
    try out.edit(rootNumber) { root in
        root["Lang"] = .text(info.language)
        root["MarkInfo"] = .dictionary(PDFDictionary([("Marked", .bool(true))]))
        root["ViewerPreferences"] = .dictionary(PDFDictionary([("DisplayDocTitle", .bool(true))]))
        root["Metadata"] = .reference(metadata)
        root["PageLabels"] = labels
        root["OutputIntents"] = intents
    }
}
