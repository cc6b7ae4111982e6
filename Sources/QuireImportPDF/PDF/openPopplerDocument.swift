import CPopplerGlib
import Foundation
public import QuireModel
import QuireImport

/// Opens a PDF with poppler from its bytes; the caller owns (and unrefs) the document.
/// A PDF that needs a password, that poppler cannot parse, or that has no pages is a located
/// error saying which, with what to do instead.
func openPopplerDocument(_ data: Data, file: String) throws(QuireError) -> OpaquePointer {
    let at = SourceLocation(file: file, line: 1)
    var error: UnsafeMutablePointer<GError>?
    let bytes = data.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
    defer { g_bytes_unref(bytes) }
    guard let document = poppler_document_new_from_bytes(bytes, nil, &error) else {
        let encrypted = error.map { $0.pointee.domain == poppler_error_quark() && $0.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) } ?? false
        let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
        if let error { g_error_free(error) }
        if encrypted {
            throw QuireError(.encoding, at: at, "the PDF is encrypted: it needs a password to open",
                             hint: "save a copy without a password (or import the paper's text export) and import that")
        }
        throw QuireError(.encoding, at: at, "the file cannot be read as a PDF (\(message))",
                         hint: "import the paper's plain-text export instead, or save the PDF again from its source")
    }
    guard poppler_document_get_n_pages(document) > 0 else {
        g_object_unref(UnsafeMutableRawPointer(document))
        throw QuireError(.encoding, at: at, "the file cannot be read as a PDF (it has no pages)",
                         hint: "import the paper's plain-text export instead, or save the PDF again from its source")
    }
    return document
}
