import QuirePDFSyntax
/// What a BMC/BDC says: its tag, and from its property list (inline, or named in the
/// resources' /Properties) the marked-content id and any /ActualText.
struct MarkedContentProperties {
    var isArtifact: Bool
    var mcid: Int?
    var actualText: String?

    init(_ operands: [ContentToken], in bytes: [UInt8], resources: PDFObject?) {
        isArtifact = operands.first.flatMap { TokenValues.name($0, in: bytes) } == "Artifact"
        if operands.count == 2, let name = TokenValues.name(operands[1], in: bytes) {
            let properties = resources?["Properties"]?[name]
            mcid = properties?["MCID"]?.int
            actualText = properties?["ActualText"]?.text
            return
        }
        // Inline: `<< /MCID 3 /ActualText (…) >>`, flattened into tokens by the lexer.
        for (i, token) in operands.enumerated().dropFirst() where i + 1 < operands.count {
            let value = operands[i + 1]
            switch TokenValues.name(token, in: bytes) {
            case "MCID": mcid = TokenValues.number(value, in: bytes).flatMap { Int(exactly: $0) }
            case "ActualText" where value.kind == .string || value.kind == .hexString:
                actualText = TokenValues.textString(TokenValues.stringBytes(value, in: bytes))
            default: break
            }
        }
    }
}
