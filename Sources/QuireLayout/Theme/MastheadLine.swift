public import QuirePages

/// A line set above the header block, filled from the front matter: "Agenda Item No.
/// {agenda-item}", "Report of the {by.role}", "Committee Report". `{key}` is a text field's
/// value, `{by.name}` / `{by.role}` the first person's; a line whose fields are all missing is
/// left out.
public struct MastheadLine: Hashable, Sendable {
    public var text: String
    public var translations: LocalizedText?
    public var size: Double?
    public var bold = true
    public var color: Color?
    public var alignment = RunningText.Alignment.left
    public var textCase = TextCase.asWritten
    /// Space after the line.
    public var spaceAfter = 4.0

    public init(text: String) { self.text = text }
}
