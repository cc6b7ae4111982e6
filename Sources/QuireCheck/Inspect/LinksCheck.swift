/// `links`: every link annotation goes somewhere (/Dest, or an action), is held by a `Link`
/// element that also holds the link's words (PDF/UA-1 7.18.5, ISO 32000-1 14.8.4.4.2), and
/// a contents entry holds its link through a `Reference` (or a paragraph), not directly.
extension AccessibilityCheck {
    static func links(pages: [PDFObject], parentTree: ParentTree, texts: [MarkedContentWalker.Key: String], pageIndex: [Int: Int])
        -> AccessibilityCheck
    {
        var count = 0, nowhere = 0, untagged = 0, wordless = 0, inContentsItem = 0
        for page in pages {
            for annotation in page["Annots"]?.asList ?? [] where annotation["Subtype"]?.name == "Link" {
                count += 1
                if annotation["Dest"] == nil, annotation["A"] == nil { nowhere += 1 }
                guard let key = annotation["StructParent"]?.int, let element = parentTree.element(structParent: key),
                      element["S"]?.name == "Link" else { untagged += 1; continue }
                // Its words: text in its marked content (an MCID or a marked-content reference),
                // not only an empty sequence beside the annotation.
                let own = element["Pg"].flatMap { pageIndex[$0.objectID] }
                let words = (element["K"]?.asList ?? []).compactMap { kid -> String? in
                    if let mcid = kid.int, let own { return texts[.init(page: own, stream: 0, mcid: mcid)] }
                    guard kid.isDictionary, let mcid = kid["MCID"]?.int, let page = kid["Pg"].flatMap({ pageIndex[$0.objectID] }) ?? own else { return nil }
                    return texts[.init(page: page, stream: kid["Stm"]?.objectID ?? 0, mcid: mcid)]
                }
                if words.joined().allSatisfy(\.isWhitespace) { wordless += 1 }
                if element["P"]?["S"]?.name == "TOCI" { inContentsItem += 1 }
            }
        }
        guard count > 0 else { return .init("links", .pass, "no links") }
        var problems: [String] = []
        if nowhere > 0 { problems.append("\(nowhere) go nowhere (no /Dest, no action)") }
        if untagged > 0 { problems.append("\(untagged) not held by a Link element") }
        if wordless > 0 { problems.append("\(wordless) with their words outside their Link element") }
        if inContentsItem > 0 { problems.append("\(inContentsItem) held directly by a TOCI (expected TOCI › Reference › Link)") }
        let links = count == 1 ? "1 link" : "\(count) links"
        guard problems.isEmpty else { return .init("links", .fail, "\(links): " + problems.joined(separator: "; ")) }
        return .init("links", .pass, "\(links), each going somewhere, its words in its Link element")
    }

    /// `attributes`: lists whose items have labels say how they are numbered (/ListNumbering,
    /// what a screen reader announces for the labels; PDF/UA-2 8.2.5.25 asks it of such lists)
    /// and figures where they are (/BBox), which screen readers and reflow use.
    static func attributes(_ structure: StructureTree) -> AccessibilityCheck {
        let elements = structure.elements
        func children(_ element: StructureTree.Element) -> [StructureTree.Element] {
            element.parts.compactMap { if case .child(let index) = $0, index < elements.count { elements[index] } else { nil } }
        }
        let lists = elements.filter { $0.role == "L" }, figures = elements.filter { $0.role == "Figure" }
        let labelled = lists.filter { list in children(list).contains { $0.role == "LI" && children($0).contains { $0.role == "Lbl" } } }
        let unnumbered = labelled.filter { !$0.attributes.contains("ListNumbering") }.count
        let unboxed = figures.filter { !$0.attributes.contains("BBox") }.count
        var problems: [String] = []
        if unnumbered > 0 { problems.append("\(unnumbered) of \(labelled.count) labelled lists without /ListNumbering") }
        if unboxed > 0 { problems.append("\(unboxed) of \(figures.count) figures without /BBox") }
        guard problems.isEmpty else { return .init("attributes", .fail, problems.joined(separator: "; ")) }
        return .init("attributes", .pass, "\(labelled.count) labelled lists numbered, \(figures.count) figures boxed")
    }
}
