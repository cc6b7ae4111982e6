import Foundation

/// A page of a tagged PDF placed in the document with its own structure: the finisher copies
/// its content (under whatever was drawn on the page) and its structure elements, which join
/// the tree under written element `element`.
public struct ImportedPDFPage: Hashable, Sendable {
    public var path: String
    /// The page in the source file (0-based).
    public var sourceIndex: Int
    /// Where it is drawn: the page (0-based) and the rectangle it fills there.
    public var place: ElementBox
    /// The written element (by index) its elements go under; set by the drawing layer.
    public var element: Int

    public init(path: String, sourceIndex: Int, place: ElementBox, element: Int = 0) {
        self.path = path
        self.sourceIndex = sourceIndex
        self.place = place
        self.element = element
    }
}

/// Why the tagged PDF at `path` cannot be placed with its structure (nil: it can): what the
/// finisher would have to carry and does not. Such a file is drawn as an untagged one.
public func taggedPDFImportProblem(_ path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return "it cannot be read" }
    let bytes = [UInt8](data)
    do throws(PDFError) {
        let source = try ForeignPDF(bytes)
        guard let root = try source.dictionary(source.trailer["Root"]), let tree = try source.dictionary(root["StructTreeRoot"]),
              !(try source.resolve(tree["K"])?.list ?? []).isEmpty else { return "it has no structure tree" }
        for (index, page) in try source.pages().enumerated() {
            if page.rotate != 0 { return "page \(index + 1) is rotated" }
            for annotation in try source.resolve(page.dictionary["Annots"])?.list ?? [] {
                let subtype = try source.dictionary(annotation)?["Subtype"]?.nameValue ?? "?"
                if subtype != "Link" { return "page \(index + 1) has a \(subtype) annotation (only links are carried)" }
            }
            if let problem = try contentProblem(page, source) { return "page \(index + 1) \(problem)" }
        }
        if try hasStreamContentReference(tree, source) { return "its structure refers to content inside forms (MCRs with /Stm)" }
        return nil
    } catch {
        return "it cannot be read by the PDF writer (\(error.description))"
    }
}

/// A page's content and forms: only unfiltered or Flate content streams, and no marked
/// content belonging to the structure inside a form (which the copy would lose).
private func contentProblem(_ page: ForeignPage, _ source: ForeignPDF) throws(PDFError) -> String? {
    var streams: [PDFValue] = []
    if case .reference(let number)? = page.dictionary["Contents"], try source.object(number).data != nil {
        streams = [.reference(number)]
    } else {
        streams = try source.resolve(page.dictionary["Contents"])?.list ?? []
    }
    for stream in streams {
        guard let number = stream.reference, let dictionary = try source.object(number).value.dictionaryValue else { continue }
        let filters = try source.resolve(dictionary["Filter"])?.list.compactMap(\.nameValue) ?? []
        if !(filters.isEmpty || filters == ["FlateDecode"]) { return "has content compressed with \(filters)" }
    }
    var visited: Set<Int> = []
    func forms(_ resources: PDFDictionary?, depth: Int) throws(PDFError) -> String? {
        guard depth < 8, let objects = try source.dictionary(resources?["XObject"]) else { return nil }
        for (_, value) in objects.entries {
            guard let number = value.reference, visited.insert(number).inserted,
                  let dictionary = try source.object(number).value.dictionaryValue else { continue }
            if dictionary["StructParent"] != nil || dictionary["StructParents"] != nil { return "has tagged content inside a form" }
            if let inner = try forms(try source.dictionary(dictionary["Resources"]), depth: depth + 1) { return inner }
        }
        return nil
    }
    return try forms(page.resources, depth: 0)
}

private func hasStreamContentReference(_ tree: PDFDictionary, _ source: ForeignPDF) throws(PDFError) -> Bool {
    var visited: Set<Int> = []
    var pending = try source.resolve(tree["K"])?.list ?? []
    while let kid = pending.popLast() {
        if let number = kid.reference { guard visited.insert(number).inserted, visited.count < 1_000_000 else { continue } }
        guard let element = try source.dictionary(kid) else { continue }
        if element["Type"]?.nameValue == "MCR", element["Stm"] != nil { return true }
        if element["Type"]?.nameValue == "OBJR" { continue }
        pending += try source.resolve(element["K"])?.list ?? []
    }
    return false
}
