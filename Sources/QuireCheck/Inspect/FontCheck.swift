/// `fonts`: every font the pages can use carries its font program, so every reader draws
/// (and archives) the same glyphs. Type3 fonts are their own program.
extension AccessibilityCheck {
    static func fonts(pages: [PDFObject]) -> AccessibilityCheck {
        var collector = FontCollector()
        for page in pages { collector.collect(inheritedPageAttribute("Resources", of: page), depth: 0) }
        let fonts = collector.fonts
        guard !fonts.isEmpty else { return .init("fonts", .pass, "no fonts") }
        // PDF/A-2 6.2.11.3.2 and PDF/UA-1 7.21.3.2: a Type 2 CID font says how CIDs map to glyphs.
        let unmapped = fonts.compactMap { font -> String? in
            guard font["Subtype"]?.name == "Type0", let cidFont = font["DescendantFonts"]?.asList.first,
                  cidFont["Subtype"]?.name == "CIDFontType2", cidFont["CIDToGIDMap"] == nil else { return nil }
            return cidFont["BaseFont"]?.name ?? "(unnamed)"
        }
        guard unmapped.isEmpty else {
            return .init("fonts", .fail, "\(unmapped.count) Type 2 CID font\(unmapped.count == 1 ? "" : "s") without /CIDToGIDMap: \(Array(Set(unmapped)).sorted().prefix(4).joined(separator: ", "))")
        }
        let missing = fonts.filter { !isEmbedded($0) }.map { $0["BaseFont"]?.name ?? "(unnamed)" }
        guard !missing.isEmpty else {
            return .init("fonts", .pass, "\(fonts.count) font\(fonts.count == 1 ? "" : "s"), all embedded")
        }
        let names = Array(Set(missing)).sorted()
        let listed = names.prefix(4).joined(separator: ", ") + (names.count > 4 ? ", …" : "")
        return .init("fonts", .fail, "\(missing.count) of \(fonts.count) fonts not embedded: \(listed)")
    }

    private static func isEmbedded(_ font: PDFObject) -> Bool {
        switch font["Subtype"]?.name {
        case "Type3": return true
        case "Type0": return font["DescendantFonts"]?.asList.first.map(hasFontProgram) ?? false
        default: return hasFontProgram(font)
        }
    }

    private static func hasFontProgram(_ font: PDFObject) -> Bool {
        guard let descriptor = font["FontDescriptor"] else { return false }
        return ["FontFile", "FontFile2", "FontFile3"].contains { descriptor[$0]?.isStream == true }
    }
}

/// Fonts of a resource dictionary and, recursively, of its form XObjects' resources; each
/// font, resource dictionary and form visited once (shared resources are the rule).
private struct FontCollector {
    private(set) var fonts: [PDFObject] = []
    private var seen = Set<Int>()

    mutating func collect(_ resources: PDFObject?, depth: Int) {
        guard let resources, depth < inspectionMaxDepth, firstVisit(resources) else { return }
        if let fonts = resources["Font"] {
            for key in fonts.keys {
                if let font = fonts[key], font.isDictionary, firstVisit(font) { self.fonts.append(font) }
            }
        }
        if let xobjects = resources["XObject"] {
            for key in xobjects.keys {
                guard let form = xobjects[key], form.isStream, form.dictionary["Subtype"]?.name == "Form", firstVisit(form) else { continue }
                collect(form.dictionary["Resources"], depth: depth + 1)
            }
        }
    }

    /// Direct objects have no number and cannot be shared, so they always count as new.
    private mutating func firstVisit(_ object: PDFObject) -> Bool {
        object.objectID == 0 || seen.insert(object.objectID).inserted
    }
}
