/// A layout text given in several languages, `{en-GB: "Date:", cy: "Dyddiad:"}`, in the order
/// the layout wrote them. A paper's `language:` picks one; a text written once ("Date /
/// Dyddiad:") is the same in every language.
public struct LocalizedText: Hashable, Sendable {
    /// One language's text.
    public struct Entry: Hashable, Sendable {
        public var language: String
        public var text: String
        public init(language: String, text: String) {
            self.language = language
            self.text = text
        }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry]) { self.entries = entries }

    /// The text for `language`: the same tag, else the same primary language (`cy` for `cy-GB`),
    /// else `fallback`'s (the layout's own language), else the first given.
    public func text(for language: String, fallback: String) -> String {
        func primary(_ tag: String) -> String { String(tag.lowercased().split(separator: "-").first ?? "") }
        for wanted in [language, fallback] {
            if let exact = entries.first(where: { $0.language.lowercased() == wanted.lowercased() }) { return exact.text }
            if let near = entries.first(where: { primary($0.language) == primary(wanted) }) { return near.text }
        }
        return entries.first?.text ?? ""
    }
}

/// How a label or lead is cased: as the layout or author wrote it, or in capitals.
public enum TextCase: String, Hashable, Sendable, CaseIterable {
    case asWritten = "as-written"
    case upper
    case lower

    /// `text` in this case.
    public func apply(_ text: String) -> String {
        switch self {
        case .asWritten: text
        case .upper: text.uppercased()
        case .lower: text.lowercased()
        }
    }
}
