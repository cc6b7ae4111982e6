public import QuirePages

/// Footnotes at the foot of the page that refers to them (layout keys `notes.*`): smaller
/// type under a short rule, each note's number hung to the left of its text. Notes referred
/// to in a table are set under the table instead, as finance tables print them.
public struct NoteStyle: Hashable, Sendable {
    public var size = 9.0
    public var leading = 11.0
    /// Space between the body text and the rule above the notes.
    public var spaceAbove = 8.0
    /// Space between the rule and the first note, and between notes.
    public var spaceBetween = 3.0
    public var ruleLength = mm(40)
    public var ruleWidth = 0.5
    public var ruleColor = Color(red: 0.45, green: 0.45, blue: 0.45)
    /// How far a note's text stands in from its number.
    public var indent = 14.0
}
