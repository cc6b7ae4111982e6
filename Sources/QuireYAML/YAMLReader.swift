public import QuireModel
public import Yams

/// Typed access to the YAML of one document (a paper's front matter, a layout, a manifest, a
/// data file) that turns every shape mismatch into a `QuireError` located in that document.
public struct YAMLReader: Sendable {
    public let file: String
    /// Lines before the YAML text in the file (the opening `---` of front matter).
    public let lineOffset: Int
    /// What the document is called in messages ("the front matter", "the layout").
    public var document: String
    /// Aliases can make a small file expand into a huge tree (the "billion laughs"); cap the
    /// number of nodes we are willing to visit.
    public static let maxNodes = 20_000
    /// One value is at most a paragraph: Pango's line breaking grows faster than the text, so
    /// one huge value would take minutes to shape (the body's own paragraph limit).
    public static let maxScalarCharacters = 50_000

    public init(file: String, lineOffset: Int = 0, document: String = "the front matter") {
        self.file = file
        self.lineOffset = lineOffset
        self.document = document
    }

    /// No implicit tags: every reader takes a scalar's text and reads it as its field asks
    /// (a date, a number, a colour), never by Yams' guess of its type, so Yams' default
    /// resolver (a regular expression compiled per process and tried on every plain scalar)
    /// is work for nothing.
    static let resolver = Resolver.basic

    /// Parses the text into a node tree; nil for an empty document. Throws the first syntax
    /// error (with the line to fix and, for tabs and curly quotes, the cause) or a size limit.
    public func compose(_ yaml: String) throws(QuireError) -> Node? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, Self.resolver)
        } catch let error as YamlError {
            throw syntaxError(error, in: yaml).error
        } catch {
            throw QuireError(.yaml, at: SourceLocation(file: file, line: lineOffset + 1), "\(document) is not valid YAML: \(error)")
        }
        if let root { try checkSize(root) }
        return root
    }

    /// `compose`, going on past syntax errors so that one run reports them all: each error is
    /// added to `errors` and its line (with the indented lines continuing it) is blanked before
    /// trying again, so line numbers stay put, until the rest parses. A size limit ends the
    /// attempt. `blanked` gets the indented file lines that were blanked, which belonged to
    /// the value of the key above them: that key's value has had its error told already.
    public func composeRecovering(_ yaml: String, errors: inout [QuireError], blanked: inout Set<Int>) -> Node? {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<50 {
            let text = lines.joined(separator: "\n")
            do {
                let root = try Yams.compose(yaml: text, Self.resolver)
                if let root { try checkSize(root) }
                return root
            } catch let error as YamlError {
                let found = syntaxError(error, in: text)
                errors.append(found.error)
                // The line the error starts on, and the indented lines that continue it (an
                // unclosed quote's text): the lines after those are read again.
                guard lines.indices.contains(found.lines.lowerBound), !lines[found.lines.lowerBound].isEmpty else { return nil }
                var blank = [found.lines.lowerBound]
                while let next = blank.last.map({ $0 + 1 }), next <= found.lines.upperBound, lines.indices.contains(next),
                      lines[next].first?.isWhitespace ?? true {
                    blank.append(next)
                }
                for index in blank {
                    if lines[index].first?.isWhitespace == true { blanked.insert(lineOffset + index + 1) }
                    lines[index] = ""
                }
            } catch let error as QuireError {
                errors.append(error)
                return nil
            } catch {
                errors.append(QuireError(.yaml, at: SourceLocation(file: file, line: lineOffset + 1), "\(document) is not valid YAML: \(error)"))
                return nil
            }
        }
        return nil
    }

    /// Refuses trees too big (aliases expanded) or values too long to be one paragraph.
    private func checkSize(_ root: Node) throws(QuireError) {
        if count(root, budget: YAMLReader.maxNodes) < 0 {
            throw QuireError(.limit, at: SourceLocation(file: file, line: lineOffset + 1), "\(document) expands to more than \(YAMLReader.maxNodes) values",
                             hint: "remove YAML anchors and aliases (&name, *name); write each value out in full")
        }
        if let long = firstLongScalar(root) {
            throw QuireError(.limit, at: SourceLocation(file: file, line: line(of: long)),
                             "a value here is \(long.string?.count ?? 0) characters long; a field may hold at most \(YAMLReader.maxScalarCharacters)",
                             hint: "a header field holds a sentence or a short paragraph; put long text in the body")
        }
    }

    /// The first scalar too long to be one paragraph. Called once the node count is known to
    /// be bounded.
    /// Plain loops: the lazy `compactMap` chains over Yams' collections were generic types
    /// the runtime built on first use, 3.7% of a cold render (perf).
    private func firstLongScalar(_ node: Node) -> Node? {
        switch node {
        case .scalar(let scalar):
            // Characters never outnumber UTF-8 bytes, so most scalars are decided without counting.
            let text = scalar.string
            return text.utf8.count > YAMLReader.maxScalarCharacters && text.count > YAMLReader.maxScalarCharacters ? node : nil
        case .alias:
            return nil
        case .mapping(let m):
            for (key, value) in m {
                if let long = firstLongScalar(key) ?? firstLongScalar(value) { return long }
            }
            return nil
        case .sequence(let s):
            for value in s {
                if let long = firstLongScalar(value) { return long }
            }
            return nil
        }
    }

    /// Counts nodes down from `budget`; negative means over budget.
    private func count(_ node: Node, budget: Int) -> Int {
        var left = budget - 1
        switch node {
        case .scalar, .alias: break
        case .mapping(let m):
            for (k, v) in m where left >= 0 { left = count(v, budget: count(k, budget: left)) }
        case .sequence(let s):
            for v in s where left >= 0 { left = count(v, budget: left) }
        }
        return left
    }

    // MARK: - Locations and errors

    /// The file line a node starts on.
    public func line(of node: Node) -> Int { lineOffset + (node.mark?.line ?? 1) }

    public func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, line: line(of: node), column: node.mark?.column ?? 1)
    }

    public func error(_ kind: QuireError.Kind, _ node: Node, field: String?, _ message: String, hint: String? = nil) -> QuireError {
        QuireError(kind, at: location(of: node), field: field, message, hint: hint)
    }

    // MARK: - Scalars

    /// The text of a scalar; anything else is an error saying what was found.
    public func string(_ node: Node, field: String) throws(QuireError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error(.invalidValue, node, field: field, "expected text, found \(kindName(node))",
                        hint: "write the value on the same line after the colon, e.g. \(field): Some text")
        }
        return scalar.string
    }

    /// How a node reads in a message: "text", "a list", ….
    public func kindName(_ node: Node) -> String {
        switch node {
        case .scalar: "text"
        case .mapping: "a map of keys"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
