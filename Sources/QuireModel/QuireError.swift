/// A problem with what the user gave us (source, layout, options): never a crash, always a
/// message naming where it is, which field, and how to fix it.
public struct QuireError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of input went wrong; lets callers (CLI exit codes, HTTP status) react by kind.
    public enum Kind: String, Hashable, Sendable {
        case encoding, yaml, unknownField, missingField, invalidValue, markdown, emptyBody, layout, io, limit
        /// A render stopped at its deadline (the service's time limit): not the input's fault as such.
        case timeLimit
        /// The disk (or quota) an output or a spool is written to is full: the machine's trouble,
        /// not the input's (the CLI exits 74, the service answers 507).
        case diskFull
    }

    public var kind: Kind
    public var location: SourceLocation?
    public var field: String?
    public var message: String
    public var hint: String?
    /// Further problems found in the same run (a front matter with four mistakes reports all
    /// four), in line order after this one.
    public var others: [QuireError] = []

    public init(_ kind: Kind, at location: SourceLocation?, field: String? = nil, _ message: String, hint: String? = nil) {
        self.kind = kind
        self.location = location
        self.field = field
        self.message = message
        self.hint = hint
    }

    /// The problems of one run as one error: the first by line, the rest in `others`, repeats
    /// dropped; nil when there are none.
    public static func combining(_ errors: [QuireError]) -> QuireError? {
        var seen = Set<QuireError>()
        let ordered = errors.flatMap { [$0.withoutOthers] + $0.others }.filter { seen.insert($0).inserted }
            .enumerated().sorted { ($0.element.location?.line ?? 0, $0.offset) < ($1.element.location?.line ?? 0, $1.offset) }.map(\.element)
        guard var first = ordered.first else { return nil }
        first.others = Array(ordered.dropFirst())
        return first
    }

    /// Every problem of the run, this one first.
    public var all: [QuireError] { [withoutOthers] + others }

    private var withoutOthers: QuireError {
        var copy = self
        copy.others = []
        return copy
    }

    /// `file:line: field 'x': message. hint` — the form editors and CI logs can jump to; one
    /// such entry per problem when the run found several.
    public var description: String {
        all.map(\.single).joined(separator: "\n")
    }

    private var single: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "error: "
        if let field { text += "field '\(field)': " }
        text += message
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// A non-fatal note from a later phase, e.g. a keep-together rule that had to give up.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String

    public init(at location: SourceLocation?, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String {
        (location.map { "\($0): " } ?? "") + "warning: " + message
    }
}
