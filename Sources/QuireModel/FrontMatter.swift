/// A calendar date without time or zone: papers are dated by day, and a time would make
/// output depend on where it is rendered.
public struct CalendarDate: Hashable, Sendable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `2017-10-19`.
    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// A person in the "By:"/"From:" row.
public struct Person: Hashable, Sendable {
    public var name: String
    public var role: String?

    public init(name: String, role: String?) {
        self.name = name
        self.role = role
    }
}

/// An officer to contact about the paper.
public struct Contact: Hashable, Sendable {
    public var name: String
    public var role: String?
    public var phone: String?
    public var email: String?

    public init(name: String, role: String?, phone: String?, email: String?) {
        self.name = name
        self.role = role
        self.phone = phone
        self.email = email
    }
}

/// The header block of a cover report, as written in the YAML front matter.
public struct FrontMatter: Hashable, Sendable {
    public var by: [Person] = []
    /// True when the author wrote `from:`; layouts may label the row "From:".
    public var byIsFrom = false
    public var to: [Inline]?
    public var date: CalendarDate?
    public var subject: [Inline]?
    public var classification: [Inline]?
    public var summary: [Inline]?
    /// One entry is plain text; several are lettered (a), (b), …
    public var recommendation: [[Inline]] = []
    public var decisionNumber: [Inline]?
    public var keyDecision: [Inline]?
    public var electoralDivisions: [Inline]?
    public var pastPathway: [Inline]?
    public var futurePathway: [Inline]?
    public var backgroundDocuments: [[Inline]] = []
    public var contact: [Contact] = []
    public var layout: String?
    /// Data files (YAML or CSV) beside the paper, for figures, tables and charts.
    public var data: [String] = []
    /// The period an annual report covers ("2016/17"), for its cover.
    public var period: [Inline]?
    /// The body publishing the report ("Kent Safeguarding Children Board"), for its cover.
    public var organisation: [Inline]?
    /// Further header rows a council uses, in the author's order.
    public var fields: [(label: String, value: [Inline])] = []
    /// Line of each key in the source, for messages from later phases.
    public var lines: [String: Int] = [:]

    public init() {}

    public static func == (a: FrontMatter, b: FrontMatter) -> Bool {
        a.by == b.by && a.byIsFrom == b.byIsFrom && a.to == b.to && a.date == b.date && a.subject == b.subject
            && a.classification == b.classification && a.summary == b.summary && a.recommendation == b.recommendation
            && a.decisionNumber == b.decisionNumber && a.keyDecision == b.keyDecision
            && a.electoralDivisions == b.electoralDivisions && a.pastPathway == b.pastPathway
            && a.futurePathway == b.futurePathway && a.backgroundDocuments == b.backgroundDocuments
            && a.contact == b.contact && a.layout == b.layout && a.lines == b.lines && a.data == b.data
            && a.period == b.period && a.organisation == b.organisation
            && a.fields.map(\.label) == b.fields.map(\.label) && a.fields.map(\.value) == b.fields.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(subject)
        hasher.combine(date)
        hasher.combine(by)
    }
}
