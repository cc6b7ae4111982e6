/// A person in the "By:"/"From:" row.
public struct Person: Hashable, Sendable {
    public var name: String
    public var role: String?

    public init(name: String, role: String?) {
        self.name = name
        self.role = role
    }
}

/// An officer to contact about the paper.
public struct Contact: Hashable, Sendable {
    public var name: String
    public var role: String?
    public var phone: String?
    public var email: String?

    public init(name: String, role: String?, phone: String?, email: String?) {
        self.name = name
        self.role = role
        self.phone = phone
        self.email = email
    }
}

/// One of the author's own header rows (`fields:`), under the label as written.
public struct HeaderField: Hashable, Sendable {
    public var label: String
    public var value: [Inline]

    public init(label: String, value: [Inline]) {
        self.label = label
        self.value = value
    }
}
