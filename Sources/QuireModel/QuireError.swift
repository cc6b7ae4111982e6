/// A problem with what the user gave us (source, layout, options): never a crash, always a
/// message naming where it is, which field, and how to fix it.
public struct QuireError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of input went wrong; lets callers (CLI exit codes, HTTP status) react by kind.
    public enum Kind: String, Hashable, Sendable {
        case encoding, yaml, unknownField, missingField, invalidValue, markdown, emptyBody, layout, io, limit
        /// A render stopped at its deadline (the service's time limit): not the input's fault as such.
        case timeLimit
    }

    public var kind: Kind
    public var location: SourceLocation?
    public var field: String?
    public var message: String
    public var hint: String?

    public init(_ kind: Kind, at location: SourceLocation?, field: String? = nil, _ message: String, hint: String? = nil) {
        self.kind = kind
        self.location = location
        self.field = field
        self.message = message
        self.hint = hint
    }

    /// `file:line: field 'x': message. hint` — the form editors and CI logs can jump to.
    public var description: String {
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
