import Foundation
import QuirePages

/// What the structure rewrite leaves for the pages imported after it.
struct StructureCompletion {
    var artifacts: [Int: Set<Int>]
    var parentTree: ParentTreeArrays
    /// Written element index → its object number.
    var elementNumbers: [Int]
    var treeNumber: Int?
}

/// Copies each imported page's content, resources and links into the pack page it was placed
/// on, and grafts the source file's structure elements under the element that was open
/// around it: marked-content ids moved past the page's own, the parent tree extended, the
/// role map merged. Returns, by page object number, the content to draw before the page's own.
func importTaggedPages(_ imported: [ImportedPDFPage], pages: [PageObject], labels: [PageLabel],
                       completion: inout StructureCompletion, out: PDFRewrite) throws(PDFError) -> [Int: [UInt8]]
{
    guard !imported.isEmpty else { return [:] }
    guard let treeNumber = completion.treeNumber else { throw PDFError("pages of a tagged PDF were placed in a file without a structure tree") }
    var prefixes: [Int: [UInt8]] = [:]
    // One graft per source file and element, its pages in the order they were placed.
    var groups: [(path: String, element: Int, pages: [ImportedPDFPage])] = []
    for page in imported {
        if let index = groups.firstIndex(where: { $0.path == page.path && $0.element == page.element }) {
            groups[index].pages.append(page)
        } else {
            groups.append((page.path, page.element, [page]))
        }
    }
    for group in groups {
        guard let data = FileManager.default.contents(atPath: group.path) else { throw PDFError("cannot read \(group.path)") }
        let source = try ForeignPDF([UInt8](data))
        guard group.element < completion.elementNumbers.count else { throw PDFError("an imported page belongs to element \(group.element + 1) of \(completion.elementNumbers.count)") }
        var graft = TaggedPDFGraft(source: source, sourcePages: try source.pages(), out: out, packPages: pages, labels: labels,
                                   treeNumber: treeNumber)
        // Every page's place is known before any is copied: links go forward too.
        for page in group.pages { try graft.register(page, parentTree: completion.parentTree) }
        for page in group.pages {
            let (number, content) = try graft.place(page)
            prefixes[number, default: []] += content
        }
        try graft.graftStructure(under: completion.elementNumbers[group.element], parentTree: &completion.parentTree)
    }
    return prefixes
}

/// One source file's pages and structure, copied into the file being written.
struct TaggedPDFGraft {
    let source: ForeignPDF
    let sourcePages: [ForeignPage]
    let out: PDFRewrite
    let packPages: [PageObject]
    /// The pack pages' printed numbers, for the descriptions of links that now go to them.
    let labels: [PageLabel]
    let treeNumber: Int
    let copier: ObjectCopier
    /// Source page object → (pack page object, MCID offset there, placement).
    private var placed: [Int: (page: Int, offset: Int, transform: PlacementTransform)] = [:]
    /// Source annotation object → its copy, for the structure's OBJRs.
    private var annotations: [Int: Int] = [:]

    init(source: ForeignPDF, sourcePages: [ForeignPage], out: PDFRewrite, packPages: [PageObject], labels: [PageLabel],
         treeNumber: Int) {
        self.labels = labels
        self.source = source
        self.sourcePages = sourcePages
        self.out = out
        self.packPages = packPages
        self.treeNumber = treeNumber
        copier = ObjectCopier(source: source, out: out)
    }

    /// Records where a source page goes: its pack page, the MCIDs it starts at there, and
    /// how its coordinates move.
    mutating func register(_ page: ImportedPDFPage, parentTree: ParentTreeArrays) throws(PDFError) {
        guard page.sourceIndex >= 0, page.sourceIndex < sourcePages.count else {
            throw PDFError("\(page.path) has no page \(page.sourceIndex + 1)")
        }
        guard page.place.pageIndex >= 0, page.place.pageIndex < packPages.count else { throw PDFError("an imported page is placed on page \(page.place.pageIndex + 1) of \(packPages.count)") }
        let sourcePage = sourcePages[page.sourceIndex], packPage = packPages[page.place.pageIndex]
        guard let height = packPage.top else {
            throw PDFError("page \(page.place.pageIndex + 1) has no usable /MediaBox")
        }
        let transform = PlacementTransform(from: sourcePage.box, to: page.place, pageHeight: height)
        placed[sourcePage.number] = (packPage.number, parentTree.count(page: packPage.number), transform)
        copier.mapped[sourcePage.number] = packPage.number
    }

    /// Copies a registered source page onto its pack page; returns the pack page's object
    /// number and the content to draw before the page's own.
    mutating func place(_ page: ImportedPDFPage) throws(PDFError) -> (page: Int, content: [UInt8]) {
        let sourcePage = sourcePages[page.sourceIndex], packPage = packPages[page.place.pageIndex]
        guard let (_, offset, transform) = placed[sourcePage.number] else { throw PDFError("page \(page.sourceIndex + 1) of \(page.path) was not registered") }

        // Resources under new names ("Qi" + the old), added to the pack page's own.
        var renames = ResourceRenames()
        var resources = try resolvedResources(try out.source.dictionary(packPage.number))
        for (category, value) in sourcePage.resources.entries where category != "ProcSet" {
            guard let entries = try source.dictionary(value) else { continue }
            var merged = try resolvedCategory(resources[category])
            for (name, item) in entries.entries {
                let renamed = "Qi" + name
                renames.names[category, default: [:]][name] = renamed
                merged[renamed] = try copier.copy(item)
            }
            resources[category] = .dictionary(merged)
        }
        let (content, _) = rewriteImportedContent(try source.content(of: sourcePage), renames: renames, mcidOffset: offset)
        // Clipped to its visible box, whatever the file draws outside it.
        let box = sourcePage.box
        let clip = [box.left, box.bottom, box.right - box.left, box.top - box.bottom].map(writtenNumber).joined(separator: " ")
        let drawn = Array("q \(transform.operands) cm \(clip) re W n\n".utf8) + content + Array("Q\n".utf8)

        // Links: copied onto the pack page, moved with the content, their targets remapped.
        var newAnnotations: [PDFValue] = []
        for annotation in try source.resolve(sourcePage.dictionary["Annots"])?.list ?? [] {
            guard let number = annotation.reference, let dictionary = try source.dictionary(annotation) else { continue }
            var copy = try copier.copy(dictionary, skipping: ["P", "Parent", "Popup", "StructParent", "Dest", "A", "Rect", "QuadPoints"])
            copy["P"] = .reference(packPage.number)
            copy["F"] = .integer(4)
            if let rect = try source.resolve(dictionary["Rect"])?.list.compactMap(\.double), rect.count == 4 {
                copy["Rect"] = .array(transform.rectangle(rect).map { .real($0) })
            }
            if let quads = try source.resolve(dictionary["QuadPoints"])?.list.compactMap(\.double), quads.count % 8 == 0, !quads.isEmpty {
                copy["QuadPoints"] = .array(transform.points(quads).map { .real($0) })
            }
            if let target = try linkTarget(dictionary) {
                copy["Dest"] = target
                // A page link's description names the page as the pack prints it.
                if let page = target.list.first?.reference, let index = packPages.firstIndex(where: { $0.number == page }), index < labels.count,
                   describesPage(copy["Contents"]) {
                    copy["Contents"] = .text("Go to page \(labels[index])")
                }
            } else if let action = dictionary["A"] {
                copy["A"] = try copier.copy(action)
            }
            let target = out.add(.dictionary(copy))
            annotations[number] = target
            copier.mapped[number] = target
            newAnnotations.append(.reference(target))
        }
        let annotationsToAdd = newAnnotations
        let finalResources = resources
        try out.edit(packPage.number) { dictionary in
            dictionary["Resources"] = .dictionary(finalResources)
            if !annotationsToAdd.isEmpty {
                dictionary["Annots"] = .array((dictionary["Annots"]?.list ?? []) + annotationsToAdd)
                dictionary["Tabs"] = .name("S")
            }
        }
        return (packPage.number, drawn)
    }

    /// Copies the source's structure elements and hangs its top ones under `parent` (a
    /// source's own `Document` element is not repeated: its children are hung there).
    mutating func graftStructure(under parent: Int, parentTree: inout ParentTreeArrays) throws(PDFError) {
        guard let root = try source.dictionary(source.trailer["Root"]), let tree = try source.dictionary(root["StructTreeRoot"]) else {
            throw PDFError("the imported PDF has no structure tree")
        }
        let roleMap = try source.dictionary(tree["RoleMap"]) ?? PDFDictionary()
        let classMap = try source.dictionary(tree["ClassMap"]) ?? PDFDictionary()
        var tops = try source.resolve(tree["K"])?.list ?? []
        if tops.count == 1, let only = try source.dictionary(tops[0]), let role = only["S"]?.nameValue,
           standardRole(role, roleMap) == "Document" {
            tops = try source.resolve(only["K"])?.list ?? []
        }
        var packRoles = PDFDictionary()
        try out.edit(treeNumber) { packRoles = $0["RoleMap"]?.dictionaryValue ?? PDFDictionary() }
        var writer = StructureCopy(graft: self, roleMap: roleMap, classMap: classMap, packRoles: packRoles, idPrefix: "appendix-\(parent)-")
        var topNumbers: [PDFValue] = []
        for top in tops {
            if let number = try writer.element(top, parent: parent, depth: 0) { topNumbers.append(.reference(number)) }
        }
        try out.edit(parent) { $0["K"] = .array(($0["K"]?.list ?? []) + topNumbers) }

        // The parent tree: each pack page's array extended past its own ids; links keyed anew.
        for (page, entries) in writer.contentParents.sorted(by: { $0.key < $1.key }) {
            try parentTree.extend(page: page, with: entries, out: out)
        }
        for (annotation, element) in writer.annotationParents {
            let key = parentTree.key(forAnnotationOf: element)
            try out.edit(annotation) { $0["StructParent"] = .integer(key) }
        }
        // Its element IDs join the pack's /IDTree, a flat name tree kept in byte order.
        if !writer.ids.isEmpty {
            let added = writer.ids
            try out.edit(treeNumber) { treeRoot in
                var pairs: [(key: [UInt8], value: PDFValue)] = []
                let names = treeRoot["IDTree"]?.dictionaryValue?["Names"]?.list ?? []
                for index in stride(from: 0, to: names.count - 1, by: 2) {
                    if case .string(let token) = names[index] { pairs.append((stringBytes(token), names[index + 1])) }
                }
                pairs += added.map { ($0.id, PDFValue.reference($0.element)) }
                pairs.sort { $0.key.lexicographicallyPrecedes($1.key) }
                treeRoot["IDTree"] = .dictionary(PDFDictionary([("Names", .array(pairs.flatMap { [PDFValue.string(hexString($0.key)), $0.value] }))]))
            }
        }
        // Roles the source defined: added to the pack's role map where they do not clash
        // (a clashing one was written as its standard role).
        if !writer.usedRoles.isEmpty {
            let roles = writer.usedRoles
            try out.edit(treeNumber) { treeRoot in
                var map = treeRoot["RoleMap"]?.dictionaryValue ?? PDFDictionary()
                for (name, target) in roles.sorted(by: { $0.key < $1.key }) where map[name] == nil { map[name] = .name(target) }
                treeRoot["RoleMap"] = .dictionary(map)
            }
        }
    }

    /// Where a link goes, as an explicit destination on the pack's pages (nil: not a link
    /// into this file, such as a web address).
    private func linkTarget(_ annotation: PDFDictionary) throws(PDFError) -> PDFValue? {
        var destination = annotation["Dest"]
        if destination == nil, let action = try source.dictionary(annotation["A"]), action["S"]?.nameValue == "GoTo" { destination = action["D"] }
        guard let destination else { return nil }
        return try explicitDestination(destination)
    }

    func explicitDestination(_ value: PDFValue) throws(PDFError) -> PDFValue? {
        var resolved = try source.resolve(value)
        if case .string = resolved, let named = try namedDestination(resolved!) { resolved = named }
        if case .name(let name) = resolved, let root = try source.dictionary(source.trailer["Root"]),
           let dests = try source.dictionary(root["Dests"]) { resolved = try source.resolve(dests[name]) }
        if let dictionary = resolved?.dictionaryValue { resolved = try source.resolve(dictionary["D"]) }
        guard var items = resolved?.list, let page = items.first?.reference, let target = placed[page] else { return nil }
        items[0] = .reference(target.page)
        // /XYZ left top zoom: the point moves with the page.
        if items.count >= 4, items[1].nameValue == "XYZ" {
            let moved = target.transform.point(items[2].double ?? 0, items[3].double ?? 0)
            if items[2].double != nil { items[2] = .real(moved.x) }
            if items[3].double != nil { items[3] = .real(moved.y) }
        }
        return .array(items)
    }

    /// A destination named by a string, from the catalog's /Names /Dests name tree.
    private func namedDestination(_ name: PDFValue) throws(PDFError) -> PDFValue? {
        guard case .string(let key) = name, let root = try source.dictionary(source.trailer["Root"]),
              let names = try source.dictionary(root["Names"]), let tree = try source.dictionary(names["Dests"]) else { return nil }
        var pending = [tree]
        var steps = 0
        while let node = pending.popLast(), steps < 10_000 {
            steps += 1
            let pairs = try source.resolve(node["Names"])?.list ?? []
            for index in stride(from: 0, to: pairs.count - 1, by: 2) {
                if case .string(let candidate) = pairs[index], stringBytes(candidate) == stringBytes(key) { return try source.resolve(pairs[index + 1]) }
            }
            for kid in try source.resolve(node["Kids"])?.list ?? [] { if let kid = try source.dictionary(kid) { pending.append(kid) } }
        }
        return nil
    }

    /// Where each source page went, for the structure copy.
    func placement(ofSourcePage number: Int) -> (page: Int, offset: Int)? { placed[number].map { ($0.page, $0.offset) } }
    func annotationCopy(_ number: Int) -> Int? { annotations[number] }

    private func resolvedResources(_ page: PDFDictionary) throws(PDFError) -> PDFDictionary {
        guard let value = page["Resources"] else { return PDFDictionary() }
        if case .reference(let number) = value { return try out.source.dictionary(number) }
        return value.dictionaryValue ?? PDFDictionary()
    }

    private func resolvedCategory(_ value: PDFValue?) throws(PDFError) -> PDFDictionary {
        guard let value else { return PDFDictionary() }
        if case .reference(let number) = value { return try out.source.dictionary(number) }
        return value.dictionaryValue ?? PDFDictionary()
    }
}

/// Whether a link's description is missing or only names a page ("Go to page 3", as Quire
/// writes them): then it is written anew for the page's place in the pack.
func describesPage(_ contents: PDFValue?) -> Bool {
    guard case .string(let token)? = contents else { return true }
    let bytes = stringBytes(token)
    let text: String
    if bytes.starts(with: [0xFE, 0xFF]) {
        let units = stride(from: 2, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
        text = String(decoding: units, as: UTF16.self)
    } else {
        text = String(decoding: bytes, as: UTF8.self)
    }
    let words = text.split(separator: " ")
    return text.isEmpty || (words.count == 4 && words[0] == "Go" && words[1] == "to" && words[2] == "page")
}

/// The role a custom structure type stands for, through the role map (itself when standard).
func standardRole(_ role: String, _ roleMap: PDFDictionary) -> String {
    var role = role
    var hops = 0
    while let mapped = roleMap[role]?.nameValue, mapped != role, hops < 16 {
        role = mapped
        hops += 1
    }
    return role
}

/// A string token's bytes (PDF 32000-1, 7.3.4): a literal's escapes undone, a hex string
/// decoded, so the same name written two ways compares equal.
func stringBytes(_ token: [UInt8]) -> [UInt8] {
    guard let first = token.first else { return [] }
    var out: [UInt8] = []
    if first == UInt8(ascii: "<") {
        var high: UInt8?
        for byte in token.dropFirst() {
            guard let digit = hexDigit(byte) else { continue }
            if let h = high { out.append(h << 4 | digit); high = nil } else { high = digit }
        }
        if let h = high { out.append(h << 4) }
        return out
    }
    var index = 1
    let end = max(1, token.count - 1)
    while index < end {
        let byte = token[index]
        index += 1
        guard byte == UInt8(ascii: "\\"), index < end else { out.append(byte); continue }
        let escaped = token[index]
        index += 1
        switch escaped {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = Int(escaped - 0x30)
            for _ in 0..<2 where index < end && token[index] >= 0x30 && token[index] <= 0x37 {
                value = value * 8 + Int(token[index] - 0x30)
                index += 1
            }
            out.append(UInt8(truncatingIfNeeded: value))
        case 0x0A, 0x0D: break  // a line continued
        default: out.append(escaped)
        }
    }
    return out
}

private func hexDigit(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x37
    case 0x61...0x66: byte - 0x57
    default: nil
    }
}
