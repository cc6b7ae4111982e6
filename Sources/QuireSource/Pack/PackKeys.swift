import QuireYAML
package import Yams

/// Every key the manifest accepts, per level. Anything else is refused with the nearest key
/// as a hint, because a misspelt `apendices:` would otherwise drop documents from the pack.
enum PackKeys {
    static let top = ["meeting", "layout", "first-page", "items"]
    static let meeting = ["committee", "date", "time", "venue", "chair", "membership", "contact", "alternative-formats"]
    static let item = ["number", "title", "paper", "pdf", "appendices", "exempt", "supplement"]
    static let appendix = ["title", "paper", "pdf", "exempt"]
}

/// One mapping of the manifest with its keys checked, each value reachable by name.
package struct PackFields {
    /// The mapping's field path: "" (the top), "meeting", "items[2]", "items[2].appendices[0]".
    package let path: String
    /// The mapping itself, where "missing key" errors point.
    package let node: Node
    package var entries: [String: (key: Node, value: Node)] = [:]

    package subscript(_ name: String) -> Node? { entries[name]?.value }

    package func key(_ name: String) -> Node? { entries[name]?.key }

    /// The field path of one of this mapping's keys, as errors and `PackManifest.lines` name it.
    package func path(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }
}

/// Hints shared by the manifest's readers.
enum PackHint {
    static let exempt = "name the paragraph of Part 1 of Schedule 12A to the Local Government Act 1972 that applies, 1 to 7, e.g. exempt: 3; leave 'exempt:' out of open items and appendices"
    static let path = "write the path from the folder holding pack.yaml, e.g. pdf: minutes-2017-07-20.pdf or paper: ../kscb-2016-17/paper.md; download documents from the web first"
    static let document = "use 'paper:' for a Quire source to typeset, or 'pdf:' for an existing PDF to include as it is"
    static let manifest = """
        write e.g.
            meeting:
              committee: Kent County Council
              date: 2017-10-19
            items:
              - number: 1
                title: Apologies for absence
        """
}
