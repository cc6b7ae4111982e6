import QuirePDFSyntax

/// The resource names an imported page uses, by category, and what they are called in the
/// page they join (its own resources keep theirs).
struct ResourceRenames {
    /// Category ("Font", "XObject", …) → old name → new name, names without the slash.
    var names: [String: [String: String]] = [:]

    func rename(_ name: String, in category: String) -> String? { names[category]?[name] }
}

/// A page's content made fit to be drawn inside another page's: resource names renamed,
/// marked-content ids moved up by `mcidOffset` (past those of the page it joins), and its
/// graphics state, text objects and marked content closed at the end, so whatever the file
/// left open cannot reach the content drawn after it. A `Q` without its `q` is left out.
/// Everything else is copied byte for byte.
func rewriteImportedContent(_ content: [UInt8], renames: ResourceRenames, mcidOffset: Int) -> (content: [UInt8], mcids: Set<Int>) {
    let (lexer, operations) = ContentLexer.operations(content)
    var out: [UInt8] = []
    out.reserveCapacity(content.count + 64)
    var copied = 0
    var saved = 0, marked = 0, inText = false
    var mcids: Set<Int> = []
    func replace(_ token: ContentToken, with text: String) {
        out += content[copied..<token.range.lowerBound]
        out += Array(text.utf8)
        copied = token.range.upperBound
    }
    func rename(_ token: ContentToken?, _ category: String) {
        guard let token, token.kind == .name else { return }
        let name = String(lexer.text(token).dropFirst())
        if let renamed = renames.rename(name, in: category) { replace(token, with: "/" + renamed) }
    }
    for operation in operations {
        let op = lexer.text(operation.op), operands = operation.operands
        switch op {
        case "q": saved += 1
        case "Q":
            if saved == 0 { replace(operation.op, with: ""); continue }
            saved -= 1
        case "BT": inText = true
        case "ET": inText = false
        case "BMC": marked += 1
        case "BDC", "DP":
            if op == "BDC" { marked += 1 }
            if operands.count >= 2, operands[1].kind == .name { rename(operands[1], "Properties") }
            if let key = operands.firstIndex(where: { $0.kind == .name && lexer.text($0) == "/MCID" }), key + 1 < operands.count,
               let mcid = Int(lexer.text(operands[key + 1])) {
                mcids.insert(mcid + mcidOffset)
                if mcidOffset != 0 { replace(operands[key + 1], with: String(mcid + mcidOffset)) }
            }
        case "EMC": marked = max(0, marked - 1)
        case "Tf": rename(operands.first, "Font")
        case "Do": rename(operands.first, "XObject")
        case "gs": rename(operands.first, "ExtGState")
        case "sh": rename(operands.first, "Shading")
        case "cs", "CS": rename(operands.first, "ColorSpace")
        case "scn", "SCN": rename(operands.last, "Pattern")
        case "ID":
            // An inline image's colour space may name a resource (/CS /Cs1).
            for (index, token) in operands.enumerated() where index + 1 < operands.count && token.kind == .name {
                let key = lexer.text(token)
                if key == "/CS" || key == "/ColorSpace" { rename(operands[index + 1], "ColorSpace") }
            }
        default: break
        }
    }
    out += content[copied...]
    var closing = "\n"
    if inText { closing += "ET\n" }
    closing += String(repeating: "EMC\n", count: marked) + String(repeating: "Q\n", count: saved)
    out += Array(closing.utf8)
    return (out, mcids)
}
