/// Plain text (a manifest's or layout's sentence) with every email address and web address
/// in it a link, as Markdown's autolinks make them in a paper's body: "contact
/// democratic.services@kent.gov.uk." links the address, not the full stop.
func linkingAddresses(_ text: String, style: SpanStyle) -> StyledText {
    // An address ends before trailing punctuation that closes the sentence around it.
    let address = #/[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+|(?:https?://|www\.)[^\s<>"]+/#
    var out = StyledText()
    var rest = text[...]
    while let match = rest.firstMatch(of: address) {
        var found = match.range
        while found.lowerBound < found.upperBound, let last = rest[found].last, ".,;:)!?".contains(last) {
            found = found.lowerBound..<rest.index(before: found.upperBound)
        }
        let shown = String(rest[found])
        if !rest[..<found.lowerBound].isEmpty { out.append(String(rest[..<found.lowerBound]), style: style) }
        var linked = style
        linked.link = shown.contains("@") && !shown.contains("/") ? "mailto:" + shown : shown.hasPrefix("www.") ? "https://" + shown : shown
        out.append(shown, style: linked)
        rest = rest[found.upperBound...]
    }
    if !rest.isEmpty { out.append(String(rest), style: style) }
    return out
}
