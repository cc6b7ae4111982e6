import QuirePages

/// Completes the structure tree cairo wrote, element by element in the order they were
/// opened: attributes cairo cannot write (/Alt, a table cell's /Scope, /RowSpan and /ColSpan,
/// a note's /ID with the tree's /IDTree, a link's /Contents and /Dest),
/// links met inside a paragraph moved back into it,
/// placeholder elements of page furniture taken out (their content becomes artifacts), and
/// elements interrupted by furniture merged back into one. Only changed objects are parsed
/// twice and written anew; the rest of the tree is read once, compactly.
struct StructureRewrite {
    let pdf: CairoPDF
    let out: PDFRewrite

    /// A marked-content reference, 8 bytes: a pack's tree holds one for each piece of marked
    /// content (70,000 at 2,000 pages).
    struct ContentRef: Hashable {
        private let pageObject: Int32, id: Int32
        var page: Int { Int(pageObject) }
        var mcid: Int { Int(id) }

        /// Nil past 2^31 (the finisher's counts would fail first).
        init?(page: Int, mcid: Int) {
            guard let pageObject = Int32(exactly: page), let id = Int32(exactly: mcid) else { return nil }
            (self.pageObject, self.id) = (pageObject, id)
        }
    }

    /// One element of the tree, 16 bytes: a pack's tree is tens of thousands of them (its role
    /// is checked against the written element's as the tree is read, not kept).
    private struct Node {
        private var object: Int32, parentObject: Int32
        /// Marked content it holds directly, in order: a range of the tree's one list of
        /// references (an array each was a heap block per element, tens of thousands in a pack).
        private var contentStart: Int32, contentEnd: Int32
        var number: Int { Int(object) }
        var parent: Int { Int(parentObject) }
        var content: Range<Int> { Int(contentStart)..<Int(contentEnd) }

        init?(number: Int, parent: Int, content: Range<Int>) {
            guard let object = Int32(exactly: number), let parentObject = Int32(exactly: parent),
                  let start = Int32(exactly: content.lowerBound), let end = Int32(exactly: content.upperBound) else { return nil }
            (self.object, self.parentObject, contentStart, contentEnd) = (object, parentObject, start, end)
        }
    }

    /// The first element whose role is not the one written.
    private struct RoleMismatch {
        var index: Int
        var found: String
    }

    /// What an element holds, in reading order, when the finisher rebuilds it.
    private enum Kid {
        case content(ContentRef)
        case element(Int)
    }

    /// Applies `written`; returns, by page object number, the MCIDs that are artifacts now,
    /// with the parent tree (written out by the caller, after any imported pages join it).
    /// `labels` are the pages' printed numbers, for internal links' descriptions.
    func complete(_ written: [WrittenElement], root: PDFDictionary, pages: [PageObject],
                  labels: [PageLabel]) throws(PDFError) -> StructureCompletion
    {
        guard let treeNumber = root["StructTreeRoot"]?.reference else {
            if written.isEmpty { return StructureCompletion(artifacts: [:], parentTree: ParentTreeArrays(), elementNumbers: [], treeNumber: nil) }
            throw PDFError("the PDF has no structure tree, but \(written.count) elements were written")
        }
        let tree = try pdf.dictionary(treeNumber)
        var nodes: [Node] = []
        nodes.reserveCapacity(written.count)
        var refs: [ContentRef] = []
        var visited = ObjectSet(count: pdf.objectCount)
        var mismatch: RoleMismatch?
        try collect(tree, number: treeNumber, into: &nodes, refs: &refs, visited: &visited, written: written, mismatch: &mismatch, depth: 0)
        guard nodes.count == written.count else {
            throw PDFError("the structure tree has \(nodes.count) elements where \(written.count) were written")
        }
        if let mismatch {
            throw PDFError("structure element \(mismatch.index + 1) is \(mismatch.found) where \(written[mismatch.index].role) was written")
        }
        var parentTree = try ParentTreeArrays(pdf, tree["ParentTree"]?.reference, pages: pages)
        let edit = out.edit
        var artifacts: [Int: Set<Int>] = [:]
        var removed: [Int: Set<Int>] = [:]  // parent → children taken out
        var merged: [Int: [Kid]] = [:]  // element → its content, continuations and nested links included
        var noteIDs: [(id: String, number: Int)] = []  // PDF/UA: every Note has an /ID, listed in /IDTree
        var captions: [(figure: Int, caption: Int)] = []
        var pendingCaption: Node?  // a figure's caption, until its figure comes
        for (index, (node, element)) in zip(nodes, written).enumerated() {
            switch element.kind {
            case .element:
                if let caption = pendingCaption, caption.parent == node.parent, element.role == "Figure" {
                    captions.append((node.number, caption.number))
                    removed[caption.parent, default: []].insert(caption.number)
                    try edit(caption.number) { $0["P"] = .reference(node.number) }
                }
                pendingCaption = element.captionsNext ? node : nil
                if let alt = element.alt { try edit(node.number) { $0["Alt"] = .text(alt) } }
                // Attributes by owner: a cell's (Table), a list's numbering (List), a figure's
                // or table's box (Layout), with the page the box is on.
                var owners = tableAttributes(element).map { [PDFValue.dictionary($0)] } ?? []
                if let numbering = element.listNumbering {
                    owners.append(.dictionary(PDFDictionary([("O", .name("List")), ("ListNumbering", .name(numbering))])))
                }
                var boxPage: Int?
                if let box = element.box {
                    let (page, bbox) = try boundingBox(box, pages: pages)
                    boxPage = page
                    owners.append(.dictionary(PDFDictionary([("O", .name("Layout")), ("BBox", bbox)])))
                }
                if !owners.isEmpty {
                    try edit(node.number) {
                        $0["A"] = owners.count == 1 ? owners[0] : .array(owners)
                        if let boxPage, $0["Pg"] == nil { $0["Pg"] = .reference(boxPage) }
                    }
                }
                if element.role == "Note" {
                    let id = "note-\(noteIDs.count + 1)"
                    noteIDs.append((id, node.number))
                    try edit(node.number) { $0["ID"] = .string(Array("(\(id))".utf8)) }
                }
            case .link(let contents, let destination):
                let dest = try destination.map { (d) throws(PDFError) in try explicitDestination(d, pages: pages) }
                var description = contents ?? ""
                if let destination {
                    guard destination.pageIndex < labels.count else { throw PDFError("a link goes to page \(destination.pageIndex + 1) of \(labels.count)") }
                    description = contents ?? "Go to page \(labels[destination.pageIndex])"
                }
                for kid in try pdf.dictionary(node.number)["K"]?.list ?? [] {
                    guard let objr = kid.dictionaryValue, objr["Type"]?.nameValue == "OBJR", let annotation = objr["Obj"]?.reference else { continue }
                    try edit(annotation) {
                        $0["Contents"] = .text(description)
                        if let dest {
                            $0["A"] = nil
                            $0["Dest"] = dest
                        }
                    }
                }
                if let origin = element.nestedIn {
                    guard origin < index else { throw PDFError("link \(index + 1) belongs inside a later element") }
                    let target = nodes[origin]
                    merged[target.number, default: refs[target.content].map(Kid.content)].append(.element(node.number))
                    removed[node.parent, default: []].insert(node.number)
                    try edit(node.number) { $0["P"] = .reference(target.number) }
                }
            case .artifact:
                for ref in refs[node.content] {
                    artifacts[ref.page, default: []].insert(ref.mcid)
                    parentTree.set(ref, to: nil)
                }
                removed[node.parent, default: []].insert(node.number)
                out.drop(node.number)
            case .continuation(let origin):
                guard origin < index else { throw PDFError("structure element \(index + 1) continues a later element") }
                let target = nodes[origin]
                merged[target.number, default: refs[target.content].map(Kid.content)] += refs[node.content].map(Kid.content)
                for ref in refs[node.content] { parentTree.set(ref, to: target.number) }
                removed[node.parent, default: []].insert(node.number)
                out.drop(node.number)
            }
        }
        for (number, kids) in merged {
            try edit(number) {
                $0["K"] = .array(kids.map { kid in
                    switch kid {
                    case .content(let ref):
                        .dictionary(PDFDictionary([("Type", .name("MCR")), ("Pg", .reference(ref.page)), ("MCID", .integer(ref.mcid))]))
                    case .element(let child): .reference(child)
                    }
                })
            }
        }
        for (parent, gone) in removed {
            try edit(parent) { $0["K"] = .array(($0["K"]?.list ?? []).filter { $0.reference.map { !gone.contains($0) } ?? true }) }
        }
        // A figure's caption is its first kid (PDF 32000-1, 14.8.4.4.1).
        for (figure, caption) in captions {
            try edit(figure) { $0["K"] = .array([.reference(caption)] + ($0["K"]?.list ?? [])) }
        }
        if !noteIDs.isEmpty {
            // A name tree's keys are in byte order ("note-10" before "note-2").
            let names = noteIDs.sorted { Array($0.id.utf8).lexicographicallyPrecedes(Array($1.id.utf8)) }
                .flatMap { [PDFValue.string(Array("(\($0.id))".utf8)), .reference($0.number)] }
            try edit(treeNumber) { $0["IDTree"] = .dictionary(PDFDictionary([("Names", .array(names))])) }
        }
        return StructureCompletion(artifacts: artifacts, parentTree: parentTree, elementNumbers: nodes.map(\.number), treeNumber: treeNumber)
    }

    /// An explicit destination: the page, its left edge, `y` down from its top, the zoom kept.
    private func explicitDestination(_ destination: PageDestination, pages: [PageObject]) throws(PDFError)
        -> PDFValue
    {
        guard destination.pageIndex >= 0, destination.pageIndex < pages.count else {
            throw PDFError("a link goes to page \(destination.pageIndex + 1) of a \(pages.count)-page document")
        }
        let page = pages[destination.pageIndex]
        guard let bottom = page.bottom, let top = page.top else {
            throw PDFError("page \(destination.pageIndex + 1) has no usable /MediaBox")
        }
        return .array([.reference(page.number), .name("XYZ"), .integer(0), .real(max(bottom, top - destination.y)), .null])
    }

    /// A drawn box in PDF's coordinates (from the bottom-left, y up): its page object and
    /// [left bottom right top].
    private func boundingBox(_ box: ElementBox, pages: [PageObject]) throws(PDFError) -> (Int, PDFValue) {
        guard box.pageIndex >= 0, box.pageIndex < pages.count else { throw PDFError("an element was drawn on page \(box.pageIndex + 1) of \(pages.count)") }
        let page = pages[box.pageIndex]
        guard let top = page.top else {
            throw PDFError("page \(box.pageIndex + 1) has no usable /MediaBox")
        }
        return (page.number, .array([.real(box.x), .real(top - box.y - box.height), .real(box.x + box.width), .real(top - box.y)]))
    }

    /// A table cell's attributes (owner Table): a header cell's /Scope, a merged cell's
    /// /RowSpan and /ColSpan; nil for an element with none.
    private func tableAttributes(_ element: WrittenElement) -> PDFDictionary? {
        var entries: [(String, PDFValue)] = []
        if let scope = element.scope { entries.append(("Scope", .name(scope))) }
        if let rows = element.rowSpan, rows > 1 { entries.append(("RowSpan", .integer(rows))) }
        if let columns = element.columnSpan, columns > 1 { entries.append(("ColSpan", .integer(columns))) }
        return entries.isEmpty ? nil : PDFDictionary([("O", .name("Table"))] + entries)
    }

    /// Elements in depth-first order: the order they were opened in, each role compared with
    /// the element written at its place.
    private func collect(_ parent: PDFDictionary, number: Int, into nodes: inout [Node], refs: inout [ContentRef], visited: inout ObjectSet,
                         written: [WrittenElement], mismatch: inout RoleMismatch?, depth: Int) throws(PDFError) {
        guard depth < 512 else { throw PDFError("the structure tree is nested too deeply") }
        for kid in parent["K"]?.list ?? [] {
            guard let child = kid.reference, visited.insert(child) else { continue }
            let dictionary = try pdf.dictionary(child)
            guard let role = dictionary["S"]?.nameValue else { continue }
            let start = refs.count
            guard appendContentRefs(dictionary, to: &refs), let node = Node(number: child, parent: number, content: start..<refs.count) else {
                throw PDFError("the structure tree marks more content than the finisher can count")
            }
            if mismatch == nil, nodes.count < written.count, written[nodes.count].role != role { mismatch = RoleMismatch(index: nodes.count, found: role) }
            nodes.append(node)
            try collect(dictionary, number: child, into: &nodes, refs: &refs, visited: &visited, written: written, mismatch: &mismatch, depth: depth + 1)
        }
    }

    /// The marked content an element holds directly (MCIDs, and marked-content references);
    /// false for a number too large to hold.
    private func appendContentRefs(_ element: PDFDictionary, to refs: inout [ContentRef]) -> Bool {
        let page = element["Pg"]?.reference ?? 0
        for kid in element["K"]?.list ?? [] {
            var found: (page: Int, mcid: Int)?
            if let mcid = kid.int {
                found = (page, mcid)
            } else if let mcr = kid.dictionaryValue, mcr["Type"]?.nameValue == "MCR", let mcid = mcr["MCID"]?.int {
                found = (mcr["Pg"]?.reference ?? page, mcid)
            }
            guard let found else { continue }
            guard let ref = ContentRef(page: found.page, mcid: found.mcid) else { return false }
            refs.append(ref)
        }
        return true
    }
}

/// Object numbers seen, one bit each (a `Set<Int>` of a pack's tree was a megabyte).
private struct ObjectSet {
    private var words: [UInt64]

    init(count: Int) { words = Array(repeating: 0, count: (max(0, count) + 63) / 64) }

    /// False when `number` was inserted before.
    mutating func insert(_ number: Int) -> Bool {
        guard number >= 0 else { return true }
        let word = number / 64, bit = UInt64(1) << UInt64(number % 64)
        if word >= words.count { words += Array(repeating: 0, count: word + 1 - words.count) }
        guard words[word] & bit == 0 else { return false }
        words[word] |= bit
        return true
    }
}
