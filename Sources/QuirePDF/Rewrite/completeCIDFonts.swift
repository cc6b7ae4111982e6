/// Completes the Type 2 CID fonts cairo writes for glyphs outside WinAnsi (a no-break space,
/// U+2212, ŵ, ≥) with what PDF/A-2 (6.2.11.3.2, 6.2.11.4.2) and PDF/UA-1 (7.21.3.2) ask and
/// cairo 1.16 leaves out: a /CIDToGIDMap and a /CIDSet naming every glyph of the program.
///
/// Cairo's TrueType subsetter writes a new program whose glyph *n* is the subset's glyph *n*
/// (0 the .notdef), and the content streams show that same number as the CID: the map is the
/// identity. That is checked, not assumed: every CID the /W array names must be a glyph of
/// the embedded program with the advance /W gives it, or the finish fails.
///
/// A font's /ToUnicode map that cairo left uncompressed (it compresses these with the page
/// content, which Quire has it leave plain) is compressed here.
func completeCIDFonts(pdf: CairoPDF, out: PDFRewrite) throws(PDFError) {
    for number in 0..<pdf.objectCount where pdf.offset(number) != nil {
        // Streams and arrays are not fonts; only a dictionary is parsed further.
        guard number > 0, try pdf.mentions(number, "/Font"), let font = try? pdf.object(number), font.stream == nil, let dictionary = font.value.dictionaryValue,
              dictionary["Type"]?.nameValue == "Font"
        else { continue }
        if let map = dictionary["ToUnicode"]?.reference { try compressIfPlain(map, pdf: pdf, out: out) }
        guard dictionary["Subtype"]?.nameValue == "CIDFontType2", dictionary["CIDToGIDMap"] == nil else { continue }
        try complete(number, dictionary, pdf: pdf, out: out)
    }
}

private func compressIfPlain(_ number: Int, pdf: CairoPDF, out: PDFRewrite) throws(PDFError) {
    let (value, range) = try pdf.object(number)
    guard let range, let dictionary = value.dictionaryValue, dictionary["Filter"] == nil else { return }
    guard let packed = deflated(try pdf.bytes(range)) else { throw PDFError("cannot compress the stream \(number)") }
    out.replaceStream(number, PDFDictionary([("Filter", .name("FlateDecode"))]), packed)
    if let length = dictionary["Length"]?.reference { out.drop(length) }
}

private func complete(_ number: Int, _ font: PDFDictionary, pdf: CairoPDF, out: PDFRewrite) throws(PDFError) {
    let name = font["BaseFont"]?.nameValue ?? "(unnamed)"
    guard let descriptorNumber = font["FontDescriptor"]?.reference, let fileNumber = try pdf.dictionary(descriptorNumber)["FontFile2"]?.reference else {
        throw PDFError("the CID font \(name) has no embedded TrueType program")
    }
    let (value, range) = try pdf.object(fileNumber)
    guard let range, let dictionary = value.dictionaryValue else { throw PDFError("the font program of \(name) is not a stream") }
    let raw = try pdf.bytes(range)
    let filters = dictionary["Filter"]?.list.compactMap(\.nameValue) ?? []
    guard let data = filters.isEmpty ? raw : filters == ["FlateDecode"] ? inflated(raw) : nil else {
        throw PDFError("the font program of \(name) cannot be decoded (filters \(filters))")
    }
    guard let program = TrueTypeMetrics(data) else { throw PDFError("the font program of \(name) is not a TrueType font Quire can read") }
    for (cid, width) in try cidWidths(font["W"], font: name) {
        guard cid < program.glyphCount else {
            throw PDFError("the CID font \(name) uses CID \(cid), but its program has \(program.glyphCount) glyphs: CIDs are not glyph indices")
        }
        let advance = Double(program.advance(of: cid)) * 1000 / Double(program.unitsPerEm)
        guard abs(advance - width) <= 1 else {
            throw PDFError("the CID font \(name) gives CID \(cid) the width \(width), but glyph \(cid) of its program advances \(advance): CIDs are not glyph indices")
        }
    }
    // With the identity map every glyph of the program is a CID "present in the font" (PDF/A-2
    // 6.2.11.4.2), component glyphs of an accented letter included: all bits set.
    var bits = [UInt8](repeating: 0, count: (program.glyphCount + 7) / 8)
    for cid in 0..<program.glyphCount { bits[cid / 8] |= 0x80 >> UInt8(cid % 8) }
    guard let packed = deflated(bits) else { throw PDFError("cannot compress the CIDSet of \(name)") }
    let cidSet = out.addStream(PDFDictionary([("Filter", .name("FlateDecode"))]), packed)
    try out.edit(descriptorNumber) { $0["CIDSet"] = .reference(cidSet) }
    try out.edit(number) { $0["CIDToGIDMap"] = .name("Identity") }
}

/// A CID font's /W array as (CID, width) pairs: "c [w1 w2 …]" and "first last w" runs.
private func cidWidths(_ value: PDFValue?, font: String) throws(PDFError) -> [(cid: Int, width: Double)] {
    let items = value?.list ?? []
    var out: [(cid: Int, width: Double)] = []
    var index = 0
    while index < items.count {
        guard let first = items[index].int, first >= 0 else { throw PDFError("the /W array of \(font) is malformed") }
        if index + 1 < items.count, case .array(let run) = items[index + 1] {
            for (offset, width) in run.enumerated() {
                guard let width = width.double else { throw PDFError("the /W array of \(font) is malformed") }
                out.append((first + offset, width))
            }
            index += 2
        } else {
            guard index + 2 < items.count, let last = items[index + 1].int, let width = items[index + 2].double, last >= first,
                  last - first < 65_536
            else { throw PDFError("the /W array of \(font) is malformed") }
            for cid in first...last { out.append((cid, width)) }
            index += 3
        }
    }
    return out
}
