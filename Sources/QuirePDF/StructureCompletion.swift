import CQPDF

/// Completes the structure tree cairo wrote, element by element in the order they were
/// opened: attributes cairo cannot write (/Alt, a header cell's /Scope, a link's /Contents),
/// placeholder elements of page furniture taken out (their content becomes artifacts), and
/// elements interrupted by furniture merged back into one.
struct StructureCompletion {
    let pdf: QPDF

    /// A marked-content sequence: the page object and its MCID there.
    struct ContentRef: Hashable {
        var page: Int
        var mcid: Int
    }

    private struct Node {
        var element: PDFObject
        var parent: PDFObject
        var role: String?
    }

    /// Applies `written` to the tree; returns the MCIDs, by page object number, that are
    /// artifacts now and must be re-marked in the page content.
    func complete(_ written: [WrittenElement]) throws(PDFError) -> [Int: Set<Int>] {
        guard let treeRoot = pdf.root["StructTreeRoot"] else {
            if written.isEmpty { return [:] }
            throw PDFError("the PDF has no structure tree, but \(written.count) elements were written")
        }
        var nodes: [Node] = []
        collect(treeRoot, into: &nodes, depth: 0)
        guard nodes.count == written.count else {
            throw PDFError("the structure tree has \(nodes.count) elements where \(written.count) were written")
        }
        let pages = Dictionary(pdf.pages.map { ($0.objectID, $0) }, uniquingKeysWith: { first, _ in first })
        var parentTree = MCIDParents(treeRoot["ParentTree"], pages: pages)
        var artifacts: [Int: Set<Int>] = [:]
        var removed: [Int: Set<Int>] = [:]  // parent object number → children taken out
        for (index, (node, element)) in zip(nodes, written).enumerated() {
            guard node.role == element.role else {
                throw PDFError("structure element \(index + 1) is \(node.role ?? "untyped") where \(element.role) was written")
            }
            switch element.kind {
            case .element:
                if let alt = element.alt { node.element["Alt"] = pdf.text(alt) }
                if let scope = element.scope { node.element["A"] = pdf.dictionary(["O": pdf.name("Table"), "Scope": pdf.name(scope)]) }
            case .link(let contents):
                for kid in node.element["K"]?.asList ?? [] where kid["Type"]?.name == "OBJR" {
                    kid["Obj"]?["Contents"] = pdf.text(contents)
                }
            case .artifact:
                for ref in contentRefs(node.element) {
                    artifacts[ref.page, default: []].insert(ref.mcid)
                    parentTree.set(ref, to: nil)
                }
                removed[node.parent.objectID, default: []].insert(node.element.objectID)
            case .continuation(let origin):
                guard origin < index else { throw PDFError("structure element \(index + 1) continues a later element") }
                let target = nodes[origin].element
                let refs = contentRefs(target) + contentRefs(node.element)
                target["K"] = pdf.array(refs.compactMap { ref in
                    pages[ref.page].map { pdf.dictionary(["Type": pdf.name("MCR"), "Pg": $0, "MCID": pdf.integer(ref.mcid)]) }
                })
                for ref in contentRefs(node.element) { parentTree.set(ref, to: target) }
                removed[node.parent.objectID, default: []].insert(node.element.objectID)
            }
        }
        // Parents lose the elements taken out (sorted: the same file every time).
        let parents = Dictionary(nodes.map { ($0.parent.objectID, $0.parent) }, uniquingKeysWith: { first, _ in first })
        for (id, gone) in removed.sorted(by: { $0.key < $1.key }) {
            guard let parent = parents[id] else { continue }
            let kids = parent["K"]?.asList ?? []
            parent["K"] = pdf.array(kids.filter { $0.objectID == 0 || !gone.contains($0.objectID) })
        }
        return artifacts
    }

    /// Elements in depth-first order: the order they were opened in.
    private func collect(_ parent: PDFObject, into nodes: inout [Node], depth: Int) {
        guard depth < 512 else { return }
        // Kids are MCIDs (integers), marked-content and object references (dictionaries
        // without /S), or elements.
        for kid in parent["K"]?.asList ?? [] where kid.type == ot_dictionary {
            guard let role = kid["S"] else { continue }
            nodes.append(Node(element: kid, parent: parent, role: role.name))
            collect(kid, into: &nodes, depth: depth + 1)
        }
    }

    /// The marked content an element holds directly, in order.
    func contentRefs(_ element: PDFObject) -> [ContentRef] {
        let page = element["Pg"]?.objectID ?? 0
        return (element["K"]?.asList ?? []).compactMap { kid in
            if let mcid = kid.int { return ContentRef(page: page, mcid: mcid) }
            if kid.isDictionary, kid["Type"]?.name == "MCR", let mcid = kid["MCID"]?.int {
                return ContentRef(page: kid["Pg"]?.objectID ?? page, mcid: mcid)
            }
            return nil
        }
    }
}

/// The /ParentTree number tree: for each page (its /StructParents key), an array mapping
/// MCIDs to their elements.
private struct MCIDParents {
    private var arrays: [Int: PDFObject] = [:]  // page object number → its array
    private let pdf: QPDF?

    init(_ tree: PDFObject?, pages: [Int: PDFObject]) {
        pdf = tree?.pdf
        guard let tree else { return }
        var byKey: [Int: PDFObject] = [:]
        Self.collect(tree, into: &byKey, depth: 0)
        for (id, page) in pages {
            if let key = page["StructParents"]?.int, let array = byKey[key] { arrays[id] = array }
        }
    }

    private static func collect(_ node: PDFObject, into byKey: inout [Int: PDFObject], depth: Int) {
        guard depth < 64 else { return }
        let nums = node["Nums"]?.items ?? []
        for pair in stride(from: 0, to: nums.count - 1, by: 2) {
            if let key = nums[pair].int { byKey[key] = nums[pair + 1] }
        }
        for kid in node["Kids"]?.items ?? [] { collect(kid, into: &byKey, depth: depth + 1) }
    }

    mutating func set(_ ref: StructureCompletion.ContentRef, to element: PDFObject?) {
        guard let pdf, let array = arrays[ref.page], array.isArray, ref.mcid < array.count else { return }
        array.setItem(ref.mcid, element ?? pdf.null())
    }
}
