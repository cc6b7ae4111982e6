import QuireModel
import QuirePages

extension Collector {
    /// "Background Documents" and "Contact details": numbered sections after the body, built
    /// from front matter unless the body already has a section of that name.
    func collectClosingSections(_ paper: Paper, numbering: inout Numbering) {
        let bodyTitles = Set(paper.body.compactMap { block -> String? in
            if case .heading(1, let inlines, _) = block { return inlines.plainText.lowercased() }
            return nil
        })
        let x = theme.paragraphs.indent
        let matter = paper.frontMatter
        let backgroundTitle = theme.closing.backgroundDocuments
        if !bodyTitles.contains(backgroundTitle.lowercased()) {
            space(theme.blockSpace)
            heading(level: 1, text: StyledText(backgroundTitle), numbering: &numbering, line: matter.line(of: .backgroundDocuments))
            let documents = matter.textList(.backgroundDocuments)
            let entries = documents.isEmpty ? [[Inline.text(theme.closing.noBackgroundDocuments)]] : documents
            for (index, entry) in entries.enumerated() {
                if index > 0 { space(theme.blockSpace / 2) }
                paragraph(styledText(entry), x: x, label: nil, labelX: 0, line: matter.line(of: .backgroundDocuments), alignment: .left)
            }
        }
        let contactTitle = theme.closing.contact
        if !matter.contact.isEmpty, !bodyTitles.contains(contactTitle.lowercased()) {
            space(theme.blockSpace)
            heading(level: 1, text: StyledText(contactTitle), numbering: &numbering, line: matter.line(of: .contact))
            for (index, contact) in matter.contact.enumerated() {
                if index > 0 { space(theme.blockSpace) }
                var text = StyledText()
                text.append(contact.name, style: SpanStyle(bold: true))
                if let role = contact.role { text.append("\n" + role, style: SpanStyle()) }
                if let phone = contact.phone { text.append("\nTelephone: " + phone, style: SpanStyle()) }
                if let email = contact.email {
                    text.append("\nEmail: ", style: SpanStyle())
                    text.append(email, style: SpanStyle(link: "mailto:" + email))
                }
                // A contact block is short and reads as one unit: keep it on one page.
                paragraph(text, x: x, label: nil, labelX: 0, line: matter.line(of: .contact), alignment: .left, keepTogether: true)
            }
        }
    }
}
