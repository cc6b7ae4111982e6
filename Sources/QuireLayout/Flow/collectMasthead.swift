import Foundation
import QuireModel
import QuirePages

extension Collector {
    /// Room at the top of the first page for a first-page logo where it reaches below the top
    /// margin, so the margin can stay as later pages need it (an every-page logo sits in the
    /// margin, which the layout makes tall enough).
    func reserveLogoSpace() {
        let style = theme.logo
        guard style.pages == .first, let logo = images[style.file] else { return }
        var bottom = style.top + Double(logo.pixelHeight) * style.width / Double(max(1, logo.pixelWidth))
        if style.namePosition == .under, !style.name.isEmpty {
            bottom += 4 + style.nameSize * 1.2 * Double(style.name.split(separator: "\n").count)
        }
        let height = bottom + theme.blockSpace - theme.page.marginTop
        guard height > 0 else { return }
        let width = theme.contentWidth
        add { _ in [.slice(Slice(frame: Frame(size: Size(width: width, height: height)), height: height, breakAfter: false))] }
    }

    /// The layout's masthead lines above the header block ("Agenda Item No. 7", "REPORT OF
    /// THE DIRECTOR OF PLACE"), each filled from the front matter; a line naming a field the
    /// paper lacks is left out rather than printed half empty. Kept with the header block.
    func collectMasthead(_ matter: FrontMatter) {
        let width = theme.contentWidth
        for line in theme.masthead {
            guard let filled = fillFields(line.text, matter) else { continue }
            let size = line.size ?? theme.body.size
            let alignment: TextAlignment = switch line.alignment {
            case .left: .left
            case .center: .center
            case .right: .right
            }
            let text = StyledText(line.textCase.apply(filled), style: SpanStyle(bold: line.bold, color: line.color))
            let index = request(text, width: width, size: size, alignment: alignment)
            let leading = max(theme.body.leading, size * 1.2)
            let block = TextBlock(text: index, x: 0, leading: leading, keepWithNext: true, keepTogether: true)
            add { block.slices($0, width: width, orphans: 1, widows: 1) }
            space(line.spaceAfter)
        }
    }

    /// `{key}` replaced by the field's text (`{by.name}`, `{by.role}`: the first person's; a
    /// date in the layout's date format); nil when a named field is missing.
    func fillFields(_ template: String, _ matter: FrontMatter) -> String? {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            guard let value = fieldText(name, matter) else { return nil }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    private func fieldText(_ name: String, _ matter: FrontMatter) -> String? {
        switch name {
        case "by.name": return matter.by.first?.name
        case "by.role": return matter.by.first?.role
        default:
            guard let field = FrontMatterField.named(name), let value = matter[field] else { return nil }
            switch value {
            case .text(let inlines): return inlines.plainText
            case .textList(let entries): return entries.map(\.plainText).joined(separator: "; ")
            case .people(let people): return people.map(\.name).joined(separator: ", ")
            case .date(let date): return formatDate(date, theme.headerBlock.dateFormat, language: theme.language)
            case .name(let text): return text
            case .contacts, .files, .rows, .numbering: return nil
            }
        }
    }
}
