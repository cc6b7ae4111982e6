import Foundation
public import QuireModel
import QuirePages

/// An agenda line on the front sheet: the item, and where it landed in the pack (nil for
/// an item with nothing in the pack, such as apologies).
public struct AgendaEntry: Sendable {
    public var item: AgendaItem
    /// Printed pack page numbers of its first and last page.
    public var pages: ClosedRange<Int>?
    /// 0-based index of its first page in the pack, for the link.
    public var pageIndex: Int?

    public init(item: AgendaItem, pages: ClosedRange<Int>?, pageIndex: Int?) {
        self.item = item
        self.pages = pages
        self.pageIndex = pageIndex
    }
}

extension Collector {
    /// The agenda front sheet: the committee, the meeting's details as a table, membership,
    /// the open items with the pages they span (linked), the exempt items with their Schedule
    /// 12A paragraph, the contact officer and how to get other formats.
    func collectFrontSheet(_ manifest: PackManifest, entries: [AgendaEntry], supplement: Bool) {
        let style = theme.pack
        let meeting = manifest.meeting
        var numbering = Numbering(style: theme.numbering)  // headings here are not numbered, and stay at the margin
        line(StyledText(meeting.committee, style: SpanStyle(bold: true)), role: .heading1)
        line(StyledText(supplement ? style.supplementTitle : style.title, style: SpanStyle(bold: true)), role: .paragraph)
        space(theme.blockSpace)
        let date = formatDate(meeting.date, theme.headerBlock.dateFormat, language: theme.language)
        let details = [("Date:", date), ("Time:", meeting.time), ("Venue:", meeting.venue), ("Chair:", meeting.chair)]
        detailsTable(details.compactMap { label, value in value.map { (label, $0) } })
        if !meeting.membership.isEmpty {
            heading(level: 2, text: StyledText(style.membership), numbering: &numbering, line: nil)
            paragraph(StyledText(meeting.membership.joined(separator: ", ")), x: 0, label: nil, labelX: 0, line: nil, alignment: .left)
        }
        let open = entries.filter { $0.item.exempt == nil }, exempt = entries.filter { $0.item.exempt != nil }
        if !open.isEmpty {
            heading(level: 2, text: StyledText(style.items), numbering: &numbering, line: nil)
            agendaList(open)
        }
        if !exempt.isEmpty {
            heading(level: 2, text: StyledText(style.exemptHeading), numbering: &numbering, line: nil)
            paragraph(StyledText(style.exemptIntro), x: 0, label: nil, labelX: 0, line: nil, alignment: .left)
            space(theme.blockSpace)
            agendaList(exempt)
        }
        if let contact = meeting.contact {
            heading(level: 2, text: StyledText(style.contact), numbering: &numbering, line: nil)
            var text = StyledText(contact.name)
            if let role = contact.role { text.append(", " + role, style: SpanStyle()) }
            if let phone = contact.phone { text.append("\nTelephone: " + phone, style: SpanStyle()) }
            if let email = contact.email {
                text.append("\nEmail: ", style: SpanStyle())
                text.append(email, style: SpanStyle(link: "mailto:" + email))
            }
            paragraph(text, x: 0, label: nil, labelX: 0, line: nil, alignment: .left, keepTogether: true)
        }
        if let formats = meeting.alternativeFormats {
            space(theme.blockSpace)
            paragraph(linkingAddresses(formats, style: SpanStyle(italic: true)), x: 0, label: nil, labelX: 0, line: nil, alignment: .left)
        }
    }

    /// One unbroken line of text in its own element.
    private func line(_ text: StyledText, role: StructureRole) {
        let width = theme.contentWidth
        let index = request(text, width: width, size: theme.heading.size, alignment: .left)
        var block = TextBlock(text: index, x: 0, leading: theme.heading.size * 1.3, keepWithNext: true, keepTogether: true)
        block.textTags = Tagging(leaf: StructureTag(role))
        add { block.slices($0, width: width, orphans: 1, widows: 1) }
    }

    /// Label/value rows, read as a table with row headers (as the paper's header block is).
    private func detailsTable(_ rows: [(String, String)]) {
        guard !rows.isEmpty else { return }
        let labelWidth = theme.headerBlock.labelWidth, width = theme.contentWidth
        open(.table)
        for (index, row) in rows.enumerated() {
            if index > 0 { space(theme.headerBlock.rowSpace / 2) }
            let value = request(StyledText(row.1), width: width - labelWidth, alignment: .left)
            let label = request(StyledText(row.0, style: SpanStyle(bold: true)), width: labelWidth - 4, alignment: .left)
            var block = TextBlock(text: value, x: labelWidth, labels: [(label, 0)], leading: theme.body.leading,
                                  keepWithNext: index < rows.count - 1, keepTogether: true)
            block.labelTags = [Tagging(leaf: StructureTag(.headerCell, scope: .row))]
            block.textTags = Tagging(leaf: StructureTag(.dataCell))
            open(.tableRow)
            add { block.slices($0, width: width, orphans: 1, widows: 1) }
            close()
        }
        close()
        space(theme.blockSpace)
    }

    /// Numbered agenda lines, each linked to its first page: "5. Title (Pages 5 - 12)".
    private func agendaList(_ entries: [AgendaEntry]) {
        let style = theme.pack, width = theme.contentWidth, x = theme.paragraphs.indent
        open(StructureTag(.list, listNumbering: .decimal))
        for entry in entries {
            var text = StyledText(entry.item.title, style: SpanStyle(bold: true))
            if let pages = entry.pages {
                let range = (pages.count == 1 ? style.page : style.pages).replacingOccurrences(of: "{first}", with: String(pages.lowerBound))
                    .replacingOccurrences(of: "{last}", with: String(pages.upperBound))
                // "(Pages 10 - 13)" never breaks inside.
                text.append(" " + range.replacingOccurrences(of: " ", with: "\u{00A0}"), style: SpanStyle())
            }
            if let paragraph = entry.item.exempt {
                text.append("\nParagraph \(paragraph.number): " + paragraph.description, style: SpanStyle(italic: true))
            }
            let textIndex = request(text, width: width - x, alignment: .left)
            let labelIndex = request(StyledText(entry.item.number + "."), width: x, alignment: .left)
            var block = TextBlock(text: textIndex, x: x, labels: [(labelIndex, 0)], leading: theme.body.leading, keepTogether: true,
                                  line: entry.item.line)
            block.labelTags = [Tagging(leaf: StructureTag(.label))]
            if let target = entry.pageIndex {
                // The whole entry is a reference to the item, linking to its first page.
                block.textTags = Tagging(opens: [StructureTag(.listBody), StructureTag(.reference)], leaf: StructureTag(.link))
                block.pageLink = (target, 0)
            } else {
                block.textTags = Tagging(opens: [StructureTag(.listBody)], leaf: StructureTag(.paragraph))
            }
            let opened = block.textTags.opens.count
            open(.listItem)
            add { block.slices($0, width: width, orphans: 1, widows: 1) }
            close(opened + 1)  // the text's elements, LI
            space(theme.blockSpace / 2)
        }
        close()
    }
}
