import QuirePDFSyntax
/// Re-marks placeholder marked content as artifacts in a content stream:
/// `/Private <</MCID n>> BDC` becomes `/Artifact <</Type /Pagination>> BDC` (only cairo's
/// placeholders for furniture use `Private`); everything else is copied byte for byte. Works
/// on tokens, so strings and inline images that happen to contain those words are left alone.
/// Returns the new content and the MCIDs it re-marked.
func markArtifacts(_ content: [UInt8]) -> (content: [UInt8], mcids: Set<Int>) {
    var out: [UInt8] = []
    out.reserveCapacity(content.count)
    var copied = 0
    var marked: Set<Int> = []
    // One pass that keeps no operations: a page has thousands, and only a few are cairo's BDCs.
    ContentLexer.forEachOperation(content) { operands, op in
        guard ContentLexer.token(op, in: content, is: "BDC"), let tag = operands.first, ContentLexer.token(tag, in: content, is: "/Private"),
              let mcid = mcid(operands, content) else { return }
        let range = tag.range.lowerBound..<op.range.upperBound
        out += content[copied..<range.lowerBound]
        out += Array("/Artifact <</Type /Pagination>> BDC".utf8)
        copied = range.upperBound
        marked.insert(mcid)
    }
    out += content[copied...]
    return (out, marked)
}

/// The MCID in a BDC's property list, if it has one.
private func mcid(_ operands: ArraySlice<ContentToken>, _ content: [UInt8]) -> Int? {
    guard let key = operands.firstIndex(where: { $0.kind == .name && ContentLexer.token($0, in: content, is: "/MCID") }),
          key + 1 < operands.endIndex
    else { return nil }
    return Int(String(decoding: content[operands[key + 1].range], as: UTF8.self))
}
