import Foundation
import QuireModel
import QuirePages

extension Collector {
    /// The page that stands in for exempt content in the public pack: what was left out, and
    /// the paragraph of Schedule 12A that allows it.
    func collectWithheld(title: String, paragraph exempt: ExemptParagraph) {
        var numbering = Numbering(style: theme.numbering)
        heading(level: 1, text: StyledText(title), numbering: &numbering, line: nil)
        let notice = theme.pack.exemptNotice.replacingOccurrences(of: "{paragraph}", with: String(exempt.number))
        paragraph(StyledText(notice), x: 0, label: nil, labelX: 0, line: nil, alignment: .left)
        space(theme.blockSpace)
        paragraph(StyledText("Paragraph \(exempt.number): " + exempt.description, style: SpanStyle(italic: true)),
                  x: 0, label: nil, labelX: 0, line: nil, alignment: .left)
    }
}
