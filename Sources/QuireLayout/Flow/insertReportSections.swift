public import QuireModel

/// Whether a body section title names a layout's report section: the same words, any case,
/// a closing ":" or "." ignored.
func sameSectionTitle(_ a: String, _ b: String) -> Bool {
    func normal(_ text: String) -> String {
        var t = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = t.last, ":.".contains(last) { t.removeLast() }
        return t
    }
    return normal(a) == normal(b)
}

extension Theme {
    /// The layout's report sections the body has no section for.
    public func missingSections(in body: [Block]) -> [ReportSection] {
        let titles = body.compactMap { block -> String? in
            if case .heading(1, let inlines, _) = block { return inlines.plainText }
            return nil
        }
        return sections.filter { section in !titles.contains { sameSectionTitle($0, section.title) } }
    }
}

/// The paper with the layout's report sections it lacks inserted, each with the layout's text
/// for a missing one, in the layout's order: before the next of the layout's sections the body
/// has, else at the end of the body. Sections without such text are never made up. For new
/// papers only: an imported or archived paper is shown as its source was (`theme` resolved for
/// the paper, so the titles are in its language).
public func insertReportSections(_ paper: Paper, theme: Theme) -> Paper {
    let missing = theme.missingSections(in: paper.body).filter { $0.missing != nil }
    guard !missing.isEmpty else { return paper }
    var body = paper.body
    // Where a body section of this title starts.
    func start(_ title: String) -> Int? {
        body.firstIndex {
            if case .heading(1, let inlines, _) = $0 { return sameSectionTitle(inlines.plainText, title) }
            return false
        }
    }
    let line = paper.body.last.map(\.line) ?? paper.bodyLine
    for section in missing {
        let order = theme.sections.firstIndex(of: section) ?? 0
        let at = theme.sections[(order + 1)...].lazy.compactMap { start($0.title) }.first ?? body.count
        body.insert(contentsOf: [.heading(level: 1, [.text(section.title)], line: line), .paragraph([.text(section.missing ?? "")], line: line)], at: at)
    }
    var out = paper
    out.body = body
    return out
}
