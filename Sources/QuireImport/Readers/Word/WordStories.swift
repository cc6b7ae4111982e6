import Foundation
import QuireModel

/// The stories around the body: footnotes and endnotes (read first, so references in the
/// body find their text), comments (set aside), and the page headers and footers (furniture,
/// where the protective marking is found).
extension WordContext {
    /// Reads `word/footnotes.xml` and `word/endnotes.xml` (as the document's relationships
    /// name them) into `notes`: each note's paragraphs as inlines, joined by line breaks.
    func readNotes(of document: String, relationships: WordRelationships) throws(QuireError) {
        for (type, element, prefix) in [("footnotes", "w:footnote", "f"), ("endnotes", "w:endnote", "e")] {
            for target in relationships.targets(ofType: type) {
                guard let root = try package.xml(target.target) else { continue }
                let reader = WordBlockReader(context: self, part: target.target, relationships: try WordRelationships(of: target.target, in: package),
                                             isBody: false)
                for note in root.children(element) {
                    guard let id = note["w:id"], note["w:type"] == nil || note["w:type"] == "normal" else { continue }
                    var inlines: [Inline] = []
                    for block in reader.readBlocks(note) {
                        guard case .paragraph(let p) = block else { continue }
                        if !inlines.isEmpty { inlines.append(.lineBreak) }
                        inlines += (p.marker.map { [.text($0 + " ")] } ?? []) + p.inlines
                    }
                    if case .text(let first)? = inlines.first { inlines[0] = .text(String(first.drop { $0 == " " || $0 == "\t" })) }
                    notes[prefix + id] = inlines
                }
            }
        }
    }

    /// Sets aside every comment's text (`word/comments.xml`), with its author: comments are
    /// no part of the paper, but the report shows what was dropped.
    func readComments(relationships: WordRelationships) throws(QuireError) {
        for target in relationships.targets(ofType: "comments") {
            guard let root = try package.xml(target.target) else { continue }
            for comment in root.children("w:comment") {
                let text = comment.descendants("w:t").map(\.text).joined()
                let author = comment["w:author"].map { " by \($0)" } ?? ""
                setAside(text, at: SourcePlace(line: 1), reason: "a comment\(author), dropped")
            }
        }
    }

    /// Reads every page header and footer as furniture, and returns the protective marking
    /// one of them carries ("OFFICIAL", "OFFICIAL-SENSITIVE"), alone on its line or as one of
    /// a line's tab-separated parts.
    func readHeadersAndFooters(relationships: WordRelationships) throws(QuireError) -> String? {
        var marking: String?
        for type in ["header", "footer"] {
            for target in relationships.targets(ofType: type) {
                guard let root = try package.xml(target.target) else { continue }
                let reader = WordBlockReader(context: self, part: target.target, relationships: try WordRelationships(of: target.target, in: package),
                                             isBody: false)
                let reason = "page \(type) (\(target.target))"
                let blocks = reader.readBlocks(root)
                for paragraph in paragraphs(of: blocks) {
                    let text = paragraph.text
                    if marking == nil {
                        marking = ([text] + text.components(separatedBy: "\t")).lazy.compactMap { protectiveMarkingText($0.trimmingCharacters(in: .whitespaces)) }.first
                    }
                    setAside(((paragraph.marker.map { $0 + " " }) ?? "") + text, at: SourcePlace(line: 1), reason: reason)
                }
                for image in images(of: blocks) {
                    setAside(image.alt.isEmpty ? "(a picture without alt text)" : image.alt, at: SourcePlace(line: 1), reason: "a picture in the \(reason) (a logo)")
                }
            }
        }
        return marking
    }

    private func paragraphs(of blocks: [ImportBlock]) -> [ImportParagraph] {
        blocks.flatMap { block -> [ImportParagraph] in
            switch block {
            case .paragraph(let p): [p]
            case .table(let t): t.rows.flatMap { $0.flatMap(\.paragraphs) }
            case .image: []
            }
        }
    }

    private func images(of blocks: [ImportBlock]) -> [ImportImage] {
        blocks.compactMap { if case .image(let image) = $0 { image } else { nil } }
    }
}
