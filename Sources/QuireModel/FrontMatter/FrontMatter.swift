/// The header block of a cover report, as written in the YAML front matter: each field's
/// value by its `FrontMatterField`, so equality, hashing and every reader follow the one
/// field registry.
public struct FrontMatter: Hashable, Sendable {
    private var values: [FrontMatterField: FieldValue] = [:]
    /// True when the author wrote `from:`; layouts may label the row "From:".
    public var byIsFrom = false
    /// Line of each field's key in the source (by `FrontMatterField.key`), for messages from
    /// later phases.
    public var lines: [String: Int] = [:]

    public init() {}

    /// A field's value; nil when absent. Setting a value of the wrong kind is a programming
    /// error; setting an empty one removes the field.
    public subscript(field: FrontMatterField) -> FieldValue? {
        get { values[field] }
        set {
            if let newValue { precondition(newValue.kind == field.kind, "\(field.key) holds \(field.kind), not \(newValue.kind)") }
            values[field] = newValue?.isEmpty == false ? newValue : nil
        }
    }

    /// Whether the paper gives the field.
    public func has(_ field: FrontMatterField) -> Bool { values[field] != nil }

    /// The line of a field's key, if the source gave it.
    public func line(of field: FrontMatterField) -> Int? { lines[field.key] }

    // MARK: - Typed access by kind

    /// A text field's inlines.
    public func text(_ field: FrontMatterField) -> [Inline]? {
        if case .text(let inlines)? = values[field] { return inlines }
        return nil
    }

    public mutating func setText(_ field: FrontMatterField, _ inlines: [Inline]?) { self[field] = inlines.map(FieldValue.text) }

    /// A text-list field's entries (empty when absent).
    public func textList(_ field: FrontMatterField) -> [[Inline]] {
        if case .textList(let entries)? = values[field] { return entries }
        return []
    }

    public var by: [Person] {
        get { if case .people(let p)? = values[.by] { p } else { [] } }
        set { self[.by] = .people(newValue) }
    }

    public var date: CalendarDate? {
        get { if case .date(let d)? = values[.date] { d } else { nil } }
        set { self[.date] = newValue.map(FieldValue.date) }
    }

    public var contact: [Contact] {
        get { if case .contacts(let c)? = values[.contact] { c } else { [] } }
        set { self[.contact] = .contacts(newValue) }
    }

    public var layout: String? {
        get { if case .name(let n)? = values[.layout] { n } else { nil } }
        set { self[.layout] = newValue.map(FieldValue.name) }
    }

    /// Data files (YAML or CSV) beside the paper, for figures, tables and charts.
    public var data: [String] {
        get { if case .files(let f)? = values[.data] { f } else { [] } }
        set { self[.data] = .files(newValue) }
    }

    /// The paper's own numbering options (empty: the layout's).
    public var numbering: NumberingOptions {
        get { if case .numbering(let n)? = values[.numbering] { n } else { NumberingOptions() } }
        set { self[.numbering] = .numbering(newValue) }
    }

    /// A name-kind field's value (`layout`, `language`, `imported-from`).
    public func name(_ field: FrontMatterField) -> String? {
        if case .name(let n)? = values[field] { return n }
        return nil
    }

    /// Further header rows a council uses, in the author's order.
    public var fields: [HeaderField] {
        get { if case .rows(let r)? = values[.fields] { r } else { [] } }
        set { self[.fields] = .rows(newValue) }
    }
}
