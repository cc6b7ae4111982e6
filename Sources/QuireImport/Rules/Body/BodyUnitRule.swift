import QuireModel

/// A body block as the rules first read it: a heading (with the section number it printed),
/// a paragraph (with its marker read), a table or an image.
enum BodyUnit {
    case heading(ImportParagraph, HeadingRead)
    case paragraph(ImportParagraph, Marker?)
    case table(ImportTable)
    case image(ImportImage)

    var place: SourcePlace {
        switch self {
        case .heading(let p, _), .paragraph(let p, _): p.place
        case .table(let t): t.place
        case .image(let i): i.place
        }
    }
}

/// Reads the body's blocks as units: which paragraphs are headings (`readHeading`), and each
/// other paragraph's marker.
func readBodyUnits(_ blocks: some Sequence<ImportBlock>, evidence: TypeEvidence) -> [BodyUnit] {
    blocks.map { block -> BodyUnit in
        switch block {
        case .paragraph(let p):
            if let heading = readHeading(p, evidence: evidence) { return .heading(p, heading) }
            return .paragraph(p, p.marker.flatMap(Marker.init))
        case .table(let t): return .table(t)
        case .image(let i): return .image(i)
        }
    }
}
