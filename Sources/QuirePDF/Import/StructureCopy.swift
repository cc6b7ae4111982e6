/// The source file's structure elements written into the new file, depth first: roles kept
/// (or written as their standard role where the pack maps the same name differently),
/// attribute classes resolved into each element's own attributes, content references moved
/// to the pack's pages and ids. Collects the parent tree entries the copies need.
struct StructureCopy {
    let graft: TaggedPDFGraft
    let roleMap: PDFDictionary
    let classMap: PDFDictionary
    let packRoles: PDFDictionary
    /// Pack page → (MCID, element) for its parent tree array.
    private(set) var contentParents: [Int: [(mcid: Int, element: Int)]] = [:]
    /// Copied annotation → the element holding it.
    private(set) var annotationParents: [(annotation: Int, element: Int)] = []
    /// Custom roles used, and what the source maps them to.
    private(set) var usedRoles: [String: String] = [:]
    /// Element IDs, renamed with `idPrefix` so they cannot clash with the pack's own (a
    /// note's "note-1"), and the elements they name, for the pack's /IDTree.
    private(set) var ids: [(id: [UInt8], element: Int)] = []
    let idPrefix: [UInt8]
    private var visited: Set<Int> = []

    init(graft: TaggedPDFGraft, roleMap: PDFDictionary, classMap: PDFDictionary, packRoles: PDFDictionary, idPrefix: String) {
        self.idPrefix = Array(idPrefix.utf8)
        self.graft = graft
        self.roleMap = roleMap
        self.classMap = classMap
        self.packRoles = packRoles
    }

    /// Copies the element `value` (a reference or a direct dictionary) under `parent`; nil
    /// for something that is not an element or was copied already.
    mutating func element(_ value: PDFValue, parent: Int, depth: Int) throws(PDFError) -> Int? {
        guard depth < 256 else { throw PDFError("the imported PDF's structure is nested too deeply") }
        if let number = value.reference { guard visited.insert(number).inserted else { return nil } }
        let source = graft.source
        guard let dictionary = try source.dictionary(value), let role = dictionary["S"]?.nameValue else { return nil }
        let number = graft.out.add(.null)
        var element = PDFDictionary([("Type", .name("StructElem")), ("S", .name(self.role(role))), ("P", .reference(parent))])
        let page = dictionary["Pg"]?.reference.flatMap { graft.placement(ofSourcePage: $0) }
        if let page { element["Pg"] = .reference(page.page) }
        var kids: [PDFValue] = []
        for kid in try source.resolve(dictionary["K"])?.list ?? [] {
            if let mcid = kid.int {
                guard let page else { continue }
                kids.append(.integer(mcid + page.offset))
                contentParents[page.page, default: []].append((mcid + page.offset, number))
                continue
            }
            guard let item = try source.dictionary(kid) else { continue }
            switch item["Type"]?.nameValue {
            case "MCR":
                guard let mcid = try source.resolve(item["MCID"])?.int,
                      let place = (item["Pg"]?.reference ?? dictionary["Pg"]?.reference).flatMap({ graft.placement(ofSourcePage: $0) }) else { continue }
                kids.append(.dictionary(PDFDictionary([("Type", .name("MCR")), ("Pg", .reference(place.page)), ("MCID", .integer(mcid + place.offset))])))
                contentParents[place.page, default: []].append((mcid + place.offset, number))
            case "OBJR":
                guard let annotation = item["Obj"]?.reference, let copy = graft.annotationCopy(annotation) else { continue }
                var reference = PDFDictionary([("Type", .name("OBJR")), ("Obj", .reference(copy))])
                if let place = (item["Pg"]?.reference ?? dictionary["Pg"]?.reference).flatMap({ graft.placement(ofSourcePage: $0) }) {
                    reference["Pg"] = .reference(place.page)
                }
                kids.append(.dictionary(reference))
                annotationParents.append((copy, number))
            default:
                if let child = try self.element(kid, parent: number, depth: depth + 1) { kids.append(.reference(child)) }
            }
        }
        if !kids.isEmpty { element["K"] = .array(kids) }
        // Attribute classes (/C, through the source's /ClassMap) become the element's own.
        var attributes = try source.resolve(dictionary["A"])?.list ?? []
        for name in try source.resolve(dictionary["C"])?.list.compactMap(\.nameValue) ?? [] {
            attributes += try source.resolve(classMap[name])?.list ?? []
        }
        if !attributes.isEmpty { element["A"] = try graft.copier.copy(.array(try attributes.map(renamingHeaders))) }
        for key in ["Alt", "ActualText", "E", "Lang", "T", "R"] {
            if let item = dictionary[key] { element[key] = try graft.copier.copy(item) }
        }
        if case .string(let token)? = try source.resolve(dictionary["ID"]) {
            let id = idPrefix + stringBytes(token)
            element["ID"] = .string(hexString(id))
            ids.append((id, number))
        }
        graft.out.replace(number, .dictionary(element))
        return number
    }

    /// A table cell's attributes with the IDs of its /Headers renamed as the elements' are.
    private func renamingHeaders(_ attribute: PDFValue) throws(PDFError) -> PDFValue {
        guard var owner = try graft.source.dictionary(attribute), let headers = try graft.source.resolve(owner["Headers"])?.list else { return attribute }
        owner["Headers"] = .array(headers.map { header in
            if case .string(let token) = header { return .string(hexString(idPrefix + stringBytes(token))) }
            return header
        })
        return .dictionary(owner)
    }

    /// The role to write: a standard one as it is; a custom one kept, with its mapping, unless
    /// the pack maps that name to something else (then its standard role).
    private mutating func role(_ role: String) -> String {
        guard !standardStructureTypes.contains(role), let target = roleMap[role]?.nameValue else { return role }
        if let existing = packRoles[role]?.nameValue, existing != target { return standardRole(role, roleMap) }
        usedRoles[role] = target
        return role
    }
}

/// PDF 32000-1's standard structure types (14.8.4).
let standardStructureTypes: Set<String> = [
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct", "Private",
    "H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot",
    "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP",
    "Figure", "Formula", "Form",
]

/// A string token, written in hex (safe for any bytes).
func hexString(_ bytes: [UInt8]) -> [UInt8] {
    let digits = Array("0123456789ABCDEF".utf8)
    return [UInt8(ascii: "<")] + bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] } + [UInt8(ascii: ">")]
}
