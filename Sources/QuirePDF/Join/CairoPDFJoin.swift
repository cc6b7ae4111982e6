public import QuirePages
public import QuireSystem
import QuirePDFSyntax

/// Cairo's PDFs of consecutive runs of pages, drawn on surfaces of their own side by side,
/// joined into one PDF of the shape one surface would have written: one page tree, one
/// structure tree under one Document element, one parent tree, and the bookmarks. The
/// finisher then completes it as it completes any of cairo's PDFs.
///
/// Every object of a part is copied byte for byte but for its object references, which move
/// past the parts before it, and its pages' and annotations' parent-tree keys, which do the
/// same. Each part's page tree node, structure tree root, Document element and parent tree
/// become the joined file's (objects 2 to 5); its catalog and /Info are left out (the
/// finisher writes both anew). A part holding anything else at those places is an error,
/// never dropped. Fonts stay each part's own subsets.
public final class CairoPDFJoin {
    private var output: ByteSpool
    /// Joined object number → offset in `output` (nil: not written yet, or free).
    private var offsets: [Int?] = Array(repeating: nil, count: Reserved.first)
    private var pageKids: [PDFValue] = []
    /// Each joined page's object and height, for the bookmarks' destinations.
    private var pages: [(number: Int, height: Double)] = []
    private var documentKids: [PDFValue] = []
    private var nums: [PDFValue] = []
    private var nextKey = 0
    private var elements: [WrittenElement] = [WrittenElement(role: "Document")]
    private var imported: [ImportedPDFPage] = []
    private var failure: PDFError?
    private var partCount = 0

    /// The joined file's own objects, written last.
    private enum Reserved {
        static let catalog = 1, pages = 2, structureTree = 3, document = 4, parentTree = 5
        static let first = 6
    }

    public init(into output: ByteSpool = ByteSpool()) { self.output = output }

    /// Appends the next part: cairo's PDF of its pages, the structure elements written as it
    /// was drawn (its own Document element first), and the tagged pages it placed.
    public func append(_ part: SpooledBytes, elements partElements: [WrittenElement], imported partImported: [ImportedPDFPage]) throws(PDFError) {
        let partNumber = partCount + 1
        partCount += 1
        let pdf = try CairoPDF(part)
        let objects = try PartObjects(pdf)
        if offsets.count == Reserved.first, let first = pdf.firstObjectOffset {
            try pdf.withBytes(0..<first) { write($0) }  // the header, once
        }
        let base = offsets.count - 1
        let keyBase = nextKey
        let map: (Int) -> Int? = { number in
            switch number {
            case objects.pages: Reserved.pages
            case objects.tree: Reserved.structureTree
            case objects.document: Reserved.document
            case objects.parentTree: Reserved.parentTree
            case objects.catalog, objects.info: nil
            default: number + base
            }
        }
        offsets += Array(repeating: nil, count: max(0, pdf.objectCount - 1))
        var highestKey = -1
        for number in 1..<pdf.objectCount where pdf.offset(number) != nil && map(number).map({ $0 >= Reserved.first }) ?? false {
            highestKey = max(highestKey, try copyObject(number, of: pdf, as: number + base, map: map, keyBase: keyBase))
        }
        let pageBase = pages.count
        for kid in objects.pageKids {
            guard let page = kid.reference, let mapped = map(page) else { throw PDFError("drawn part \(partNumber) lists a page that is not an object") }
            let box = try pdf.dictionary(page)["MediaBox"]?.list ?? []
            guard box.count == 4, let bottom = box[1].double, let top = box[3].double else { throw PDFError("page object \(page) has no usable /MediaBox") }
            pageKids.append(.reference(mapped))
            pages.append((mapped, top - bottom))
        }
        documentKids += try objects.documentKids.map { (kid) throws(PDFError) in try mapped(kid, map) }
        for pair in stride(from: 0, to: objects.nums.count - 1, by: 2) {
            guard let key = objects.nums[pair].int else { throw PDFError("the parent tree has a key that is not a number") }
            highestKey = max(highestKey, key)
            nums += [.integer(key + keyBase), try mapped(objects.nums[pair + 1], map)]
        }
        nextKey = keyBase + highestKey + 1
        joinStructure(partElements, imported: partImported, pageBase: pageBase)
    }

    /// Writes the joined file's own objects, the bookmarks (`outline`, by joined page) and the
    /// cross-reference table, and hands the bytes over.
    public func finish(outline: [OutlineEntry]) throws(PDFError) -> (bytes: SpooledBytes, elements: [WrittenElement], imported: [ImportedPDFPage]) {
        let outlines = try writeOutline(outline)
        write(Reserved.pages, .dictionary(PDFDictionary([("Type", .name("Pages")), ("Kids", .array(pageKids)), ("Count", .integer(pageKids.count))])))
        write(Reserved.structureTree, .dictionary(PDFDictionary([
            ("Type", .name("StructTreeRoot")), ("ParentTree", .reference(Reserved.parentTree)), ("K", .array([.reference(Reserved.document)])),
        ])))
        write(Reserved.document, .dictionary(PDFDictionary([
            ("Type", .name("StructElem")), ("S", .name("Document")), ("P", .reference(Reserved.structureTree)), ("K", .array(documentKids)),
        ])))
        write(Reserved.parentTree, .dictionary(PDFDictionary([("Nums", .array(nums))])))
        var catalog = PDFDictionary([("Type", .name("Catalog")), ("Pages", .reference(Reserved.pages)), ("StructTreeRoot", .reference(Reserved.structureTree))])
        catalog["MarkInfo"] = .dictionary(PDFDictionary([("Marked", .bool(true))]))
        catalog["Outlines"] = outlines.map { .reference($0) }
        write(Reserved.catalog, .dictionary(catalog))
        let xref = output.count
        var table = Array("xref\n0 \(offsets.count)\n0000000000 65535 f \n".utf8)
        for offset in offsets.dropFirst() {
            let digits = offset.map { String($0) } ?? "0"
            table += Array((String(repeating: "0", count: max(0, 10 - digits.count)) + digits + (offset == nil ? " 00000 f \n" : " 00000 n \n")).utf8)
        }
        table += Array("trailer\n<< /Size \(offsets.count)\n   /Root \(Reserved.catalog) 0 R\n>>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        write(table)
        if let failure { throw failure }
        // Handed over at its size: grown by doubling, the array had room for up to twice the
        // elements (3.1 MB for 1.6 MB of them at 2,000 pages) all through the finishing.
        return (output.seal(), elements.withUnsafeBufferPointer { Array($0) }, imported)
    }

    // MARK: - Objects

    /// Copies object `number` as `joined`, its references mapped and its parent-tree keys
    /// moved by `keyBase`; returns the highest key it held (-1: none). Only the part before a
    /// stream's data is read as tokens; the data is copied as it is.
    private func copyObject(_ number: Int, of pdf: CairoPDF, as joined: Int, map: (Int) -> Int?, keyBase: Int) throws(PDFError) -> Int {
        guard let whole = pdf.objectRange(number) else { return -1 }
        var highestKey = -1
        // Most objects are short: their first 4 KiB hold all but a stream's data.
        for limit in [4096, whole.count] {
            let bytes = try pdf.bytes(whole.lowerBound..<(whole.lowerBound + min(limit, whole.count)))
            let complete = bytes.count == whole.count
            var lexer = ContentLexer(bytes)
            guard let first = lexer.next(), Int(lexer.text(first)) == number, lexer.next() != nil,
                  let obj = lexer.next(), lexer.text(obj) == "obj" else { throw PDFError("object \(number) is not where the xref says") }
            var out = Array("\(joined) 0 obj".utf8)
            var cursor = obj.range.upperBound
            var recent: [ContentToken] = []  // the last two tokens, for "N 0 R"
            var keyFollows = false
            var end: Int?  // where the copy as it is starts: a stream's data, or the end
            while end == nil {
                guard let token = lexer.next(), complete || token.range.upperBound < bytes.count else { break }
                let text = token.kind == .keyword || token.kind == .name ? lexer.text(token) : ""
                if token.kind == .keyword, text == "R", recent.count == 2, recent[0].kind == .number, recent[1].kind == .number,
                   let target = Int(lexer.text(recent[0])) {
                    guard let moved = map(target) else { throw PDFError("object \(number) refers to object \(target), which a join leaves out") }
                    out += bytes[cursor..<recent[0].range.lowerBound]
                    out += Array(String(moved).utf8)
                    cursor = recent[0].range.upperBound
                } else if keyFollows, token.kind == .number, let key = Int(lexer.text(token)) {
                    highestKey = max(highestKey, key)
                    out += bytes[cursor..<token.range.lowerBound]
                    out += Array(String(key + keyBase).utf8)
                    cursor = token.range.upperBound
                } else if token.kind == .keyword, text == "stream" || text == "endobj" {
                    end = token.range.upperBound
                }
                keyFollows = token.kind == .name && (text == "/StructParents" || text == "/StructParent")
                recent.append(token)
                if recent.count > 2 { recent.removeFirst() }
            }
            guard let end else {
                if complete { throw PDFError("object \(number) has no end") }
                continue
            }
            out += bytes[cursor..<end]
            offsets[joined] = output.count
            write(out)
            if end < bytes.count { bytes[end...].withUnsafeBufferPointer { write($0) } }
            if bytes.count < whole.count { try pdf.withBytes((whole.lowerBound + bytes.count)..<whole.upperBound) { write($0) } }
            return highestKey
        }
        return highestKey
    }

    private func write(_ number: Int, _ value: PDFValue) {
        var body = Array("\(number) 0 obj\n".utf8)
        value.write(into: &body)
        body += Array("\nendobj\n".utf8)
        offsets[number] = output.count
        write(body)
    }

    private func write(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { write($0) } }

    private func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty, failure == nil else { return }
        if !output.append(base, bytes.count) { failure = PDFError("out of memory joining the drawn parts") }
    }

    // MARK: - Bookmarks

    /// The outline as cairo writes it: a level nests under the entry before it one level up,
    /// first-level entries open; each goes to 12 points above its place. Nil when empty.
    private func writeOutline(_ entries: [OutlineEntry]) throws(PDFError) -> Int? {
        guard !entries.isEmpty else { return nil }
        let root = offsets.count
        let numbers = entries.indices.map { root + 1 + $0 }
        offsets += Array(repeating: nil, count: entries.count + 1)
        var parent = [Int](repeating: -1, count: entries.count)  // -1: the root
        var kids = [[Int]](repeating: [], count: entries.count + 1)  // by parent + 1, in order
        var latest: [Int: Int] = [:]  // level → the entry most recently at it
        for (index, entry) in entries.enumerated() {
            parent[index] = latest[entry.level - 1] ?? -1
            kids[parent[index] + 1].append(index)
            latest[entry.level] = index
            latest = latest.filter { $0.key <= entry.level }
        }
        func children(_ of: Int) -> [Int] { kids[of + 1] }
        // Entries an open entry shows below it (first-level entries are open): children come
        // after their parent, so counting from the last entry back sees every child first.
        var shown = [Int](repeating: 0, count: entries.count + 1)
        for index in stride(from: entries.count - 1, through: -1, by: -1) where index < 0 || entries[index].level == 1 {
            shown[index + 1] = children(index).reduce(0) { $0 + 1 + shown[$1 + 1] }
        }
        func visible(_ index: Int) -> Int { shown[index + 1] }
        for (index, entry) in entries.enumerated() {
            guard entry.pageIndex >= 0, entry.pageIndex < pages.count else {
                throw PDFError("bookmark '\(entry.title)' goes to page \(entry.pageIndex + 1) of \(pages.count)")
            }
            let siblings = children(parent[index]), kids = children(index)
            let position = siblings.firstIndex(of: index) ?? 0
            let page = pages[entry.pageIndex]
            var item = PDFDictionary([("Title", .text(entry.title)), ("Parent", .reference(parent[index] < 0 ? root : numbers[parent[index]]))])
            if position > 0 { item["Prev"] = .reference(numbers[siblings[position - 1]]) }
            if position + 1 < siblings.count { item["Next"] = .reference(numbers[siblings[position + 1]]) }
            if let first = kids.first, let last = kids.last {
                item["First"] = .reference(numbers[first])
                item["Last"] = .reference(numbers[last])
                item["Count"] = .integer(entry.level == 1 ? visible(index) : -kids.count)
            }
            item["Dest"] = .array([.reference(page.number), .name("XYZ"), .integer(0), .real(page.height - max(0, entry.y - 12)), .integer(0)])
            write(numbers[index], .dictionary(item))
        }
        let top = children(-1)
        write(root, .dictionary(PDFDictionary([
            ("Type", .name("Outlines")), ("First", .reference(numbers[top[0]])), ("Last", .reference(numbers[top[top.count - 1]])),
            ("Count", .integer(visible(-1))),
        ])))
        return root
    }

    // MARK: - Structure

    /// A part's elements after the parts before: its own Document element is the joined
    /// file's, so element indices and page indices move past those before it.
    private func joinStructure(_ partElements: [WrittenElement], imported partImported: [ImportedPDFPage], pageBase: Int) {
        let elementBase = elements.count - 1
        func moved(_ index: Int) -> Int { index == 0 ? 0 : index + elementBase }
        for var element in partElements.dropFirst() {
            if case .continuation(let origin) = element.kind { element.kind = .continuation(of: moved(origin)) }
            element.nestedIn = element.nestedIn.map(moved)
            if var box = element.box {
                box.pageIndex += pageBase
                element.box = box
            }
            elements.append(element)
        }
        for var page in partImported {
            page.element = moved(page.element)
            page.place.pageIndex += pageBase
            imported.append(page)
        }
    }
}

/// References in a value moved by `map`.
private func mapped(_ value: PDFValue, _ map: (Int) -> Int?) throws(PDFError) -> PDFValue {
    switch value {
    case .reference(let number):
        guard let moved = map(number) else { throw PDFError("the structure refers to object \(number), which a join leaves out") }
        return .reference(moved)
    case .array(let items): return .array(try items.map { (item) throws(PDFError) in try mapped(item, map) })
    case .dictionary(let dictionary):
        var copy = PDFDictionary()
        for (key, item) in dictionary.entries { copy[key] = try mapped(item, map) }
        return .dictionary(copy)
    default: return value
    }
}

/// The objects of one part a join replaces, read and checked: only what cairo writes there.
private struct PartObjects {
    let catalog: Int, info: Int?, pages: Int, tree: Int, document: Int, parentTree: Int
    let pageKids: [PDFValue], documentKids: [PDFValue], nums: [PDFValue]

    init(_ pdf: CairoPDF) throws(PDFError) {
        func only(_ dictionary: PDFDictionary, _ keys: Set<String>, _ what: String) throws(PDFError) {
            if let other = dictionary.entries.first(where: { !keys.contains($0.key) }) {
                throw PDFError("cannot join the drawn parts: \(what) has /\(other.key), which a join would lose")
            }
        }
        guard let catalog = pdf.trailer["Root"]?.reference else { throw PDFError("the trailer names no catalog") }
        let root = try pdf.dictionary(catalog)
        try only(root, ["Type", "Pages", "StructTreeRoot", "MarkInfo"], "the catalog")
        guard let pages = root["Pages"]?.reference, let tree = root["StructTreeRoot"]?.reference else {
            throw PDFError("cannot join the drawn parts: a part has no page tree or no structure tree")
        }
        let pageNode = try pdf.dictionary(pages)
        try only(pageNode, ["Type", "Kids", "Count"], "the page tree")
        let treeRoot = try pdf.dictionary(tree)
        try only(treeRoot, ["Type", "ParentTree", "K"], "the structure tree root")
        guard let document = treeRoot["K"]?.list.first?.reference, treeRoot["K"]?.list.count == 1,
              let parentTree = treeRoot["ParentTree"]?.reference else {
            throw PDFError("cannot join the drawn parts: a structure tree has no single root element or no parent tree")
        }
        let documentElement = try pdf.dictionary(document)
        try only(documentElement, ["Type", "S", "P", "K"], "the Document element")
        let parents = try pdf.dictionary(parentTree)
        try only(parents, ["Nums"], "the parent tree")
        for kid in pageNode["Kids"]?.list ?? [] {
            guard let number = kid.reference, try pdf.dictionary(number)["Type"]?.nameValue == "Page" else {
                throw PDFError("cannot join the drawn parts: a page tree is not one level deep")
            }
        }
        if documentElement["K"]?.list.contains(where: { $0.reference == nil }) ?? false {
            throw PDFError("cannot join the drawn parts: content is marked in the Document element itself")
        }
        self.catalog = catalog
        info = pdf.trailer["Info"]?.reference
        self.pages = pages
        self.tree = tree
        self.document = document
        self.parentTree = parentTree
        pageKids = pageNode["Kids"]?.list ?? []
        documentKids = documentElement["K"]?.list ?? []
        nums = parents["Nums"]?.list ?? []
    }
}
