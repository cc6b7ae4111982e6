/// A meeting's pack as the manifest (`pack.yaml`) describes it: the meeting, then the agenda
/// items in order, each with its paper and appendices. Paths are as written, relative to the
/// manifest's folder; the composition root resolves and checks them.
public struct PackManifest: Hashable, Sendable {
    public var file: String
    public var meeting: Meeting
    public var items: [AgendaItem]
    /// The layout of the front sheet (default `agenda`).
    public var layout: String?
    /// A supplement's first pack page (it is numbered on from the main pack).
    public var firstPage: Int?
    /// Lines of keys, for errors found after parsing ("meeting.date", "items[2].paper").
    public var lines: [String: Int]

    public init(file: String, meeting: Meeting, items: [AgendaItem], layout: String? = nil, firstPage: Int? = nil, lines: [String: Int] = [:]) {
        self.file = file
        self.meeting = meeting
        self.items = items
        self.layout = layout
        self.firstPage = firstPage
        self.lines = lines
    }
}

/// When and where a committee meets, and who sits on it.
public struct Meeting: Hashable, Sendable {
    public var committee: String
    public var date: CalendarDate
    /// "10:00", as written.
    public var time: String?
    public var venue: String?
    public var chair: String?
    public var membership: [String]
    public var contact: Contact?
    /// Free text: how to ask for the pack in other formats.
    public var alternativeFormats: String?

    public init(committee: String, date: CalendarDate, time: String? = nil, venue: String? = nil, chair: String? = nil,
                membership: [String] = [], contact: Contact? = nil, alternativeFormats: String? = nil) {
        self.committee = committee
        self.date = date
        self.time = time
        self.venue = venue
        self.chair = chair
        self.membership = membership
        self.contact = contact
        self.alternativeFormats = alternativeFormats
    }
}

/// Why an item or appendix is exempt from publication: one of the seven paragraphs of
/// Part 1 of Schedule 12A to the Local Government Act 1972.
public struct ExemptParagraph: Hashable, Sendable {
    public var number: Int

    public init?(_ number: Int) {
        guard ExemptParagraph.descriptions.indices.contains(number - 1) else { return nil }
        self.number = number
    }

    public var description: String { ExemptParagraph.descriptions[number - 1] }

    /// The paragraphs' wording (Schedule 12A, Part 1, as amended in 2006).
    public static let descriptions = [
        "Information relating to any individual.",
        "Information which is likely to reveal the identity of an individual.",
        "Information relating to the financial or business affairs of any particular person (including the authority holding that information).",
        "Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office holders under, the authority.",
        "Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings.",
        "Information which reveals that the authority proposes (a) to give under any enactment a notice under or by virtue of which requirements are imposed on a person; or (b) to make an order or direction under any enactment.",
        "Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime.",
    ]
}

/// A document in the pack: a Quire source (rendered) or an existing PDF (placed page by page).
public enum PackDocument: Hashable, Sendable {
    case source(String)
    case pdf(String)

    public var path: String {
        switch self {
        case .source(let path), .pdf(let path): path
        }
    }
}

/// An appendix to an item; it may be exempt while its report is open.
public struct Appendix: Hashable, Sendable {
    public var title: String
    public var document: PackDocument
    public var exempt: ExemptParagraph?
    public var line: Int

    public init(title: String, document: PackDocument, exempt: ExemptParagraph? = nil, line: Int) {
        self.title = title
        self.document = document
        self.exempt = exempt
        self.line = line
    }
}

/// One agenda item: a number ("5", "5a"), a title, and optionally a paper and appendices.
/// Items without a paper (apologies, declarations) appear on the front sheet only.
public struct AgendaItem: Hashable, Sendable {
    public var number: String
    public var title: String
    public var paper: PackDocument?
    public var appendices: [Appendix]
    /// Part 2 (exempt) items name their Schedule 12A paragraph.
    public var exempt: ExemptParagraph?
    /// Added late, for a supplement pack.
    public var supplement: Bool
    public var line: Int

    public init(number: String, title: String, paper: PackDocument? = nil, appendices: [Appendix] = [], exempt: ExemptParagraph? = nil,
                supplement: Bool = false, line: Int) {
        self.number = number
        self.title = title
        self.paper = paper
        self.appendices = appendices
        self.exempt = exempt
        self.supplement = supplement
        self.line = line
    }
}
