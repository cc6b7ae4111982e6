/// The structure tree read into a flat pre-order list, the shape every structure check and
/// the `--tree` dump work from. Roles are resolved through the /RoleMap to standard ones.
struct StructureTree {
    struct Element {
        var depth: Int
        var role: String
        var alt: String?
        var actualText: String?
        var parts: [Part] = []
        /// The attribute names its /A holds, from every owner ("ListNumbering", "BBox").
        var attributes: Set<String> = []
    }

    /// An element's kids in order: its own marked content, or child elements (by index).
    enum Part {
        case content(MarkedContentWalker.Key)
        case child(Int)
    }

    private(set) var elements: [Element] = []
    private let roles: RoleMap
    /// Page object number → 0-based page index, to resolve /Pg.
    private let pageIndex: [Int: Int]

    init(_ root: PDFObject?, pageIndex: [Int: Int]) {
        self.pageIndex = pageIndex
        roles = RoleMap(root?["RoleMap"])
        guard let root else { return }
        var visited: Set<Int> = root.objectID != 0 ? [root.objectID] : []
        for kid in root["K"]?.asList ?? [] where kid.isDictionary {
            _ = read(kid, depth: 0, page: nil, visited: &visited)
        }
    }

    /// Reads one element and its descendants; nil for a non-element, a revisit (a cycle or
    /// a shared kid) or too deep a nesting.
    private mutating func read(_ node: PDFObject, depth: Int, page inherited: Int?, visited: inout Set<Int>) -> Int? {
        guard depth < inspectionMaxDepth, let role = node["S"]?.name else { return nil }
        if node.objectID != 0, !visited.insert(node.objectID).inserted { return nil }
        let page = node["Pg"].flatMap { pageIndex[$0.objectID] } ?? inherited
        let index = elements.count
        elements.append(Element(depth: depth, role: roles.standard(role), alt: trimmedNonEmpty(node["Alt"]?.text),
                                actualText: trimmedNonEmpty(node["ActualText"]?.text),
                                attributes: Set((node["A"]?.asList ?? []).filter(\.isDictionary).flatMap(\.keys))))
        var parts: [Part] = []
        for kid in node["K"]?.asList ?? [] {
            if let mcid = kid.int {
                if let page { parts.append(.content(.init(page: page, stream: 0, mcid: mcid))) }
            } else if kid.isDictionary, kid["S"] != nil {
                if let child = read(kid, depth: depth + 1, page: page, visited: &visited) { parts.append(.child(child)) }
            } else if kid.isDictionary, let mcid = kid["MCID"]?.int {
                // A marked-content reference; an OBJR (annotation) has no MCID and no text.
                if let mcrPage = kid["Pg"].flatMap({ pageIndex[$0.objectID] }) ?? page {
                    parts.append(.content(.init(page: mcrPage, stream: kid["Stm"]?.objectID ?? 0, mcid: mcid)))
                }
            }
        }
        elements[index].parts = parts
        return index
    }

    /// Each element as a dump line: first page with content, and its text, built bottom-up
    /// (in a pre-order list every child comes after its parent).
    func lines(texts: [MarkedContentWalker.Key: String]) -> [StructureLine] {
        var text = [String](repeating: "", count: elements.count)
        var page = [Int?](repeating: nil, count: elements.count)
        for index in elements.indices.reversed() {
            var pieces: [String] = []
            var first: Int?
            func see(_ candidate: Int?) {
                if let candidate, first.map({ candidate < $0 }) ?? true { first = candidate }
            }
            for part in elements[index].parts {
                switch part {
                case .content(let key):
                    see(key.page + 1)
                    if let shown = texts[key].map(collapsingWhitespace), !shown.isEmpty { pieces.append(shown) }
                case .child(let child):
                    see(page[child])
                    if !text[child].isEmpty { pieces.append(text[child]) }  // collapsed already
                }
            }
            page[index] = first
            text[index] = elements[index].actualText.map(collapsingWhitespace) ?? pieces.joined(separator: " ")
        }
        return elements.indices.map {
            StructureLine(depth: elements[$0].depth, role: elements[$0].role, page: page[$0], alt: elements[$0].alt, text: text[$0])
        }
    }

    /// Indices of the elements below `index` (the run of deeper elements after it).
    func descendants(of index: Int) -> Range<Int> {
        var end = index + 1
        while end < elements.count, elements[end].depth > elements[index].depth { end += 1 }
        return (index + 1)..<end
    }
}

/// Words separated by single spaces, no space at either end.
func collapsingWhitespace(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

/// /RoleMap: custom structure types mapped (possibly in a chain) to standard ones.
struct RoleMap {
    private var map: [String: String] = [:]

    init(_ dictionary: PDFObject?) {
        for key in dictionary?.keys ?? [] {
            if let target = dictionary?[key]?.name { map[key] = target }
        }
    }

    func standard(_ role: String) -> String {
        var current = role
        for _ in 0..<16 where !Self.standardRoles.contains(current) {
            guard let next = map[current] else { break }
            current = next
        }
        return current
    }

    static let standardRoles: Set<String> = [
        "Document", "DocumentFragment", "Part", "Art", "Sect", "Div", "Aside", "BlockQuote", "Caption", "TOC", "TOCI",
        "Index", "NonStruct", "Private", "Title", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody",
        "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "FENote", "Reference", "BibEntry",
        "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form", "Sub",
        "Em", "Strong", "Artifact",
    ]
}
