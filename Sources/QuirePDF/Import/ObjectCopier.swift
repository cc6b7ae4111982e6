/// Copies objects from a source PDF into the file being written: each source object once
/// (a font used on every page is embedded once), references renumbered, streams copied with
/// their data as encoded. Keys that tie an object to the source's own pages and structure
/// (`skipping`) are left for the caller to set.
final class ObjectCopier {
    let source: ForeignPDF
    let out: PDFRewrite
    private var copied: [Int: Int] = [:]
    /// Source object numbers already given a number here, by the caller (pages, elements).
    var mapped: [Int: Int] = [:]

    init(source: ForeignPDF, out: PDFRewrite) {
        self.source = source
        self.out = out
    }

    /// A value for the new file: direct values copied, references to objects copied (once).
    func copy(_ value: PDFValue, skipping: Set<String> = [], depth: Int = 0) throws(PDFError) -> PDFValue {
        guard depth < 100 else { throw PDFError("objects nested too deeply in an imported PDF") }
        switch value {
        case .reference(let number): return .reference(try copyObject(number, depth: depth + 1))
        case .array(let items):
            var copiedItems: [PDFValue] = []
            for item in items { copiedItems.append(try copy(item, depth: depth + 1)) }
            return .array(copiedItems)
        case .dictionary(let dictionary): return .dictionary(try copy(dictionary, skipping: skipping, depth: depth + 1))
        default: return value
        }
    }

    func copy(_ dictionary: PDFDictionary, skipping: Set<String> = [], depth: Int = 0) throws(PDFError) -> PDFDictionary {
        var result = PDFDictionary()
        for (key, value) in dictionary.entries where !skipping.contains(key) {
            result[key] = try copy(value, depth: depth + 1)
        }
        return result
    }

    /// The number an object has in the new file, copying it the first time it is asked for.
    func copyObject(_ number: Int, depth: Int = 0) throws(PDFError) -> Int {
        if let known = mapped[number] ?? copied[number] { return known }
        let target = out.add(.null)  // numbered first, so a loop of references ends here
        copied[number] = target
        let (value, data) = try source.object(number)
        if var dictionary = value.dictionaryValue, let data {
            dictionary["Length"] = nil
            // A stream's own back-references (a page's /Parent has no place in a form) go.
            dictionary = try copy(dictionary, skipping: ["Parent", "StructParent", "StructParents"], depth: depth)
            out.replaceStream(target, dictionary, Array(data))
        } else {
            out.replace(target, try copy(value, skipping: ["Parent"], depth: depth))
        }
        return target
    }
}
