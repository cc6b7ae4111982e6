import Foundation
import QuireCheck
import QuireTestSupport

extension MiniPDF {
    /// Inspects the file (or `bytes` instead), written to a temporary file removed afterwards.
    func inspect(_ bytes: [UInt8]? = nil, requirePDFA: Bool = false) throws -> AccessibilityReport {
        try withFile(bytes) { try inspectPDF(at: $0, requirePDFA: requirePDFA) }
    }
}

/// Text as a hex string in the fixtures' font: lowercase letters are codes 01–1A (so only
/// the /ToUnicode map can read them), "fi" is the ligature code 1F, the rest is ASCII.
func fixtureHex(_ text: String) -> String {
    var codes: [UInt8] = []
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.first {
        if scalar == "f", scalars.dropFirst().first == "i" {
            codes.append(0x1F)
            scalars = scalars.dropFirst(2)
            continue
        }
        let value = UInt8(truncatingIfNeeded: scalar.value)
        codes.append(("a"..."z").contains(scalar) ? value - 0x60 : value)
        scalars = scalars.dropFirst()
    }
    return "<" + codes.map { String(format: "%02X", $0) }.joined() + ">"
}

/// The /ToUnicode map of the fixtures' font (see `fixtureHex`).
let fixtureToUnicode = """
    /CIDInit /ProcSet findresource begin
    12 dict begin
    begincmap
    /CMapName /Fixture-UCS def
    1 begincodespacerange <00> <FF> endcodespacerange
    2 beginbfchar
    <1F> <00660069>
    <20> <0020>
    endbfchar
    1 beginbfrange
    <01> <1A> <0061>
    endbfrange
    endcmap
    CMapName currentdict /CMap defineresource pop
    end end
    """
