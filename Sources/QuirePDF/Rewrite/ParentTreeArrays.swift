/// The /ParentTree (PDF 32000-1, 14.7.4.4): per page an array, MCID → element, and per
/// annotation an element; changed in place and written back with the file.
struct ParentTreeArrays {
    /// Page object number → (array object number, its items: each element's object number,
    /// -1 for null). Four bytes an item, not a `PDFValue`'s 24: a pack's arrays hold one item
    /// for each piece of marked content.
    private var arrays: [Int: (number: Int, items: [Int32])] = [:]
    private var changed: Set<Int> = []
    /// The tree's own object and its flat /Nums, when keys are added.
    private var treeObject: Int?
    private var nums: [PDFValue] = []
    private var numsChanged = false
    private var nextKey = 0

    init() {}

    init(_ pdf: CairoPDF, _ tree: Int?, pages: [PageObject]) throws(PDFError) {
        guard let tree else { return }
        treeObject = tree
        var byKey: [Int: Int] = [:]
        nums = try pdf.dictionary(tree)["Nums"]?.list ?? []
        for pair in stride(from: 0, to: nums.count - 1, by: 2) {
            guard let key = nums[pair].int else { continue }
            nextKey = max(nextKey, key + 1)
            if let array = nums[pair + 1].reference { byKey[key] = array }
        }
        // Each page names its array by /StructParents.
        for page in pages {
            guard let key = page.structParents, let number = byKey[key],
                  case .array(let items) = try pdf.object(number).value else { continue }
            arrays[page.number] = (number, try items.map { (item) throws(PDFError) in
                switch item {
                case .null: return -1
                case .reference(let element):
                    guard let compact = Int32(exactly: element) else { throw PDFError("the parent tree names object \(element)") }
                    return compact
                default: throw PDFError("the parent tree's array \(number) holds \(item), not a structure element")
                }
            })
        }
    }

    /// An element's object number as stored.
    private static func item(_ element: Int?) -> Int32 {
        guard let element else { return -1 }
        guard let compact = Int32(exactly: element) else { preconditionFailure("object \(element) past the finisher's counts") }
        return compact
    }

    mutating func set(_ ref: StructureRewrite.ContentRef, to element: Int?) {
        guard let count = arrays[ref.page]?.items.count, ref.mcid < count else { return }
        arrays[ref.page]?.items[ref.mcid] = Self.item(element)  // in place: no copy of the page's array
        changed.insert(ref.page)
    }

    /// How many marked-content ids the page's array covers (the next free one).
    func count(page: Int) -> Int { arrays[page]?.items.count ?? 0 }

    /// Adds (MCID, element) entries to a page's array; a page without one gets one, under a new key.
    mutating func extend(page: Int, with entries: [(mcid: Int, element: Int)], out: PDFRewrite) throws(PDFError) {
        guard !entries.isEmpty else { return }
        if arrays[page] == nil {
            let number = out.add(.array([]))
            arrays[page] = (number, [])
            let key = addKey(.reference(number))
            try out.edit(page) { $0["StructParents"] = .integer(key) }
        }
        guard var entry = arrays.removeValue(forKey: page) else { return }
        for (mcid, element) in entries {
            if mcid >= entry.items.count { entry.items += Array(repeating: -1, count: mcid + 1 - entry.items.count) }
            entry.items[mcid] = Self.item(element)
        }
        arrays[page] = entry
        changed.insert(page)
    }

    /// A new key for an annotation's element (its /StructParent).
    mutating func key(forAnnotationOf element: Int) -> Int { addKey(.reference(element)) }

    private mutating func addKey(_ value: PDFValue) -> Int {
        let key = nextKey
        nextKey += 1
        nums += [.integer(key), value]  // keys rise, so /Nums stays sorted
        numsChanged = true
        return key
    }

    func write(to out: PDFRewrite, tree: Int?) throws(PDFError) {
        for page in changed {
            guard let entry = arrays[page] else { continue }
            out.replace(entry.number, .array(entry.items.map { $0 < 0 ? .null : .reference(Int($0)) }))
        }
        guard numsChanged, let treeObject else { return }
        let nums = self.nums, next = nextKey
        try out.edit(treeObject) { $0["Nums"] = .array(nums) }
        if let tree { try out.edit(tree) { $0["ParentTreeNextKey"] = .integer(next) } }
    }
}
