import QuireModel

/// The layout an import names, and why.
public struct ImportLayout: Sendable, Hashable {
    public var name: String
    /// "given with --layout", or what made it the closest house style.
    public var reason: String
}

/// The closest bundled house style to the source, scored by what the source printed:
/// one point for each header label the layout prints the same way ("REPORT TO:" and
/// "Report to:" count alike), two for the paragraph style it numbers in, one each for
/// section numbering and the paragraph count, one for the recommendation labels, less one
/// for each field the layout requires that the source lacks. Only
/// cover reports are candidates; on a tie the earlier profile wins (committee-paper first
/// when the CLI lists it first).
func pickLayout(_ profiles: [LayoutProfile], sourceLabels: [(FrontMatterField, String)], sourceFields: Set<FrontMatterField>, numbering: NumberingOptions) -> (LayoutProfile, ImportLayout) {
    let candidates = profiles.filter(\.isCoverReport)
    guard !candidates.isEmpty else {
        return (.committeePaper, ImportLayout(name: LayoutProfile.committeePaper.name, reason: "no cover-report layout found; the default"))
    }
    var best: (profile: LayoutProfile, score: Int, why: [String])?
    for profile in candidates {
        var score = 0
        var why: [String] = []
        let matched = sourceLabels.filter { field, label in
            guard let printed = profile.labels[field].map(FrontMatterField.normalisedLabel) else { return false }
            let source = FrontMatterField.normalisedLabel(label)
            // A layout printing "By:" prints "From:" for a paper that says from.
            return printed == source || (field == .by && printed == "by" && source == "from")
        }
        if !matched.isEmpty {
            score += matched.count
            why.append("\(matched.count) of \(sourceLabels.count) header labels as it prints them")
        }
        if let style = numbering.paragraphs, style == profile.numbering.paragraphs {
            score += 2
            why.append("paragraphs numbered \(style.rawValue)")
        }
        if let sections = numbering.sections, sections == profile.numbering.sections {
            score += 1
            why.append(sections ? "numbered sections" : "unnumbered headings")
        }
        if let count = numbering.count, count == profile.numbering.count {
            score += 1
            why.append(count == .document ? "one count through the report" : "a count per section")
        }
        if let recommendations = numbering.recommendations, recommendations == profile.numbering.recommendations {
            score += 1
            why.append("recommendations labelled \(recommendations.rawValue)")
        }
        // A layout requiring what the source lacks fits it less.
        let lacking = profile.required.filter { !sourceFields.contains($0) }
        if !lacking.isEmpty {
            score -= lacking.count
            why.append("lacks \(lacking.map(\.key).joined(separator: ", ")) it requires")
        }
        if best == nil || score > best!.score { best = (profile, score, why) }
    }
    let chosen = best!
    let reason = chosen.why.isEmpty ? "the default cover report (no closer match)" : "closest house style: " + chosen.why.joined(separator: ", ")
    return (chosen.profile, ImportLayout(name: chosen.profile.name, reason: reason))
}

/// The numbering options the paper must write so the layout prints what the source did:
/// those the source shows that differ from the layout's own.
func numberingOverrides(_ detected: NumberingOptions, layout: NumberingOptions) -> NumberingOptions {
    var out = NumberingOptions()
    if let v = detected.sections, v != layout.sections { out.sections = v }
    if let v = detected.paragraphs, v != layout.paragraphs { out.paragraphs = v }
    if let v = detected.count, v != (layout.count ?? .section) { out.count = v }
    if let v = detected.items, !v.isEmpty, v != Array((layout.items ?? []).prefix(v.count)) { out.items = v }
    if let v = detected.recommendations, v != layout.recommendations { out.recommendations = v }
    return out
}
