import Foundation
public import QuirePages

/// What the finisher adds to the PDF cairo wrote.
public struct PDFFinish: Sendable {
    public var metadata: DocumentMetadata
    /// Structure elements in the order they were opened (see `WrittenElement`).
    public var elements: [WrittenElement]
    /// Each page's printed number, for /PageLabels.
    public var pageLabels: [String]
    public var producer: String
    /// PDF/A-2b: the ICC profile to embed as the sRGB output intent; nil for a plain PDF.
    public var archivalProfile: String?

    public init(metadata: DocumentMetadata, elements: [WrittenElement], pageLabels: [String], producer: String, archivalProfile: String? = nil) {
        self.metadata = metadata
        self.elements = elements
        self.pageLabels = pageLabels
        self.producer = producer
        self.archivalProfile = archivalProfile
    }
}

/// Completes the PDF cairo wrote (`input`, in memory) into an accessible one at `output`: the structure tree's
/// attributes and artifacts, /Lang, /MarkInfo, the title shown in the title bar, one set of
/// document properties in /Info and XMP, page labels, link descriptions and tab order, and
/// for the archive a PDF/A-2b identification and output intent. Written by libqpdf with an
/// /ID derived from the content: the same input gives the same bytes.
public func finishPDF(_ input: consuming [UInt8], to output: String, _ finish: PDFFinish) throws(PDFError) {
    // One copy of the file, shared by both readers; the caller's array goes with `input`.
    let buffer = PDFBuffer(input)
    let remarked = RemarkedContents(buffer)
    defer { remarked.settle() }
    let pdf = try QPDF(bytes: buffer, name: output)
    let artifacts = try StructureCompletion(pdf: pdf).complete(finish.elements)
    let pages = pdf.pages
    for page in pages {
        // Links are read in structure order; printable so PDF/A accepts them.
        if let annotations = page["Annots"], annotations.count > 0 {
            page["Tabs"] = pdf.name("S")
            for annotation in annotations.items { annotation["F"] = pdf.integer(4) }
        }
    }
    let m = finish.metadata
    let info = DocumentInfo(title: m.title, author: m.author, subject: m.subject, keywords: m.keywords, creator: "Quire",
                            producer: finish.producer, date: DocumentInfo.xmpDate(m.creationDate), language: m.language)
    writeCatalog(pdf, info: info, finish: finish)
    var entries = info.entries.map { ($0.key, pdf.text($0.value)) }
    entries += [("CreationDate", pdf.string(info.pdfDate)), ("ModDate", pdf.string(info.pdfDate))]
    let infoDictionary = pdf.dictionary([:])
    for (key, value) in entries { infoDictionary[key] = value }
    pdf.trailer["Info"] = pdf.makeIndirect(infoDictionary)
    try replaceContents(pdf, pages, try remarked.wait(), artifacts: artifacts)
    if let error = pdf.lastError { throw PDFError(error) }
    try pdf.write(to: output)
}

/// Puts the re-marked contents in place, after checking that the furniture the structure
/// tree lost is exactly what the content re-marked.
private func replaceContents(_ pdf: QPDF, _ pages: [PDFObject], _ remarked: RemarkedContents.Pages, artifacts: [Int: Set<Int>]) throws(PDFError) {
    var found: [Int: Set<Int>] = [:]
    for page in pages {
        guard let contents = page["Contents"], let entry = remarked[contents.objectID], entry.page == page.objectID else { continue }
        contents.replaceStreamData(entry.compressed, flateCompressed: true)
        contents["DecodeParms"] = nil
        found[page.objectID] = entry.mcids
    }
    guard found == artifacts.filter({ !$0.value.isEmpty }) else {
        throw PDFError("the page contents mark \(found.values.map(\.count).reduce(0, +)) artifacts where the structure tree had \(artifacts.values.map(\.count).reduce(0, +))")
    }
}


private func writeCatalog(_ pdf: QPDF, info: DocumentInfo, finish: PDFFinish) {
    let root = pdf.root
    root["Lang"] = pdf.text(info.language)
    root["MarkInfo"] = pdf.dictionary(["Marked": pdf.bool(true)])
    root["ViewerPreferences"] = pdf.dictionary(["DisplayDocTitle": pdf.bool(true)])
    let xmp = Array(info.xmp(pdfa: finish.archivalProfile != nil).utf8)
    root["Metadata"] = pdf.makeIndirect(pdf.stream(xmp, ["Type": pdf.name("Metadata"), "Subtype": pdf.name("XML")]))
    if let ranges = pageLabelRanges(finish.pageLabels) {
        var nums: [PDFObject] = []
        for range in ranges {
            let label = pdf.dictionary([:])
            if let style = range.style { label["S"] = pdf.name(style) }
            if range.first != 1 { label["St"] = pdf.integer(range.first) }
            if let prefix = range.prefix { label["P"] = pdf.text(prefix) }
            nums += [pdf.integer(range.start), label]
        }
        root["PageLabels"] = pdf.dictionary(["Nums": pdf.array(nums)])
    }
    if let path = finish.archivalProfile, let profile = FileManager.default.contents(atPath: path) {
        let stream = pdf.makeIndirect(pdf.stream(Array(profile), ["N": pdf.integer(3)]))
        let name = pdf.text("sRGB IEC61966-2.1")
        root["OutputIntents"] = pdf.array([pdf.dictionary([
            "Type": pdf.name("OutputIntent"), "S": pdf.name("GTS_PDFA1"), "OutputConditionIdentifier": name, "Info": name,
            "DestOutputProfile": stream,
        ])])
    }
}
