import CPopplerGlib
public import Foundation
public import QuireModel
public import QuireImport

/// A PDF read into the import document: each page's words with their boxes and fonts
/// (poppler-glib: `pageCharacters`, `groupLines`) and its ruling lines and boxes (libqpdf and
/// the content lexer: `readPageDrawing`), then the same geometry passes as a text export
/// (`readPages`), with tables drawn with rules read from their grid (`latticeTables`).
public func readPDFDocument(_ data: Data, file: String) throws(QuireError) -> ImportDocument {
    let (pages, warnings) = try readPDFPages(data, file: file)
    var document = readPages(pages, file: file)
    document.warnings += warnings
    return document
}

/// The PDF's pages as the geometry passes read them.
func readPDFPages(_ data: Data, file: String) throws(QuireError) -> ([ReadPage], [ImportWarning]) {
    let document = try openPopplerDocument(data, file: file)
    defer { g_object_unref(UnsafeMutableRawPointer(document)) }
    let drawings = QPDFReader(data)
    var warnings: [ImportWarning] = []
    if drawings == nil {
        warnings.append(ImportWarning(file: file, line: 1, message: "the PDF's drawing could not be read, so tables are found from the alignment of their text only"))
    }
    let count = Int(poppler_document_get_n_pages(document))
    var pages: [ReadPage] = []
    var nextLine = 1
    for index in 0..<count {
        guard let page = poppler_document_get_page(document, Int32(index)) else {
            throw QuireError(.encoding, at: SourceLocation(file: file, line: nextLine), "page \(index + 1) of the PDF cannot be read",
                             hint: "save the PDF again from its source, or import the paper's plain-text export")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        let lines = groupLines(pageCharacters(page), page: index + 1, firstLine: nextLine)
        nextLine += lines.count
        var read = ReadPage(number: index + 1, width: width, height: height, route: .pdf, lines: lines)
        if let drawings, index < drawings.pageCount, let drawing = readPageDrawing(drawings, page: index) {
            read.rules = drawing.rules
            read.boxes = drawing.boxes
        }
        pages.append(read)
    }
    return (pages, warnings)
}
