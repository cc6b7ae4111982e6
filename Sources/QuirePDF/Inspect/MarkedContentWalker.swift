/// Walks every page's content, and the forms it draws, once, for two answers: whether each
/// drawing operation is tagged (in marked content whose MCID the /ParentTree maps), an
/// artifact, or neither; and what text each marked-content id shows.
final class MarkedContentWalker {
    /// Marked content on a page: `stream` is 0 for the page's own content, else the object
    /// number of the form XObject holding it (what a structure element's MCR /Stm names).
    struct Key: Hashable {
        var page: Int
        var stream: Int
        var mcid: Int
    }

    struct Counts {
        var tagged = 0, artifact = 0, untagged = 0
        var firstUntaggedPage: Int?
        var unmappedIDs = 0
    }

    /// The marked-content state inside one BMC/BDC, folded with every enclosing one, so
    /// each operation asks only the innermost.
    struct Mark {
        var artifact = false
        var tagged = false
        var key: Key?
        /// Inside a sequence whose /ActualText replaces the text shown.
        var suppressed = false
        var actualText: String?
    }

    private struct Scope {
        var page: Int
        var stream: Int
        var structParents: Int?
        var resources: PDFObject?
        var outer: Mark
        var forms: [Int]
    }

    private(set) var texts: [Key: String] = [:]
    private(set) var counts = Counts()
    private(set) var stoppedEarly = false
    private let parentTree: ParentTree
    /// Operations left before giving up: forms drawing forms can multiply work without bound.
    private var budget: Int
    private var decoders: [Int: FontTextDecoder] = [:]
    private var formBytes: [Int: [UInt8]] = [:]

    init(parentTree: ParentTree, budget: Int = 20_000_000) {
        self.parentTree = parentTree
        self.budget = budget
    }

    func walk(pages: [PDFObject]) {
        for (index, page) in pages.enumerated() where !stoppedEarly {
            var bytes: [UInt8] = []
            for stream in page["Contents"]?.asList ?? [] {
                bytes += stream.streamData ?? []
                bytes.append(0x0A)
            }
            let scope = Scope(page: index, stream: 0, structParents: page["StructParents"]?.int,
                              resources: inheritedPageAttribute("Resources", of: page), outer: Mark(), forms: [])
            run(bytes, scope)
        }
    }

    private func run(_ bytes: [UInt8], _ scope: Scope) {
        let (lexer, operations) = ContentLexer.operations(bytes)
        var marks: [Mark] = []
        var cursor = TextCursor()
        var font = FontTextDecoder()
        for operation in operations {
            budget -= 1
            if budget < 0 { stoppedEarly = true; return }
            let op = lexer.text(operation.op)
            let state = marks.last ?? scope.outer
            switch op {
            case "BMC", "BDC":
                marks.append(mark(operation.operands, in: bytes, outer: state, scope))
            case "EMC":
                guard let ended = marks.popLast() else { break }
                if let text = ended.actualText, let key = ended.key, !(marks.last ?? scope.outer).suppressed {
                    append(text, to: key, space: false)
                }
            case "Tf":
                if let name = operation.operands.first.flatMap({ TokenValues.name($0, in: bytes) }) {
                    font = decoder(scope.resources?["Font"]?[name])
                }
            case "BT", "Tm", "Td", "TD", "T*":
                cursor.apply(op, operation.operands.compactMap { TokenValues.number($0, in: bytes) })
            case "Tj", "TJ", "'", "\"":
                cursor.apply(op, [])
                count(state, page: scope.page)
                let space = cursor.spaceBeforeShowing()
                guard let key = state.key, !state.suppressed else { break }
                append(shownText(operation, op == "TJ", bytes, font), to: key, space: space)
            case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "BI":
                count(state, page: scope.page)
            case "Do":
                guard let name = operation.operands.last.flatMap({ TokenValues.name($0, in: bytes) }),
                      let xobject = scope.resources?["XObject"]?[name] else { break }
                drawXObject(xobject, state, scope)
            default: break
            }
        }
    }

    /// The state inside a new BMC/BDC: tag first, then properties inline or by resource name.
    private func mark(_ operands: [ContentToken], in bytes: [UInt8], outer: Mark, _ scope: Scope) -> Mark {
        let isArtifact = operands.first.flatMap { TokenValues.name($0, in: bytes) } == "Artifact"
        var mcid: Int?
        var actualText: String?
        if operands.count == 2, let name = TokenValues.name(operands[1], in: bytes),
           let properties = scope.resources?["Properties"]?[name] {
            mcid = properties["MCID"]?.int
            actualText = properties["ActualText"]?.text
        } else {
            for (i, token) in operands.enumerated().dropFirst() where i + 1 < operands.count {
                let value = operands[i + 1]
                switch TokenValues.name(token, in: bytes) {
                case "MCID": mcid = TokenValues.number(value, in: bytes).flatMap { Int(exactly: $0) }
                case "ActualText": actualText = TokenValues.textString(TokenValues.stringBytes(value, in: bytes))
                default: break
                }
            }
        }
        var mark = outer
        mark.actualText = nil
        if let mcid {
            let mapped = parentTree.maps(structParents: scope.structParents, mcid: mcid)
            if !mapped && !isArtifact { counts.unmappedIDs += 1 }
            mark.tagged = outer.tagged || mapped
            mark.key = Key(page: scope.page, stream: scope.stream, mcid: mcid)
        }
        if isArtifact {
            mark.artifact = true
            mark.key = nil
        }
        if let actualText, mark.key != nil {
            mark.actualText = actualText
            mark.suppressed = true
        }
        return mark
    }

    /// Images count as drawing; forms are walked with the marked-content state of the `Do`.
    private func drawXObject(_ xobject: PDFObject, _ state: Mark, _ scope: Scope) {
        let dictionary = xobject.dictionary
        switch dictionary["Subtype"]?.name {
        case "Image":
            count(state, page: scope.page)
        case "Form":
            let id = xobject.objectID
            guard scope.forms.count < inspectionMaxDepth, !scope.forms.contains(id) else { return }
            if id != 0, formBytes[id] == nil { formBytes[id] = xobject.streamData ?? [] }
            let bytes = id != 0 ? formBytes[id] ?? [] : xobject.streamData ?? []
            var outer = state
            outer.actualText = nil
            let inner = Scope(page: scope.page, stream: id, structParents: dictionary["StructParents"]?.int,
                              resources: dictionary["Resources"] ?? scope.resources, outer: outer, forms: scope.forms + [id])
            run(bytes, inner)
        default: break
        }
    }

    private func count(_ state: Mark, page: Int) {
        if state.artifact {
            counts.artifact += 1
        } else if state.tagged {
            counts.tagged += 1
        } else {
            counts.untagged += 1
            if counts.firstUntaggedPage == nil { counts.firstUntaggedPage = page + 1 }
        }
    }

    private func decoder(_ font: PDFObject?) -> FontTextDecoder {
        guard let font else { return FontTextDecoder() }
        let id = font.objectID
        if id != 0, let cached = decoders[id] { return cached }
        let decoder = FontTextDecoder(font: font)
        if id != 0 { decoders[id] = decoder }
        return decoder
    }

    /// The text of Tj, ', " (last operand) or TJ (strings, with wide gaps as spaces).
    private func shownText(_ operation: ContentOperation, _ isTJ: Bool, _ bytes: [UInt8], _ font: FontTextDecoder) -> String {
        guard isTJ else {
            return operation.operands.last.map { font.decode(TokenValues.stringBytes($0, in: bytes)) } ?? ""
        }
        var text = ""
        for token in operation.operands {
            if token.kind == .number, let gap = TokenValues.number(token, in: bytes), gap < -200 {
                text += " "
            } else if token.kind == .string || token.kind == .hexString {
                text += font.decode(TokenValues.stringBytes(token, in: bytes))
            }
        }
        return text
    }

    private func append(_ text: String, to key: Key, space: Bool) {
        texts[key, default: ""] += space ? " " + text : text
    }
}
