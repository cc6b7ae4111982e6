import QuireLayout
import QuireModel

/// The layout names the header fields a paper must have; a missing one is an error at the
/// top of the front matter with an example to copy.
func checkRequiredFields(_ paper: Paper, theme: Theme) throws(QuireError) {
    let matter = paper.frontMatter
    for field in theme.headerBlock.required {
        let present: Bool = switch field {
        case "by", "from": !matter.by.isEmpty
        case "to": matter.to != nil
        case "date": matter.date != nil
        case "subject": matter.subject != nil
        case "classification": matter.classification != nil
        case "summary": matter.summary != nil
        case "recommendation": !matter.recommendation.isEmpty
        case "decision-number": matter.decisionNumber != nil
        case "key-decision": matter.keyDecision != nil
        case "electoral-divisions": matter.electoralDivisions != nil
        case "past-pathway": matter.pastPathway != nil
        case "future-pathway": matter.futurePathway != nil
        case "background-documents": !matter.backgroundDocuments.isEmpty
        case "contact": !matter.contact.isEmpty
        case "period": matter.period != nil
        case "organisation": matter.organisation != nil
        case "data": !matter.data.isEmpty
        default: true
        }
        if !present {
            throw QuireError(.missingField, at: SourceLocation(file: paper.file, line: 2), field: field,
                             "the layout '\(theme.name)' requires '\(field)', and the front matter has none",
                             hint: "add a line such as '\(field): \(example(field))' between the '---' lines")
        }
    }
}

private func example(_ field: String) -> String {
    switch field {
    case "date": "2017-10-19"
    case "by", "from": "[{name: Jane Smith, role: Corporate Director}]"
    case "classification": "Unrestricted"
    case "to": "Cabinet Committee"
    default: "…"
    }
}
