import Foundation
import QuireModel

/// What every part of one document is read against: the package, its styles and numbering,
/// the notes its references point at, and what the reader found to say (warnings, text set
/// aside) gathered across parts.
final class WordContext {
    let file: String
    let package: WordPackage
    let styles: WordStyles
    let numbering: WordNumbering
    /// Footnote and endnote texts by key ("f1", "e2"), read before the body.
    var notes: [String: [Inline]] = [:]
    var furniture: [SourceText] = []
    /// Things to warn about once each, with how often and where first.
    private(set) var notices: [(message: String, count: Int, place: SourcePlace)] = []
    /// Text in the current size, by point size: what body text is set in.
    var characterSizes: [Double: Int] = [:]

    init(file: String, package: WordPackage, styles: WordStyles, numbering: WordNumbering) {
        self.file = file
        self.package = package
        self.styles = styles
        self.numbering = numbering
    }

    /// Counts one occurrence of something worth a warning (`message` is the warning, said once
    /// for the whole document with its count and first place).
    func notice(_ message: String, at place: SourcePlace) {
        if let index = notices.firstIndex(where: { $0.message == message }) {
            notices[index].count += 1
        } else {
            notices.append((message, 1, place))
        }
    }

    /// Text set aside: not part of the paper's words, listed in the import report.
    func setAside(_ text: String, at place: SourcePlace, reason: String) {
        let tidied = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !tidied.isEmpty else { return }
        furniture.append(SourceText(text: tidied, place: place, reason: reason))
    }
}

/// A field (`w:fldChar` begin … separate … end, or `w:fldSimple`) as far as reading goes:
/// page numbers and tables of contents are furniture, a HYPERLINK field a link, any other
/// field (REF, DOCPROPERTY, SEQ, DATE) the text it shows.
struct WordField {
    enum Kind: Equatable {
        case pageNumber, contents, hyperlink(String?), shown
    }

    var instruction = ""
    /// Past `separate`: what follows is the field's shown result.
    var inResult = false
    var kind: Kind = .shown

    /// The kind the instruction gives (" PAGE ", " TOC \o "1-3" ", " HYPERLINK "https://…" ").
    static func kind(of instruction: String) -> Kind {
        let words = instruction.split(whereSeparator: \.isWhitespace)
        switch words.first?.uppercased() ?? "" {
        case "PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION": return .pageNumber
        case "TOC": return .contents
        case "HYPERLINK":
            // HYPERLINK "url" (a \l "bookmark" is a link inside the document: no address).
            if instruction.contains("\\l") { return .hyperlink(nil) }
            if let g = matchGroups(#"HYPERLINK\s+"([^"]+)""#, instruction) { return .hyperlink(g[0]) }
            return .hyperlink(words.count > 1 ? String(words[1]) : nil)
        default: return .shown
        }
    }
}
