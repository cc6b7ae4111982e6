import Foundation
import QuireModel

/// A run-in heading opens a paragraph: its first inline is bold text ending in ":" or "."
/// (`**Background:** The council…`), and text follows it. Returns the lead's inlines, or nil
/// for any other paragraph. Nothing else marks one, so an importer writes bold leads this way.
func runInLead(_ inlines: [Inline]) -> [Inline]? {
    guard case .strong(let lead)? = inlines.first, inlines.count > 1 else { return nil }
    let text = lead.plainText.trimmingCharacters(in: .whitespaces)
    guard let last = text.last, last == ":" || last == ".", text.count > 1 else { return nil }
    return lead
}

extension Collector {
    /// A body paragraph's text; a run-in heading's lead is set as the layout's `run-in` keys
    /// say (bold, italic, colour, capitals) and stays part of the paragraph.
    func paragraphText(_ inlines: [Inline]) -> StyledText {
        let full = styledText(inlines)
        let style = theme.runIn
        // As the author's bold already reads: nothing to change (and no bytes moved).
        guard !style.isPlain, let lead = runInLead(inlines) else { return full }
        let leadLength = styledText([.strong(lead)]).text.utf8.count
        guard full.text.utf8.count >= leadLength else { return full }
        var out = StyledText()
        let bytes = Array(full.text.utf8)
        for span in full.spans {
            // A span running past the lead (bold text right after it) is split there.
            let cut = min(max(leadLength, span.start), span.end)
            if span.start < cut {
                var leadStyle = span.style
                leadStyle.bold = style.bold
                leadStyle.italic = span.style.italic || style.italic
                leadStyle.color = style.color ?? span.style.color
                out.append(style.textCase.apply(String(decoding: bytes[span.start..<cut], as: UTF8.self)), style: leadStyle)
            }
            if cut < span.end { out.append(String(decoding: bytes[cut..<span.end], as: UTF8.self), style: span.style) }
        }
        return out
    }
}
