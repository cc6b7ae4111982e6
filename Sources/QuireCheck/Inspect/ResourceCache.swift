import QuirePDFSyntax
/// Content resources looked up once per name: a form drawn thousands of times must not
/// cost a libqpdf lookup (each leaves a handle until the file closes) or a re-lex per `Do`.
final class ResourceCache {
    /// Whose resources: an indirect resource dictionary is shared, so it is the key; a
    /// direct one belongs to its page or form.
    enum Owner: Hashable {
        case object(Int), page(Int), form(Int)
    }

    /// A content stream lexed once.
    struct Content {
        var lexer: ContentLexer
        var operations: [ContentOperation]
        init(_ bytes: [UInt8]) { (lexer, operations) = ContentLexer.operations(bytes) }
    }

    struct Form {
        var id: Int
        var content: Content
        var structParents: Int?
        /// Nil when the form has none and uses those of whoever draws it.
        var resources: PDFObject?
    }

    enum XObject {
        case image, form(Form), other
    }

    private var fonts: [Owner: [String: FontTextDecoder]] = [:]
    private var fontsByObject: [Int: FontTextDecoder] = [:]
    private var xobjects: [Owner: [String: XObject]] = [:]
    private var forms: [Int: Form] = [:]

    static func owner(of resources: PDFObject?, else fallback: Owner) -> Owner {
        guard let id = resources?.objectID, id != 0 else { return fallback }
        return .object(id)
    }

    func font(_ name: String, in resources: PDFObject?, owner: Owner) -> FontTextDecoder {
        if let cached = fonts[owner]?[name] { return cached }
        var decoder = FontTextDecoder()
        if let font = resources?["Font"]?[name] {
            let id = font.objectID
            decoder = id != 0 ? fontsByObject[id] ?? FontTextDecoder(font: font) : FontTextDecoder(font: font)
            if id != 0 { fontsByObject[id] = decoder }
        }
        fonts[owner, default: [:]][name] = decoder
        return decoder
    }

    func xobject(_ name: String, in resources: PDFObject?, owner: Owner) -> XObject {
        if let cached = xobjects[owner]?[name] { return cached }
        var found = XObject.other
        if let xobject = resources?["XObject"]?[name] {
            let dictionary = xobject.dictionary
            switch dictionary["Subtype"]?.name {
            case "Image": found = .image
            case "Form" where xobject.objectID != 0: found = .form(form(xobject, dictionary))
            default: break
            }
        }
        xobjects[owner, default: [:]][name] = found
        return found
    }

    private func form(_ stream: PDFObject, _ dictionary: PDFObject) -> Form {
        if let cached = forms[stream.objectID] { return cached }
        let form = Form(id: stream.objectID, content: Content(stream.streamData ?? []),
                        structParents: dictionary["StructParents"]?.int, resources: dictionary["Resources"])
        forms[stream.objectID] = form
        return form
    }
}
