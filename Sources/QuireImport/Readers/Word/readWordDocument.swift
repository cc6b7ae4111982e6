public import Foundation
public import QuireModel

/// Reads a Word document (.docx, and .dotx: any WordprocessingML package without macros) into the
/// import model: the body's paragraphs, tables and pictures in order, with what Word's styles
/// and numbering say of each (heading levels, the numbers and bullets it prints, indents),
/// footnotes at their references, the page headers and footers as furniture with the
/// protective marking they carry, and warnings for what is accepted or dropped (tracked
/// changes, comments, fields). Bad input is a `QuireError` saying what the file is and how
/// to make it a .docx: not a zip, a zip of something else, a macro-enabled .docm, an encrypted
/// document, a Word 97–2003 .doc, a zip bomb, a part with a DTD.
public func readWordDocument(_ data: Data, file: String) throws(QuireError) -> ImportDocument {
    switch WordFileKind(data) {
    case .compoundFile: throw compoundFileError(data, file: file)
    case .other: throw notAZipError(data, file: file)
    case .zip: break
    }
    let package = try WordPackage(data, file: file)
    let main = try mainDocumentPart(package)
    var warnings: [ImportWarning] = []
    let relationships = try WordRelationships(of: main.name, in: package)
    let styles = WordStyles(try relationships.targets(ofType: "styles").first.flatMap { target throws(QuireError) in try package.xml(target.target) })
    let numbering = WordNumbering(try relationships.targets(ofType: "numbering").first.flatMap { target throws(QuireError) in try package.xml(target.target) },
                                  styles: styles)
    let context = WordContext(file: file, package: package, styles: styles, numbering: numbering)
    try context.readNotes(of: main.name, relationships: relationships)
    guard let root = try package.xml(main.name), root.name == "w:document" else {
        throw QuireError(.invalidValue, at: nil, field: main.name, "'\(file)' has no document body (\(main.name) is missing or is not a Word document part)",
                         hint: "the file is damaged; open it in Word or LibreOffice and save it again as a Word document (.docx)")
    }
    let reader = WordBlockReader(context: context, part: main.name, relationships: relationships, isBody: true)
    var blocks = root.child("w:body").map(reader.readBlocks) ?? []
    if !reader.fields.isEmpty {
        context.notice("a field that never ends (its end mark is missing); the text after it is read as shown", at: SourcePlace(line: reader.paragraphCount))
    }
    try context.readComments(relationships: relationships)
    let marking = try context.readHeadersAndFooters(relationships: relationships)
    scaleSizes(&blocks, bodySize: context.characterSizes.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? styles.defaultRun.size ?? 10)

    for notice in context.notices {
        let count = notice.count > 1 ? " (\(notice.count) times; the first here)" : ""
        warnings.append(ImportWarning(file: file, line: notice.place.line, message: notice.message + count))
    }
    var properties = try readCoreProperties(package)
    properties.language = styles.language ?? properties.language
    return ImportDocument(file: file, blocks: blocks, furniture: context.furniture, marking: marking, warnings: warnings, properties: properties)
}

/// Turns each paragraph's point size (what the block reader recorded) into its ratio to the
/// body's size, cells included.
private func scaleSizes(_ blocks: inout [ImportBlock], bodySize: Double) {
    func scale(_ p: inout ImportParagraph) { p.sizeRatio = bodySize > 0 ? (p.sizeRatio / bodySize * 100).rounded() / 100 : 1 }
    for index in blocks.indices {
        switch blocks[index] {
        case .paragraph(var p):
            scale(&p)
            blocks[index] = .paragraph(p)
        case .table(var table):
            for r in table.rows.indices {
                for c in table.rows[r].indices {
                    for k in table.rows[r][c].paragraphs.indices { scale(&table.rows[r][c].paragraphs[k]) }
                }
            }
            blocks[index] = .table(table)
        case .image: break
        }
    }
}
