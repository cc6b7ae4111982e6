import Foundation
/// Every field a paper's front matter may give, written once. The source parser, a layout's
/// header rows and `required` list, the required-field check, the header block and the
/// importers' source writer all read this list, so a field added here is known everywhere
/// and a name not here is a typo wherever it is written.
///
/// The cases are in writing order: the order a source writer emits them and the default
/// order of a layout's header rows.
public enum FrontMatterField: String, CaseIterable, Hashable, Sendable {
    case layout
    /// The item's number on the meeting's agenda ("Agenda Item No. 7"), for layouts that show it.
    case agendaItem = "agenda-item"
    case by
    case to
    case date
    case subject
    case decisionNumber = "decision-number"
    case keyDecision = "key-decision"
    case classification
    /// The protective marking (OFFICIAL, OFFICIAL-SENSITIVE, from the Government Security
    /// Classifications) a layout prints at the top and foot of each page, where it is not the
    /// classification (`marking.from: protective-marking`).
    case protectiveMarking = "protective-marking"
    case pastPathway = "past-pathway"
    case futurePathway = "future-pathway"
    case electoralDivisions = "electoral-divisions"
    /// The author's own rows, label → text, in their order.
    case fields
    case summary
    case recommendation
    case backgroundDocuments = "background-documents"
    case contact
    case data
    case period
    case organisation
    /// The paper's own numbering options, over the layout's (`NumberingOptions`).
    case numbering
    /// The paper's language (en-GB, cy): its /Lang, its date words, its labels where the layout
    /// gives them in both languages.
    case language
    /// The file an importer read the paper from. An imported or archived paper renders without
    /// a field its layout requires (with a warning), since its source never had one.
    case importedFrom = "imported-from"

    /// The shape of a field's value.
    public enum Kind: Hashable, Sendable {
        /// Inline Markdown text.
        case text
        /// One text, or a list of texts (shown (a), (b), …).
        case textList
        /// `{name, role}` entries.
        case people
        /// `{name, role, phone, email}` entries.
        case contacts
        /// An ISO date.
        case date
        /// A plain name (a layout).
        case name
        /// File names beside the paper.
        case files
        /// Label → text rows.
        case rows
        /// A `numbering:` map.
        case numbering
    }

    /// The key as written in YAML.
    public var key: String { rawValue }

    public var kind: Kind {
        switch self {
        case .by: .people
        case .date: .date
        case .recommendation, .backgroundDocuments: .textList
        case .contact: .contacts
        case .layout, .language, .importedFrom: .name
        case .numbering: .numbering
        case .data: .files
        case .fields: .rows
        case .to, .subject, .decisionNumber, .keyDecision, .classification, .pastPathway, .futurePathway,
             .electoralDivisions, .summary, .period, .organisation, .agendaItem, .protectiveMarking: .text
        }
    }

    /// Whether a layout may show the field as a row of the header block.
    public var isHeaderRow: Bool {
        switch self {
        case .layout, .data, .period, .organisation, .numbering, .language, .importedFrom: false
        default: true
        }
    }

    /// The label a layout prints for the row unless it says otherwise; nil for fields that
    /// are not among a layout's default rows (the author's own rows bring their labels).
    public var defaultLabel: String? {
        switch self {
        case .by: "By:"
        case .to: "To:"
        case .date: "Date:"
        case .subject: "Subject:"
        case .decisionNumber: "Decision No:"
        case .keyDecision: "Key decision:"
        case .classification: "Classification:"
        case .pastPathway: "Past Pathway of Paper:"
        case .futurePathway: "Future Pathway of Paper:"
        case .electoralDivisions: "Electoral Division:"
        case .summary: "Summary:"
        case .recommendation: "Recommendation:"
        case .fields: ""
        case .agendaItem, .protectiveMarking: nil
        case .layout, .backgroundDocuments, .contact, .data, .period, .organisation, .numbering, .language, .importedFrom: nil
        }
    }

    /// Labels councils print for this field, normalised (`normalisedLabel`): how an imported
    /// paper's "REPORT TO:" or "Ward(s):" row finds its key, and how a key written as the label
    /// reads (`decision-no`) finds its suggestion.
    public var labels: [String] {
        switch self {
        case .by: ["by", "from", "report of", "report by", "report from", "officer presenting", "presenting officer",
                   "responsible officer", "lead officer"]
        case .to: ["to", "report to", "committee", "meeting", "decision maker", "decision taker", "cyfarfod", "pwyllgor", "adroddiad i"]
        case .date: ["date", "date of meeting", "meeting date", "report date", "date of report", "date of decision", "decision date", "dyddiad", "dyddiad y cyfarfod"]
        case .subject: ["subject", "title", "report title", "title of report", "report subject", "subject of report", "pwnc", "teitl", "teitl yr adroddiad"]
        case .decisionNumber: ["decision no", "decision number", "decision ref", "decision reference"]
        case .keyDecision: ["key decision", "is this a key decision", "is this a key decision?", "penderfyniad allweddol"]
        case .classification: ["classification", "status", "security classification", "protective marking"]
        case .pastPathway: ["past pathway", "past pathway of paper", "past pathway of report"]
        case .futurePathway: ["future pathway", "future pathway of paper", "future pathway of report"]
        case .electoralDivisions: ["electoral division", "electoral divisions", "ward", "wards", "wards affected",
                                   "divisions affected", "electoral divisions affected", "electoral wards", "electoral wards affected",
                                   "wardiau", "wardiau dan sylw", "wardiau yr effeithir arnynt"]
        case .summary: ["summary", "purpose", "purpose of report", "purpose of the report", "executive summary", "report summary",
                        "summary of report", "summary of the report", "purpose of paper", "purpose of the paper", "crynodeb",
                        "diben yr adroddiad", "pwrpas yr adroddiad"]
        case .recommendation: ["recommendation", "recommendations", "officer recommendation", "officer recommendations",
                               "recommendations for decision", "recommended decision", "decision required", "decisions required",
                               "argymhelliad", "argymhellion",
                               "recommended action"]
        case .backgroundDocuments: ["background documents", "background papers"]
        case .contact: ["contact", "contact officer", "contact details"]
        case .agendaItem: ["agenda item", "agenda item no", "agenda item number", "item no", "item number"]
        case .protectiveMarking: ["security marking", "gsc marking"]
        case .layout, .fields, .data, .period, .organisation, .numbering, .language, .importedFrom: []
        }
    }

    /// The field a key names; `from:` is `by:` labelled "From:".
    public static func named(_ key: String) -> FrontMatterField? {
        key == "from" ? .by : FrontMatterField(rawValue: key)
    }

    /// Every key a source may write, aliases included.
    public static var keys: [String] { allCases.map(\.key) + ["from"] }

    /// The field whose printed label this is ("REPORT TO:", "Ward(s)", "Decision No."), if any.
    public static func forLabel(_ label: String) -> FrontMatterField? {
        let wanted = normalisedLabel(label)
        return allCases.first { $0.labels.contains(wanted) }
    }

    /// A label as compared: lower case, single spaces, "(s)" as "s", without a closing ":" or ".".
    public static func normalisedLabel(_ label: String) -> String {
        var text = label.lowercased().replacingOccurrences(of: "(s)", with: "s")
        while let last = text.last, ":.".contains(last) || last.isWhitespace { text.removeLast() }
        return text.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "_" }).joined(separator: " ")
    }

    /// The field a mistyped key most likely meant: by spelling, or by the label a layout
    /// prints for it (`decision-no:` for "Decision No:").
    public static func suggestion(for key: String) -> FrontMatterField? {
        if let byLabel = forLabel(key) { return byLabel }
        return nearestName(key, in: keys).flatMap(named)
    }
}
