/// A page of a source PDF with what it inherits from the page tree resolved.
struct ForeignPage {
    var number: Int
    var dictionary: PDFDictionary
    var resources: PDFDictionary
    /// The visible area (/CropBox within /MediaBox): left, bottom, right, top.
    var box: (left: Double, bottom: Double, right: Double, top: Double)
    var rotate: Int
}

extension ForeignPDF {
    /// The pages in order, from the catalog's page tree.
    func pages() throws(PDFError) -> [ForeignPage] {
        guard let root = try dictionary(trailer["Root"]), let tree = root["Pages"]?.reference else { throw PDFError("the file has no page tree") }
        var pages: [ForeignPage] = []
        var visited: Set<Int> = []
        func walk(_ number: Int, inherited: PDFDictionary, depth: Int) throws(PDFError) {
            guard depth < 64, visited.insert(number).inserted, let node = try dictionary(.reference(number)) else { return }
            var inherited = inherited
            for key in ["Resources", "MediaBox", "CropBox", "Rotate"] { if let value = node[key] { inherited[key] = value } }
            if node["Type"]?.nameValue == "Pages" || node["Kids"] != nil {
                for kid in try resolve(node["Kids"])?.list ?? [] { if let kid = kid.reference { try walk(kid, inherited: inherited, depth: depth + 1) } }
                return
            }
            let media = try rectangle(inherited["MediaBox"]) ?? (0, 0, 612, 792)
            let crop = try rectangle(inherited["CropBox"]) ?? media
            let box = (max(media.0, crop.0), max(media.1, crop.1), min(media.2, crop.2), min(media.3, crop.3))
            pages.append(ForeignPage(number: number, dictionary: node, resources: try dictionary(inherited["Resources"]) ?? PDFDictionary(),
                                    box: box, rotate: ((try resolve(inherited["Rotate"])?.int ?? 0) % 360 + 360) % 360))
        }
        try walk(tree, inherited: PDFDictionary(), depth: 0)
        return pages
    }

    /// A rectangle array in normalised order (left, bottom, right, top).
    private func rectangle(_ value: PDFValue?) throws(PDFError) -> (Double, Double, Double, Double)? {
        guard let items = try resolve(value)?.list, items.count == 4 else { return nil }
        var numbers: [Double] = []
        for item in items { guard let number = try resolve(item)?.double else { return nil }; numbers.append(number) }
        return (min(numbers[0], numbers[2]), min(numbers[1], numbers[3]), max(numbers[0], numbers[2]), max(numbers[1], numbers[3]))
    }

    /// A page's content: its streams decoded and joined (a line break between them, as PDF
    /// 32000-1, 7.8.2 reads an array of streams).
    func content(of page: ForeignPage) throws(PDFError) -> [UInt8] {
        var out: [UInt8] = []
        var streams: [PDFValue] = []
        switch page.dictionary["Contents"] {
        case .reference(let number)?:
            let (value, data) = try object(number)
            streams = data != nil ? [.reference(number)] : value.list
        case let value?: streams = value.list
        case nil: break
        }
        for item in streams {
            guard let number = item.reference else { continue }
            out += try decoded(number)
            out.append(0x0A)
        }
        return out
    }
}
