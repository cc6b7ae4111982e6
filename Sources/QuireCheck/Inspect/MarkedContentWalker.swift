import QuirePDFSyntax
/// Walks every page's content, and the forms it draws, once, for two answers: whether each
/// drawing operation is tagged (in marked content whose MCID the /ParentTree maps), an
/// artifact, or neither; and what text each marked-content id shows.
final class MarkedContentWalker {
    private struct Scope {
        var page: Int
        var stream: Int
        var structParents: Int?
        var resources: PDFObject?
        var owner: ResourceCache.Owner
        var outer: Mark
        var forms: [Int]
    }

    /// A form drawn again on the same page in the same state adds the same counts and the
    /// same text to the enclosing sequence: replayed, nested forms cost one walk each.
    private struct Visit: Hashable {
        var form: Int, page: Int, artifact: Bool, tagged: Bool, showsText: Bool
        /// Whose resources a form without its own uses.
        var borrowed: ResourceCache.Owner?
    }

    private struct Replay {
        var counts: Counts
        var operations: Int
        var text: String
    }

    private(set) var texts: [Key: String] = [:]
    private(set) var counts = Counts()
    private(set) var stoppedEarly = false
    private let parentTree: ParentTree
    private let resources = ResourceCache()
    /// Operations left before giving up on content too large (or too repetitive) to walk.
    private var budget: Int
    private var visits: [Visit: Replay] = [:]
    /// Text kept in all, in UTF-8 bytes: replayed forms could otherwise grow it without bound.
    private var textRoom = 64 << 20

    init(parentTree: ParentTree, budget: Int = 20_000_000) {
        self.parentTree = parentTree
        self.budget = budget
    }

    func walk(pages: [PDFObject]) {
        for (index, page) in pages.enumerated() where !stoppedEarly {
            var bytes: [UInt8] = []
            for stream in page["Contents"]?.asList ?? [] {
                bytes += stream.streamData ?? []
                bytes.append(0x0A)  // streams of one page join as one, split anywhere between tokens
            }
            let pageResources = inheritedPageAttribute("Resources", of: page)
            run(ResourceCache.Content(bytes), Scope(
                page: index, stream: 0, structParents: page["StructParents"]?.int, resources: pageResources,
                owner: ResourceCache.owner(of: pageResources, else: .page(index)), outer: Mark(), forms: []))
        }
    }

    private func run(_ content: ResourceCache.Content, _ scope: Scope) {
        let lexer = content.lexer, bytes = lexer.bytes
        var marks: [Mark] = []
        var cursor = TextCursor()
        var font = FontTextDecoder()
        for operation in content.operations {
            budget -= 1
            if budget < 0 { stoppedEarly = true; return }
            let op = lexer.text(operation.op)
            let state = marks.last ?? scope.outer
            switch op {
            case "BMC", "BDC":
                let properties = MarkedContentProperties(operation.operands, in: bytes, resources: scope.resources)
                marks.append(mark(properties, outer: state, scope))
            case "EMC":
                guard let ended = marks.popLast() else { break }
                if let text = ended.actualText, let key = ended.key, !(marks.last ?? scope.outer).suppressed {
                    append(text, to: key, space: false)
                }
            case "Tf", "BT", "Tm", "Td", "TD", "T*":
                if op == "Tf", let name = operation.operands.first.flatMap({ TokenValues.name($0, in: bytes) }) {
                    font = resources.font(name, in: scope.resources, owner: scope.owner)
                }
                cursor.apply(op, operation.operands.compactMap { TokenValues.number($0, in: bytes) })
            case "Tj", "TJ", "'", "\"":
                cursor.apply(op, [])
                count(state, page: scope.page)
                let space = cursor.spaceBeforeShowing()
                let text = cursor.show(operation, op == "TJ", bytes, font)
                guard let key = state.key, !state.suppressed else { break }
                append(text, to: key, space: space)
            case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "BI":
                count(state, page: scope.page)
            case "Do":
                guard let name = operation.operands.last.flatMap({ TokenValues.name($0, in: bytes) }) else { break }
                switch resources.xobject(name, in: scope.resources, owner: scope.owner) {
                case .image: count(state, page: scope.page)
                case .form(let form): draw(form, state, scope)
                case .other: break
                }
            default: break
            }
        }
    }

    /// The state inside a new BMC/BDC.
    private func mark(_ properties: MarkedContentProperties, outer: Mark, _ scope: Scope) -> Mark {
        var mark = outer
        mark.actualText = nil
        if let mcid = properties.mcid {
            let mapped = parentTree.maps(structParents: scope.structParents, mcid: mcid)
            if !mapped && !properties.isArtifact { counts.unmappedIDs += 1 }
            mark.tagged = outer.tagged || mapped
            mark.key = Key(page: scope.page, stream: scope.stream, mcid: mcid)
        }
        if properties.isArtifact {
            mark.artifact = true
            mark.key = nil
        }
        if let actualText = properties.actualText, mark.key != nil {
            mark.actualText = actualText
            mark.suppressed = true
        }
        return mark
    }

    /// A form's content, walked in the marked-content state of its `Do`.
    private func draw(_ form: ResourceCache.Form, _ state: Mark, _ scope: Scope) {
        guard scope.forms.count < inspectionMaxDepth, !scope.forms.contains(form.id) else { return }
        let destination = state.suppressed ? nil : state.key
        let visit = Visit(form: form.id, page: scope.page, artifact: state.artifact, tagged: state.tagged,
                          showsText: destination != nil, borrowed: form.resources == nil ? scope.owner : nil)
        if let replay = visits[visit] {
            counts.add(replay.counts)
            if let destination, !replay.text.isEmpty {
                budget -= replay.operations  // text repeats cost what walking would have
                if budget < 0 { stoppedEarly = true; return }
                append(replay.text, to: destination, space: false)
            }
            return
        }
        let before = (counts: counts, budget: budget, text: destination.flatMap { texts[$0]?.utf8.count } ?? 0)
        var outer = state
        outer.actualText = nil
        run(form.content, Scope(
            page: scope.page, stream: form.id, structParents: form.structParents, resources: form.resources ?? scope.resources,
            owner: form.resources == nil ? scope.owner : ResourceCache.owner(of: form.resources, else: .form(form.id)),
            outer: outer, forms: scope.forms + [form.id]))
        guard !stoppedEarly else { return }
        let shown = destination.flatMap { texts[$0] }.map { String(decoding: $0.utf8.dropFirst(before.text), as: UTF8.self) }
        visits[visit] = Replay(counts: counts.minus(before.counts), operations: before.budget - budget, text: shown ?? "")
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

    private func append(_ text: String, to key: Key, space: Bool) {
        let piece = space ? " " + text : text
        guard textRoom >= piece.utf8.count else { return }
        textRoom -= piece.utf8.count
        texts[key, default: ""] += piece
    }
}
