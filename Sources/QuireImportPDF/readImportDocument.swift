public import Foundation
public import QuireImport
public import QuireModel

/// Reads a paper into the import document, by what its bytes are: a Word document (a .docx
/// package, or a name saying Word) through `readWordDocument`, a PDF (its `%PDF-` header)
/// through the PDF route (`readPDFDocument`), anything else as a UTF-8 text export
/// (`readTextDocument`). Bad input is a located error saying what the file is and what to
/// import instead: not UTF-8, a Word 97 file, an encrypted or broken PDF.
public func readImportDocument(_ data: Data, file: String) throws(QuireError) -> ImportDocument {
    // A Word document is known by its bytes (a zip, or an old Office file to refuse) or its name.
    if WordFileKind.readsAsWord(data, file: file) {
        return try readWordDocument(data, file: file)
    }
    // The header may follow a few bytes of junk (PDF 32000-1, 7.5.2 allows readers to look on).
    if data.prefix(1024).range(of: Data("%PDF-".utf8)) != nil {
        return try readPDFDocument(data, file: file)
    }
    return readTextDocument(try decodeTextExport(data, file: file), file: file)
}
