import CQPDF
import Foundation
import QuireImport

/// A PDF opened with libqpdf from its bytes, for what poppler-glib does not give: a page's
/// content stream (its drawing operators) and the form XObjects it draws. libqpdf reads any
/// PDF poppler does (object streams, cross-reference streams, every filter), which the
/// finisher's own reader (`CairoPDF`, for the PDFs cairo writes) is not meant to.
final class QPDFReader {
    private var data: qpdf_data?
    /// libqpdf reads from this buffer for as long as the document is open.
    private let buffer: UnsafeMutableBufferPointer<CChar>

    init?(_ bytes: Data) {
        buffer = .allocate(capacity: max(1, bytes.count))
        _ = bytes.copyBytes(to: UnsafeMutableRawBufferPointer(buffer))
        data = qpdf_init()
        qpdf_silence_errors(data)
        qpdf_set_suppress_warnings(data, QPDF_TRUE)
        guard qpdf_read_memory(data, "input.pdf", buffer.baseAddress, UInt64(bytes.count), "") & QPDF_ERRORS == 0 else { return nil }
        // Page attributes inherited from the page tree (/Resources, /MediaBox, /Rotate) onto each page.
        _ = qpdf_push_inherited_attributes_to_page(data)
    }

    deinit {
        if qpdf_has_error(data) == QPDF_TRUE { _ = qpdf_get_error(data) }
        qpdf_cleanup(&data)
        buffer.deallocate()
    }

    var pageCount: Int { Int(max(0, qpdf_get_num_pages(data))) }

    func page(_ index: Int) -> qpdf_oh { qpdf_get_page_n(data, index) }

    /// The page's visible box (/CropBox, else /MediaBox) as x0, y0, x1, y1 in PDF space.
    func visibleBox(_ page: qpdf_oh) -> (Double, Double, Double, Double)? {
        for key in ["/CropBox", "/MediaBox"] {
            let box = numbers(qpdf_oh_get_key(data, page, key))
            if box.count == 4 { return (min(box[0], box[2]), min(box[1], box[3]), max(box[0], box[2]), max(box[1], box[3])) }
        }
        return nil
    }

    func rotation(_ page: qpdf_oh) -> Int {
        let value = qpdf_oh_get_key(data, page, "/Rotate")
        return qpdf_oh_is_integer(data, value) == QPDF_TRUE ? Int(qpdf_oh_get_int_value(data, value)) : 0
    }

    /// The page's content streams, decoded and joined.
    func content(_ page: qpdf_oh) -> [UInt8]? {
        var pointer: UnsafeMutablePointer<UInt8>?
        var length = 0
        guard qpdf_oh_get_page_content_data(data, page, &pointer, &length) == 0, let pointer else { return nil }
        defer { free(pointer) }
        return Array(UnsafeBufferPointer(start: pointer, count: length))
    }

    /// A form XObject named in `resources` (a dictionary handle): its decoded content, its
    /// /Matrix and its own resources (or the caller's, when it has none). Nil for images and
    /// anything else.
    func form(named name: String, in resources: qpdf_oh) -> (content: [UInt8], matrix: [Double], resources: qpdf_oh)? {
        let xobjects = qpdf_oh_get_key(data, resources, "/XObject")
        guard qpdf_oh_is_dictionary(data, xobjects) == QPDF_TRUE else { return nil }
        let object = qpdf_oh_get_key(data, xobjects, name)
        guard qpdf_oh_is_stream(data, object) == QPDF_TRUE else { return nil }
        let dictionary = qpdf_oh_get_dict(data, object)
        guard qpdf_oh_is_name_and_equals(data, qpdf_oh_get_key(data, dictionary, "/Subtype"), "/Form") == QPDF_TRUE else { return nil }
        var pointer: UnsafeMutablePointer<UInt8>?
        var length = 0
        var filtered: QPDF_BOOL = QPDF_FALSE
        guard qpdf_oh_get_stream_data(data, object, qpdf_dl_generalized, &filtered, &pointer, &length) == 0, let pointer else { return nil }
        defer { free(pointer) }
        guard filtered == QPDF_TRUE else { return nil }
        let matrix = numbers(qpdf_oh_get_key(data, dictionary, "/Matrix"))
        let own = qpdf_oh_get_key(data, dictionary, "/Resources")
        return (Array(UnsafeBufferPointer(start: pointer, count: length)), matrix.count == 6 ? matrix : [1, 0, 0, 1, 0, 0],
                qpdf_oh_is_dictionary(data, own) == QPDF_TRUE ? own : resources)
    }

    func resources(_ page: qpdf_oh) -> qpdf_oh { qpdf_oh_get_key(data, page, "/Resources") }

    /// An array of numbers as doubles (empty for anything else).
    private func numbers(_ array: qpdf_oh) -> [Double] {
        guard qpdf_oh_is_array(data, array) == QPDF_TRUE else { return [] }
        return (0..<qpdf_oh_get_array_n_items(data, array)).compactMap { index in
            let item = qpdf_oh_get_array_item(data, array, index)
            return qpdf_oh_is_number(data, item) == QPDF_TRUE ? qpdf_oh_get_numeric_value(data, item) : nil
        }
    }
}
