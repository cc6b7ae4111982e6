public import QuirePages

/// How the lead of a run-in heading is set. A paragraph whose first inline is bold text ending
/// in ":" or "." — `**Background:** The council…` — is a run-in heading: its lead stays in
/// the paragraph (and in its number, when paragraphs are numbered), styled by these keys.
public struct RunInStyle: Hashable, Sendable {
    public var bold = true
    public var italic = false
    /// nil: the body's colour.
    public var color: Color?
    public var textCase = TextCase.asWritten

    /// Whether a lead set this way looks as the author's bold text does anyway.
    var isPlain: Bool { bold && !italic && color == nil && textCase == .asWritten }
}
