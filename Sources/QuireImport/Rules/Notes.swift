import QuireModel

/// What the rules have to tell the author as they go: warnings at source places, and text
/// they took out on purpose (labels the layout prints itself, printed numbers Quire makes
/// from order, a date rewritten as ISO), which the word ledger counts as placed and the
/// import report lists.
struct Notes {
    let file: String
    private(set) var warnings: [ImportWarning] = []
    private(set) var dropped: [DroppedText] = []

    init(file: String) { self.file = file }

    mutating func warn(_ place: SourcePlace, _ message: String) {
        warnings.append(ImportWarning(file: file, line: place.line, message: message, page: place.page))
    }

    /// Records text removed on purpose, and why.
    mutating func drop(_ text: String, at place: SourcePlace, _ reason: DroppedText.Reason) {
        guard !text.allSatisfy(\.isWhitespace) else { return }
        dropped.append(DroppedText(text: tidiedText(text), place: place, reason: reason))
    }

    /// Text the rules wrote that the source's body and header did not have: the printed
    /// number a moved cross-reference now gives, a protective marking taken from the page
    /// furniture as the classification.
    private(set) var added: [String] = []

    /// Records text taken from the page furniture (which the ledger does not count) into a field.
    mutating func takeFromFurniture(_ text: String) { added.append(text) }

    /// Records a replacement: `old` out (for `reason`), `new` in.
    mutating func replace(_ old: String, with new: String, at place: SourcePlace, _ reason: DroppedText.Reason) {
        drop(old, at: place, reason)
        added.append(new)
    }

    mutating func append(_ other: [ImportWarning]) { warnings += other }
}

/// Text the import took out on purpose.
public struct DroppedText: Hashable, Sendable {
    public enum Reason: String, Hashable, Sendable {
        /// A header or contact label: the layout prints its own.
        case label = "label (the layout prints its own)"
        /// A printed paragraph, section or item number: Quire numbers from order.
        case number = "printed number (Quire numbers from order)"
        /// A date written in words, now `date:` in ISO form.
        case date = "date (now date: in ISO form)"
        /// A closing section's heading: the layout prints it from the front matter.
        case closingHeading = "closing section's heading (the layout prints it)"
        /// A cross-reference's number, now the number the output prints for its paragraph.
        case reference = "cross-reference renumbered with its paragraph"
    }

    public var text: String
    public var place: SourcePlace
    public var reason: Reason
}
