import Foundation
import QuireModel

/// What walking a paragraph's runs gathers.
struct RunState {
    let place: SourcePlace
    /// The paragraph style's run formatting, which each run's own lies over.
    let base: RunFormat
    var pieces: [WordPiece] = []
    /// Images and text boxes met in the paragraph, as blocks.
    var blocks: [ImportBlock] = []
    /// Whether the first image came before any text.
    var imagesFirst = false
    /// Text shown by a page-number or contents field, set aside as furniture.
    var setAside = ""
    var setAsideReason = "a page number (a PAGE field)"
    /// Characters by point size.
    var sizes: [Double: Int] = [:]

    init(place: SourcePlace, base: RunFormat) {
        self.place = place
        self.base = base
    }

    /// The size most of the paragraph's characters are set in.
    var dominantSize: Double? { sizes.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key }

    func countSizes(into context: WordContext) {
        for (size, count) in sizes { context.characterSizes[size, default: 0] += count }
    }

    mutating func append(_ text: String, format: RunFormat, link: String?) {
        guard !text.isEmpty else { return }
        if case .text(let previous, let bold, let italic, let previousLink)? = pieces.last,
           bold == (format.bold ?? false), italic == (format.italic ?? false), previousLink == link {
            pieces[pieces.count - 1] = .text(previous + text, bold: bold, italic: italic, link: link)
        } else {
            pieces.append(.text(text, bold: format.bold ?? false, italic: format.italic ?? false, link: link))
        }
        let letters = text.filter { !$0.isWhitespace }.count
        if letters > 0, let size = format.size { sizes[size, default: 0] += letters }
    }

    mutating func addBlock(_ block: ImportBlock) {
        if blocks.isEmpty, pieces.plainText.trimmingCharacters(in: .whitespaces).isEmpty { imagesFirst = true }
        blocks.append(block)
    }
}

extension [WordPiece] {
    /// The note keys referred to, in order.
    var notes: [String] { compactMap { if case .note(let key) = $0 { key } else { nil } } }
}

extension WordBlockReader {
    /// Walks a paragraph's content: runs, hyperlinks, tracked insertions (kept) and deletions
    /// (dropped, set aside), fields, content controls, note references, drawings.
    func walkRuns(_ elements: [WordElement], link: String?, state: inout RunState) {
        for element in elements {
            switch element.name {
            case "w:r":
                readRun(element, link: link, state: &state)
            case "w:hyperlink":
                var target = link
                if let id = element["r:id"], let relationship = relationships[id], relationship.isExternal {
                    target = relationship.target
                } else if element["r:id"] == nil, element["w:anchor"] != nil {
                    target = nil  // a link to a bookmark in the document itself
                }
                walkRuns(element.children, link: target, state: &state)
            case "w:ins", "w:moveTo":
                if element.descendants("w:t").contains(where: { !$0.text.isEmpty }) {
                    context.notice(trackedInsertion, at: state.place)
                }
                walkRuns(element.children, link: link, state: &state)
            case "w:del", "w:moveFrom":
                let deleted = element.descendants("w:delText").map(\.text).joined() + element.descendants("w:t").map(\.text).joined()
                if !deleted.trimmingCharacters(in: .whitespaces).isEmpty {
                    context.notice(trackedDeletion, at: state.place)
                    context.setAside(deleted, at: state.place, reason: "a tracked deletion, dropped as the document shows it")
                }
            case "w:fldSimple":
                var field = WordField(instruction: element["w:instr"] ?? "", inResult: true)
                field.kind = WordField.kind(of: field.instruction)
                fields.append(field)
                walkRuns(element.children, link: link, state: &state)
                fields.removeLast()
            case "w:smartTag", "w:customXml", "w:dir", "w:bdo":
                walkRuns(element.children, link: link, state: &state)
            case "w:sdt":
                walkRuns(element.child("w:sdtContent")?.children ?? [], link: link, state: &state)
            case "mc:AlternateContent":
                walkRuns(alternative(element)?.children ?? [], link: link, state: &state)
            case "m:oMath", "m:oMathPara":
                // An equation: its text, so no word of it is lost.
                state.append(element.descendants("m:t").map(\.text).joined(), format: state.base, link: link)
            case "w:commentRangeStart", "w:commentRangeEnd", "w:bookmarkStart", "w:bookmarkEnd", "w:proofErr", "w:permStart", "w:permEnd":
                break
            default:
                break
            }
        }
    }

    /// One `w:r`: its text in its formatting, tabs and breaks, note references, drawings,
    /// and the field characters that open and close fields.
    private func readRun(_ run: WordElement, link: String?, state: inout RunState) {
        let rPr = run.child("w:rPr")
        let styled = context.styles.runFormat(characterStyle: rPr?.child("w:rStyle")?["w:val"], over: state.base)
        let format = RunFormat(rPr).over(styled)
        for child in run.children {
            switch child.name {
            case "w:fldChar":
                switch child["w:fldCharType"] {
                case "begin": fields.append(WordField())
                case "separate":
                    if var field = fields.popLast() {
                        field.inResult = true
                        field.kind = WordField.kind(of: field.instruction)
                        fields.append(field)
                    }
                case "end": _ = fields.popLast()
                default: break
                }
            case "w:instrText":
                if var field = fields.popLast() {
                    if !field.inResult { field.instruction += child.text }
                    fields.append(field)
                }
            case "w:t":
                shown(child.text, format: format, link: link, state: &state)
            case "w:tab", "w:ptab":
                shown("\t", format: format, link: link, state: &state)
            case "w:br", "w:cr":
                // A page or column break ends nothing in the text; a line break is one.
                if child["w:type"] == nil || child["w:type"] == "textWrapping" {
                    if fields.contains(where: { !$0.inResult }) { continue }
                    state.pieces.append(.lineBreak)
                }
            case "w:noBreakHyphen":
                shown("-", format: format, link: link, state: &state)
            case "w:sym":
                if let code = child["w:char"].flatMap({ UInt32($0, radix: 16) }), let scalar = Unicode.Scalar(code) {
                    shown(bulletText(String(Character(scalar))) ?? "", format: format, link: link, state: &state)
                }
            case "w:footnoteReference", "w:endnoteReference":
                if let id = child["w:id"] { state.pieces.append(.note((child.name == "w:footnoteReference" ? "f" : "e") + id)) }
            case "w:commentReference":
                context.notice(commentDropped, at: state.place)
            case "w:drawing":
                readDrawing(child, state: &state)
            case "w:pict", "w:object":
                readVML(child, state: &state)
            case "mc:AlternateContent":
                if let branch = alternative(child) {
                    for inner in branch.children {
                        switch inner.name {
                        case "w:drawing": readDrawing(inner, state: &state)
                        case "w:pict", "w:object": readVML(inner, state: &state)
                        default: break
                        }
                    }
                }
            default:
                break
            }
        }
    }

    /// Text a run shows: kept, or set aside when hidden or the result of a page-number or
    /// contents field; nothing while a field's instruction is being read.
    private func shown(_ text: String, format: RunFormat, link: String?, state: inout RunState) {
        guard !fields.contains(where: { !$0.inResult }) else { return }
        if format.hidden == true {
            if !text.trimmingCharacters(in: .whitespaces).isEmpty {
                context.setAside(text, at: state.place, reason: "hidden text (Word's hidden font setting), never printed")
            }
            return
        }
        if isBody, let furniture = fields.lazy.compactMap({ field -> String? in
            switch field.kind {
            case .pageNumber: "a page number (a PAGE field)"
            case .contents: "a table of contents (a TOC field); Quire makes its own"
            default: nil
            }
        }).first {
            state.setAside += text
            state.setAsideReason = furniture
            return
        }
        var target = link
        for field in fields.reversed() {
            if case .hyperlink(let url) = field.kind, let url { target = url; break }
        }
        state.append(text, format: format, link: target)
    }
}

/// The warnings said once for the whole document, with a count.
let trackedInsertion = "a tracked insertion, kept: changes are read as the document shows them (accepted)"
let trackedDeletion = "a tracked deletion, dropped: changes are read as the document shows them (accepted); the report lists the deleted text"
let commentDropped = "a comment, dropped: comments are not part of the paper; the report lists them"
