import Foundation
public import QuireImport
import QuireLayout
import QuireModel

extension Resources {
    /// Every bundled layout as the importer sees it (labels, numbering, required fields),
    /// committee-paper first so it wins a tie. A layout that does not load is left out.
    /// (`quire import`, and a render of a Word document, which imports it first.)
    public func layoutProfiles() -> [LayoutProfile] {
        let infos = (try? availableLayouts()) ?? []
        let ordered = infos.filter { $0.name == "committee-paper" } + infos.filter { $0.name != "committee-paper" }
        return ordered.compactMap { info in
            guard let theme = try? theme(named: info.name, requestedAt: nil) else { return nil }
            var labels: [FrontMatterField: String] = [:]
            for row in theme.headerBlock.rows where row.field != .fields { labels[row.field] = row.label }
            let fields = Set(theme.headerBlock.rows.map(\.field))
            // Every numbering option the layout prints, so the rules write only what differs.
            let style = theme.numbering
            let numbering = NumberingOptions(sections: style.sections, paragraphs: style.paragraphs, count: style.count,
                                             items: style.items, recommendations: style.recommendations)
            // A cover report has a header block of By/To and Subject rows; a pack front sheet
            // (it sets pack keys) and an annual report (it requires an organisation) do not.
            let isCoverReport = fields.contains(.subject) && (fields.contains(.to) || fields.contains(.by))
                && !theme.headerBlock.required.contains(.organisation) && !theme.keyLines.keys.contains { $0.hasPrefix("pack.") }
            return LayoutProfile(name: info.name, labels: labels, numbering: numbering, required: theme.headerBlock.required,
                                 isCoverReport: isCoverReport)
        }
    }
}
