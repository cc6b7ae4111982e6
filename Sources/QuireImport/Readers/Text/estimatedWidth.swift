/// How wide a text would be set in a proportional sans face, in thousandths of an em
/// (Liberation Sans's advance widths, which Arial shares and Calibri follows closely in
/// proportion). A text export packs every run of words into one character per column, so a
/// line's column count says little about how far across the page it reached; this says far
/// more (on LibreOffice exports the estimate is within about 1.5% of the real width, the column
/// count within 5%), which is what telling a wrapped line from a short one needs.
func estimatedWidth(_ text: some StringProtocol) -> Double {
    var total = 0.0
    for scalar in text.unicodeScalars { total += Double(advance(scalar)) }
    return total
}

private func advance(_ scalar: Unicode.Scalar) -> Int {
    switch scalar {
    case "f", "t", "I", " ", ".", ",", ":", ";", "/", "!", "[", "]": 278
    case "i", "j", "l", "'", "|": 222
    case "r", "(", ")", "-", "\"", "`": 333
    case "c", "k", "s", "v", "x", "y", "z", "J", "*", "?": 500
    case "m", "M", "%": 833
    case "w", "C", "D", "H", "N", "R", "U": 722
    case "W": 944
    case "A", "B", "E", "K", "P", "S", "V", "X", "Y", "&": 667
    case "F", "T", "Z": 611
    case "G", "O", "Q": 778
    case "L": 556
    case "–": 556
    case "—": 1000
    case "’", "‘": 222
    case "“", "”": 333
    default: 556
    }
}
