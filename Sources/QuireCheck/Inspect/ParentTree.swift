/// The structure tree's /ParentTree: for a page (or form) with /StructParents n, entry n is
/// an array whose item i is the structure element owning marked-content id i. Content whose
/// id has no element there is, to assistive technology, untagged.
final class ParentTree {
    private var entries: [Int: PDFObject] = [:]
    /// Per /StructParents key, which ids map to an element; read once, asked per operation.
    private var mapped: [Int: [Bool]] = [:]

    init(_ root: PDFObject?) {
        var visited = Set<Int>()
        if let root { collect(root, depth: 0, visited: &visited) }
    }

    /// The element an annotation's (or an XObject's) /StructParent names.
    func element(structParent key: Int) -> PDFObject? {
        entries[key].flatMap { $0.isDictionary ? $0 : nil }
    }

    func maps(structParents: Int?, mcid: Int) -> Bool {
        guard let structParents, mcid >= 0 else { return false }
        if mapped[structParents] == nil {
            mapped[structParents] = (entries[structParents]?.items ?? []).map(\.isDictionary)
        }
        guard let ids = mapped[structParents], mcid < ids.count else { return false }
        return ids[mcid]
    }

    /// A number tree: /Nums [key value …] at the leaves, /Kids below the root.
    private func collect(_ node: PDFObject, depth: Int, visited: inout Set<Int>) {
        guard depth < inspectionMaxDepth else { return }
        if node.isIndirect, !visited.insert(node.objectID).inserted { return }
        let nums = node["Nums"]?.items ?? []
        for pair in stride(from: 0, to: nums.count - 1, by: 2) {
            if let key = nums[pair].int { entries[key] = nums[pair + 1] }
        }
        for kid in node["Kids"]?.items ?? [] { collect(kid, depth: depth + 1, visited: &visited) }
    }
}

/// How deep any walk of PDF data may go (structure tree, form XObjects, number trees,
/// inherited attributes): deeper is malformed or hostile, and must not exhaust the stack.
let inspectionMaxDepth = 256
