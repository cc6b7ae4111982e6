import QuirePDFSyntax
/// Re-marks placeholder marked content as artifacts in a content stream:
/// `/Private <</MCID n>> BDC` becomes `/Artifact <</Type /Pagination>> BDC` (only cairo's
/// placeholders for furniture use `Private`); everything else is copied byte for byte. Works
/// on tokens, so strings and inline images that happen to contain those words are left alone.
/// Returns the new content and the MCIDs it re-marked.
func markArtifacts(_ content: [UInt8]) -> (content: [UInt8], mcids: Set<Int>) {
    let (lexer, operations) = ContentLexer.operations(content)
    var out: [UInt8] = []
    out.reserveCapacity(content.count)
    var copied = 0
    var marked: Set<Int> = []
    for operation in operations where lexer.text(operation.op) == "BDC" {
        guard let tag = operation.operands.first, lexer.text(tag) == "/Private", let mcid = mcid(operation, lexer) else { continue }
        let range = operation.range
        out += content[copied..<range.lowerBound]
        out += Array("/Artifact <</Type /Pagination>> BDC".utf8)
        copied = range.upperBound
        marked.insert(mcid)
    }
    out += content[copied...]
    return (out, marked)
}

/// The MCID in a BDC's property list, if it has one.
private func mcid(_ operation: ContentOperation, _ lexer: ContentLexer) -> Int? {
    let operands = operation.operands
    guard let key = operands.firstIndex(where: { $0.kind == .name && lexer.text($0) == "/MCID" }), key + 1 < operands.count else { return nil }
    return Int(lexer.text(operands[key + 1]))
}
