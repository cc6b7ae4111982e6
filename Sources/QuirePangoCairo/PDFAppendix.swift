import CPangoCairo
import CPopplerGlib
import Foundation
public import QuirePages

/// Why an existing PDF cannot be used as an appendix. The description reads after the file's
/// name ("appendix.pdf is encrypted; …").
public enum PDFAppendixProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a PDF, damaged or truncated beyond repair, or missing; poppler's message.
    case unreadable(String)
    /// Needs a password, or restricts what may be done with it.
    case encrypted
    case empty

    public var description: String {
        switch self {
        case .unreadable(let message): "cannot be read as a PDF (\(message))"
        case .encrypted: "is encrypted; appendices must be unencrypted PDFs — save a copy without a password"
        case .empty: "has no pages"
        }
    }
}

/// The size in points of each page of the PDF at `path`, or why it cannot be an appendix.
public func readPDFAppendix(_ path: String) -> Result<[Size], PDFAppendixProblem> {
    openPDFDocument(path).flatMap { document in
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        let count = Int(poppler_document_get_n_pages(document))
        guard count > 0 else { return .failure(.empty) }
        var sizes: [Size] = []
        for index in 0..<count {
            guard let page = poppler_document_get_page(document, Int32(index)) else {
                return .failure(.unreadable("page \(index + 1) cannot be read"))
            }
            sizes.append(pageSize(page))
            g_object_unref(UnsafeMutableRawPointer(page))
        }
        return .success(sizes)
    }
}

/// Whether the PDF at `path` has a structure tree (a tagged PDF): an untagged one reaches a
/// screen reader as text in the file's drawing order, without headings, lists or tables.
public func isTaggedPDF(_ path: String) -> Bool {
    guard case .success(let document) = openPDFDocument(path) else { return false }
    defer { g_object_unref(UnsafeMutableRawPointer(document)) }
    guard let iterator = poppler_structure_element_iter_new(document) else { return false }
    poppler_structure_element_iter_free(iterator)
    return true
}

/// Opens a PDF with poppler; the caller owns (and unrefs) the document.
func openPDFDocument(_ path: String) -> Result<OpaquePointer, PDFAppendixProblem> {
    let absolute = URL(fileURLWithPath: path).path  // poppler wants a file URI, which must be absolute
    var error: UnsafeMutablePointer<GError>?
    guard let uri = g_filename_to_uri(absolute, nil, &error) else { return .failure(problem(from: error)) }
    defer { g_free(uri) }
    guard let document = poppler_document_new_from_file(uri, nil, &error) else { return .failure(problem(from: error)) }
    // A document that opens without a password may still be encrypted to restrict copying or
    // changing it; poppler would draw it anyway, but we must not republish it.
    guard poppler_document_get_permissions(document) == POPPLER_PERMISSIONS_FULL else {
        g_object_unref(UnsafeMutableRawPointer(document))
        return .failure(.encrypted)
    }
    guard poppler_document_get_n_pages(document) > 0 else {
        g_object_unref(UnsafeMutableRawPointer(document))
        return .failure(.empty)
    }
    return .success(document)
}

func pageSize(_ page: OpaquePointer) -> Size {
    var width = 0.0, height = 0.0
    poppler_page_get_size(page, &width, &height)
    return Size(width: width, height: height)
}

/// Turns (and frees) a GError from poppler or GLib into a problem.
private func problem(from error: UnsafeMutablePointer<GError>?) -> PDFAppendixProblem {
    guard let error else { return .unreadable("unknown error") }
    defer { g_error_free(error) }
    if error.pointee.domain == poppler_error_quark(), error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
        return .encrypted
    }
    return .unreadable(error.pointee.message.map { String(cString: $0) } ?? "unknown error")
}

/// The appendices one canvas draws from, each opened once (parsing a PDF and loading its
/// fonts is the costly part) and released when the canvas finishes.
final class PDFDocumentCache {
    private var documents: [String: Result<OpaquePointer, PDFAppendixProblem>] = [:]

    struct Failure: Error { var message: String }

    /// Page `index` of the PDF at `path` (the caller unrefs it), or why there is none.
    func page(_ path: String, index: Int) -> Result<OpaquePointer, Failure> {
        let opened = documents[path] ?? openPDFDocument(path)
        documents[path] = opened
        switch opened {
        case .failure(let problem):
            return .failure(Failure(message: "appendix \(path) \(problem)"))
        case .success(let document):
            guard index >= 0, index < Int(poppler_document_get_n_pages(document)),
                  let page = poppler_document_get_page(document, Int32(index)) else {
                return .failure(Failure(message: "appendix \(path) has no page \(index + 1)"))
            }
            return .success(page)
        }
    }

    /// Releases every open document.
    func close() {
        for case .success(let document) in documents.values { g_object_unref(UnsafeMutableRawPointer(document)) }
        documents.removeAll()
    }

    deinit { close() }
}
