public import QuirePages

/// A protective marking (the Government Security Classifications' OFFICIAL,
/// OFFICIAL-SENSITIVE) centred at the top and foot of every page, from the paper's
/// `classification` or its own `protective-marking`, in the layout's form.
public struct MarkingStyle: Hashable, Sendable {
    /// Which front-matter field gives the marking.
    public enum Source: String, Hashable, Sendable, CaseIterable {
        case classification
        case protectiveMarking = "protective-marking"
    }
    public var enabled = false
    public var source = Source.classification
    /// The marking when the paper gives none (empty: then no marking).
    public var defaultMarking = ""
    /// How it is printed: `{marking}` is the value ("Protective marking: {marking}").
    public var form = "{marking}"
    public var textCase = TextCase.upper
    public var header = true
    public var footer = true
    public var size = 10.0
    public var bold = true
    public var color: Color?
    /// From the page's top (header) and bottom (footer) edge to the marking's baseline.
    public var distance = mm(8)
}
