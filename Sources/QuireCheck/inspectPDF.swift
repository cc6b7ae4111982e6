import Foundation
public import QuirePDF
/// One finding of `inspectPDF`: a named check, its outcome and a one-line detail.
public struct AccessibilityCheck: Sendable {
    public enum Status: String, Sendable { case pass, fail, info }

    public var name: String
    public var status: Status
    public var detail: String

    public init(name: String, status: Status, detail: String) {
        self.name = name
        self.status = status
        self.detail = detail
    }

    init(_ name: String, _ status: Status, _ detail: String) { self.init(name: name, status: status, detail: detail) }
}

/// One structure element, in pre-order, for the `--tree` dump.
public struct StructureLine: Sendable {
    public var depth: Int
    /// The standard role (custom roles resolved through /RoleMap).
    public var role: String
    /// 1-based: the first page holding content of the element or its descendants.
    public var page: Int?
    public var alt: String?
    /// The text shown in the element's marked content and its descendants', whitespace collapsed.
    public var text: String

    public init(depth: Int, role: String, page: Int?, alt: String?, text: String) {
        self.depth = depth
        self.role = role
        self.page = page
        self.alt = alt
        self.text = text
    }
}

public struct AccessibilityReport: Sendable {
    public var checks: [AccessibilityCheck]
    public var tree: [StructureLine]
    public var passed: Bool { !checks.contains { $0.status == .fail } }

    public init(checks: [AccessibilityCheck], tree: [StructureLine]) {
        self.checks = checks
        self.tree = tree
    }
}

/// Inspects any PDF for the basics of accessible (tagged, PDF/UA-style) and archival
/// (PDF/A) output: tagged, language, title, headings, tables, figures, artifacts, fonts,
/// links, attributes, pdfa, pdfua, in that order. Malformed files give a report (libqpdf
/// repairs what it can) or a `PDFError` when they cannot be read at all.
public func inspectPDF(at path: String, requirePDFA: Bool = false) throws(PDFError) -> AccessibilityReport {
    // Measured before libqpdf decodes anything: a small file may inflate to gigabytes.
    if let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped), let problem = checkDecodeBounds(data) {
        throw PDFError("\(path) \(problem)")
    }
    let pdf = try QPDF(reading: path)
    // Errors met reading damaged objects leave fallback values and the report stands on
    // what could be read; clear the last one, or libqpdf prints it when the file closes.
    defer { _ = pdf.lastError }
    let catalog = pdf.root
    if let error = pdf.lastError { throw PDFError(error) }
    guard catalog.isDictionary else { throw PDFError("\(path): the catalog (/Root) is not a dictionary") }
    let info = pdf.trailer["Info"]
    let xmp = XMPMetadata(catalog: catalog)
    let pages = pdf.pages
    var pageIndex: [Int: Int] = [:]
    for (index, page) in pages.enumerated() where pageIndex[page.objectID] == nil { pageIndex[page.objectID] = index }

    let treeRoot = catalog["StructTreeRoot"].flatMap { $0.isDictionary ? $0 : nil }
    let structure = StructureTree(treeRoot, pageIndex: pageIndex)
    let parentTree = ParentTree(treeRoot?["ParentTree"])
    let walker = MarkedContentWalker(parentTree: parentTree)
    walker.walk(pages: pages)
    let tree = structure.lines(texts: walker.texts)

    let checks: [AccessibilityCheck] = [
        .tagged(marked: catalog["MarkInfo"]?["Marked"]?.bool == true, hasTreeRoot: treeRoot != nil, elements: structure.elements.count),
        .language(catalog: catalog),
        .title(catalog: catalog, info: info, xmp: xmp),
        .headings(tree, structure),
        .tables(structure, tree),
        .figures(structure, tree),
        .artifacts(walker.counts, stoppedEarly: walker.stoppedEarly),
        .fonts(pages: pages),
        .links(pages: pages, parentTree: parentTree, texts: walker.texts, pageIndex: pageIndex),
        .attributes(structure),
        .pdfa(pdf: pdf, catalog: catalog, info: info, xmp: xmp, required: requirePDFA),
        .pdfua(xmp: xmp),
    ]
    return AccessibilityReport(checks: checks, tree: tree)
}
