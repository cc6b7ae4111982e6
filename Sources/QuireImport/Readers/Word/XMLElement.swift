import Foundation
import QuireModel
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of a Word part, as Foundation's `XMLParser` reported it: names carry the
/// canonical prefix of their namespace (`w:p`, `r:id`, `wp:docPr`) whatever prefix the file
/// used, so readers never depend on how a writer spelt its namespaces.
final class WordElement {
    let name: String
    let attributes: [String: String]
    private(set) var children: [WordElement] = []
    /// Character data directly inside the element (`w:t`'s text); empty for most elements.
    fileprivate(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    fileprivate func append(_ child: WordElement) { children.append(child) }

    /// The first child named `name`.
    func child(_ name: String) -> WordElement? { children.first { $0.name == name } }

    /// Every child named `name`.
    func children(_ name: String) -> [WordElement] { children.filter { $0.name == name } }

    /// A chain of first children (`element.path("w:pPr", "w:numPr", "w:ilvl")`).
    func path(_ names: String...) -> WordElement? {
        var current: WordElement? = self
        for name in names { current = current?.child(name) }
        return current
    }

    /// Every descendant named `name`, in document order (the element itself excluded).
    func descendants(_ name: String) -> [WordElement] {
        var found: [WordElement] = []
        var stack = Array(children.reversed())
        while let next = stack.popLast() {
            if next.name == name { found.append(next) }
            stack.append(contentsOf: next.children.reversed())
        }
        return found
    }

    subscript(attribute: String) -> String? { attributes[attribute] }

    /// `w:val` as an integer.
    var intValue: Int? { self["w:val"].flatMap { Int($0) } }

    /// An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): on unless its value says off.
    var isOn: Bool {
        guard let value = self["w:val"]?.lowercased() else { return true }
        return !["0", "false", "off", "none"].contains(value)
    }
}

/// Namespace URIs to the prefix readers use, transitional and strict OOXML alike.
private let canonicalPrefixes: [String: String] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
    "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
    "http://purl.oclc.org/ooxml/officeDocument/relationships": "r",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "wp",
    "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing": "wp",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "a",
    "http://purl.oclc.org/ooxml/drawingml/main": "a",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "pic",
    "http://purl.oclc.org/ooxml/drawingml/picture": "pic",
    "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
    "http://schemas.openxmlformats.org/package/2006/relationships": "rel",
    "http://schemas.openxmlformats.org/package/2006/content-types": "ct",
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "cp",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingShape": "wps",
    "http://schemas.microsoft.com/office/word/2010/wordml": "w14",
    "urn:schemas-microsoft-com:vml": "v",
    "urn:schemas-microsoft-com:office:office": "o",
    "http://www.w3.org/XML/1998/namespace": "xml",
    "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
]

/// Reads one XML part into a tree. DTDs are refused before parsing (Word never writes one,
/// and an entity declared in one can expand a few bytes into gigabytes), external entities
/// are never resolved, and nesting deeper than `maxDepth` is refused.
func parseWordXML(_ data: Data, part: String, file: String) throws(QuireError) -> WordElement {
    if declaresDTD(data) {
        throw QuireError(.invalidValue, at: nil, field: part,
                         "'\(file)': the part \(part) declares a DTD (<!DOCTYPE …>); Word never writes one, and entities declared in one can expand without bound",
                         hint: "open the document in Word or LibreOffice and save it again as a Word document (.docx)")
    }
    let builder = TreeBuilder()
    let parser = XMLParser(data: data)
    parser.shouldResolveExternalEntities = false
    parser.shouldProcessNamespaces = false
    parser.shouldReportNamespacePrefixes = false
    parser.delegate = builder
    let parsed = parser.parse()
    if builder.tooDeep {
        throw QuireError(.limit, at: nil, field: part, "'\(file)': the part \(part) nests elements more than \(TreeBuilder.maxDepth) deep",
                         hint: "open the document in Word and save it again; a document nested this deep is not one Word wrote")
    }
    guard parsed, let root = builder.root else {
        let line = parser.lineNumber
        let reason = builder.failure ?? parser.parserError.map { "\(($0 as NSError).code)" } ?? "no root element"
        throw QuireError(.invalidValue, at: nil, field: part, "'\(file)': the part \(part) is not well-formed XML (line \(line): \(reason))",
                         hint: "the file is damaged; open it in Word or LibreOffice, which can often repair it, and save it again")
    }
    return root
}

/// Whether the bytes hold a document type declaration, in UTF-8 or UTF-16.
private func declaresDTD(_ data: Data) -> Bool {
    let marker = "<!DOCTYPE"
    let forms = [Data(marker.utf8), marker.data(using: .utf16LittleEndian)!, marker.data(using: .utf16BigEndian)!]
    return forms.contains { data.range(of: $0) != nil }
}

/// Builds the element tree from the parser's events, resolving prefixes to canonical ones
/// through the `xmlns` declarations in scope.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    static let maxDepth = 256
    var root: WordElement?
    var tooDeep = false
    var failure: String?
    private var stack: [WordElement] = []
    /// Prefix → URI, one dictionary per open element that declared any.
    private var scopes: [[String: String]] = [[:]]

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard stack.count < TreeBuilder.maxDepth else {
            tooDeep = true
            parser.abortParsing()
            return
        }
        var scope = scopes.last!
        for (key, value) in attributes {
            if key == "xmlns" { scope[""] = value } else if key.hasPrefix("xmlns:") { scope[String(key.dropFirst(6))] = value }
        }
        scopes.append(scope)
        var canonical: [String: String] = [:]
        for (key, value) in attributes where key != "xmlns" && !key.hasPrefix("xmlns:") {
            canonical[canonicalName(key, scope: scope, isAttribute: true)] = value
        }
        let element = WordElement(name: canonicalName(elementName, scope: scope, isAttribute: false), attributes: canonical)
        if let parent = stack.last { parent.append(element) } else if root == nil { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
        scopes.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if failure == nil { failure = "error \((parseError as NSError).code)" }
    }

    /// `x:name` with `x` resolved to its URI and the URI to its canonical prefix; an
    /// unprefixed attribute has no namespace and keeps its bare name.
    private func canonicalName(_ name: String, scope: [String: String], isAttribute: Bool) -> String {
        let parts = name.split(separator: ":", maxSplits: 1)
        let prefix = parts.count == 2 ? String(parts[0]) : ""
        let local = parts.count == 2 ? String(parts[1]) : name
        if prefix.isEmpty && isAttribute { return local }
        if prefix == "xml" { return "xml:" + local }
        guard let uri = scope[prefix] else { return name }
        let canonical = canonicalPrefixes[uri] ?? prefix
        return canonical.isEmpty ? local : canonical + ":" + local
    }
}
