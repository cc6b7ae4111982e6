/// Every key the front matter accepts. Anything else is an error with a suggestion, because a
/// misspelt key (`recomendation:`) would otherwise silently drop a header row.
enum FrontMatterKey: String, CaseIterable {
    case by, from, to, date, subject, classification, summary, recommendation
    case decisionNumber = "decision-number"
    case keyDecision = "key-decision"
    case electoralDivisions = "electoral-divisions"
    case pastPathway = "past-pathway"
    case futurePathway = "future-pathway"
    case backgroundDocuments = "background-documents"
    case contact, layout, fields, data, period, organisation
}

