/// One field's value, in the shape its `FrontMatterField.Kind` says.
public enum FieldValue: Hashable, Sendable {
    case text([Inline])
    case textList([[Inline]])
    case people([Person])
    case contacts([Contact])
    case date(CalendarDate)
    case name(String)
    case files([String])
    case rows([HeaderField])
    case numbering(NumberingOptions)

    /// The kind of field that holds such a value.
    public var kind: FrontMatterField.Kind {
        switch self {
        case .text: .text
        case .textList: .textList
        case .people: .people
        case .contacts: .contacts
        case .date: .date
        case .name: .name
        case .files: .files
        case .rows: .rows
        case .numbering: .numbering
        }
    }

    /// Whether the value says nothing (an empty list): such a field counts as absent.
    public var isEmpty: Bool {
        switch self {
        case .text(let t): t.isEmpty
        case .textList(let l): l.isEmpty
        case .people(let p): p.isEmpty
        case .contacts(let c): c.isEmpty
        case .date: false
        case .name(let n): n.isEmpty
        case .files(let f): f.isEmpty
        case .rows(let r): r.isEmpty
        case .numbering(let n): n.isEmpty
        }
    }
}
