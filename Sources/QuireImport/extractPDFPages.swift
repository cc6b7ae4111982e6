import CPopplerGlib
import Foundation
import QuireModel

/// One line of text on a PDF page, with where it sits (points from the page's top left).
struct PDFLine: Sendable, Equatable {
    /// 1-based, counting the lines poppler extracts from page 1 on (blank lines included,
    /// furniture too), so one number finds a line in the whole document; warnings add the page.
    var number: Int
    var text: String
    var top: Double
    var bottom: Double
    var left: Double
    var right: Double
}

struct PDFPageText: Sendable, Equatable {
    var number: Int
    var height: Double
    var lines: [PDFLine]
}

/// The text of every page in poppler's reading order, line by line with each line's box.
/// The boxes let `cleanLines` find furniture by position and paragraph gaps by spacing,
/// neither of which survives in the plain text.
func extractPDFPages(_ data: Data, file: String) throws(QuireError) -> [PDFPageText] {
    let unreadable = { (why: String) in
        QuireError(.encoding, at: SourceLocation(file: file, line: 1), "the file cannot be read as a PDF (\(why))",
                   hint: "import the paper's plain-text export instead, or save the PDF again from its source")
    }
    var error: UnsafeMutablePointer<GError>?
    let bytes = data.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
    defer { g_bytes_unref(bytes) }
    guard let document = poppler_document_new_from_bytes(bytes, nil, &error) else {
        let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
        if let error { g_error_free(error) }
        throw unreadable(message)
    }
    defer { g_object_unref(UnsafeMutableRawPointer(document)) }
    let count = Int(poppler_document_get_n_pages(document))
    guard count > 0 else { throw unreadable("it has no pages") }
    var pages: [PDFPageText] = []
    var nextLine = 1
    for index in 0..<count {
        guard let page = poppler_document_get_page(document, Int32(index)) else { throw unreadable("page \(index + 1) cannot be read") }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        let lines = pageLines(page, firstNumber: nextLine)
        nextLine += lines.count
        pages.append(PDFPageText(number: index + 1, height: height, lines: lines))
    }
    return pages
}

/// Splits a page's text into lines and gives each the union box of its characters.
private func pageLines(_ page: OpaquePointer, firstNumber: Int) -> [PDFLine] {
    guard let raw = poppler_page_get_text(page) else { return [] }
    defer { g_free(raw) }
    let characters = Array(String(cString: raw).unicodeScalars)
    var rectangles: UnsafeMutablePointer<PopplerRectangle>?
    var rectangleCount: guint = 0
    let hasLayout = poppler_page_get_text_layout(page, &rectangles, &rectangleCount) != 0
    defer { g_free(rectangles) }
    // poppler gives one box per character of the text; if that ever fails to hold, keep the
    // text and give up on positions (furniture is then found by repetition alone).
    let boxes = hasLayout && Int(rectangleCount) == characters.count ? rectangles : nil

    var lines: [PDFLine] = []
    var text = String.UnicodeScalarView()
    var box: (top: Double, bottom: Double, left: Double, right: Double)?
    func finish() {
        let b = box ?? (0, 0, 0, 0)
        lines.append(PDFLine(number: firstNumber + lines.count, text: String(text), top: b.top, bottom: b.bottom, left: b.left, right: b.right))
        text = String.UnicodeScalarView()
        box = nil
    }
    for (index, character) in characters.enumerated() {
        if character == "\n" { finish(); continue }
        text.append(character)
        guard let boxes, !character.properties.isWhitespace else { continue }
        let r = boxes[index]
        let current = (top: min(r.y1, r.y2), bottom: max(r.y1, r.y2), left: min(r.x1, r.x2), right: max(r.x1, r.x2))
        box = box.map { (min($0.top, current.top), max($0.bottom, current.bottom), min($0.left, current.left), max($0.right, current.right)) } ?? current
    }
    if !text.isEmpty { finish() }
    return lines
}
