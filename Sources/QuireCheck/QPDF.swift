import CQPDF
import Foundation
import QuirePDF

/// A PDF opened with libqpdf (its C API), for reading any PDF (`quire check`). Quire's own
/// output is finished by `PDFRewrite`, which needs no parsed copy of the whole file.
final class QPDF {
    private var data: qpdf_data?

    init(reading path: String) throws(PDFError) {
        data = qpdf_init()
        qpdf_silence_errors(data)
        qpdf_set_suppress_warnings(data, QPDF_TRUE)
        if qpdf_read(data, path, nil) & QPDF_ERRORS != 0 { throw PDFError(lastError ?? "cannot read \(path)") }
    }

    deinit {
        // An error nobody read makes libqpdf print a warning at cleanup; it was reported already.
        if qpdf_has_error(data) == QPDF_TRUE { _ = qpdf_get_error(data) }
        qpdf_cleanup(&data)
    }

    /// The most recent error, if any (clears it).
    var lastError: String? {
        guard qpdf_has_error(data) == QPDF_TRUE, let error = qpdf_get_error(data) else { return nil }
        return String(cString: qpdf_get_error_full_text(data, error))
    }

    var root: PDFObject { PDFObject(self, qpdf_get_root(data)) }
    var trailer: PDFObject { PDFObject(self, qpdf_get_trailer(data)) }
    var isEncrypted: Bool { qpdf_is_encrypted(data) == QPDF_TRUE }
    var version: String { String(cString: qpdf_get_pdf_version(data)) }

    var pages: [PDFObject] {
        let count = qpdf_get_num_pages(data)
        guard count > 0 else { return [] }
        return (0..<count).map { PDFObject(self, qpdf_get_page_n(data, Int($0))) }
    }

    fileprivate var raw: qpdf_data? { data }
}

/// One object of a `QPDF` document: a libqpdf handle, released when the last reference goes
/// (libqpdf otherwise keeps every handle until the document closes: tens of megabytes for a
/// long pack). Read only: Quire writes its own PDFs with `PDFRewrite`.
final class PDFObject {
    let pdf: QPDF
    let handle: qpdf_oh

    fileprivate init(_ pdf: QPDF, _ handle: qpdf_oh) {
        self.pdf = pdf
        self.handle = handle
    }

    deinit { qpdf_oh_release(pdf.raw, handle) }

    private var data: qpdf_data? { pdf.raw }

    /// The object's type, in one call (the structure walks ask this of every object).
    var type: qpdf_object_type_e { qpdf_oh_get_type_code(data, handle) }
    var isNull: Bool { let t = type; return t == ot_null || t == ot_uninitialized }
    var isDictionary: Bool { qpdf_oh_is_dictionary(data, handle) == QPDF_TRUE }
    var isArray: Bool { qpdf_oh_is_array(data, handle) == QPDF_TRUE }
    var isStream: Bool { qpdf_oh_is_stream(data, handle) == QPDF_TRUE }
    var isInteger: Bool { qpdf_oh_is_integer(data, handle) == QPDF_TRUE }
    var isIndirect: Bool { qpdf_oh_is_indirect(data, handle) == QPDF_TRUE }
    /// Object number of an indirect object (0 for direct objects).
    var objectID: Int { Int(qpdf_oh_get_object_id(data, handle)) }

    /// The name without its slash, if this is a name.
    var name: String? {
        guard qpdf_oh_is_name(data, handle) == QPDF_TRUE, let c = qpdf_oh_get_name(data, handle) else { return nil }
        return String(String(cString: c).dropFirst())
    }
    var int: Int? { isInteger ? Int(qpdf_oh_get_int_value(data, handle)) : nil }
    var bool: Bool? { qpdf_oh_is_bool(data, handle) == QPDF_TRUE ? qpdf_oh_get_bool_value(data, handle) == QPDF_TRUE : nil }
    /// A string's text, decoded from PDFDocEncoding or UTF-16.
    var text: String? {
        guard qpdf_oh_is_string(data, handle) == QPDF_TRUE, let c = qpdf_oh_get_utf8_value(data, handle) else { return nil }
        return String(cString: c)
    }

    /// An entry of a dictionary (or of a stream's dictionary); nil when missing or null.
    subscript(key: String) -> PDFObject? {
        let type = self.type
        guard type == ot_dictionary || type == ot_stream else { return nil }
        let value = PDFObject(pdf, qpdf_oh_get_key(data, type == ot_stream ? qpdf_oh_get_dict(data, handle) : handle, "/" + key))
        return value.isNull ? nil : value
    }

    var keys: [String] {
        guard isDictionary else { return [] }
        var out: [String] = []
        qpdf_oh_begin_dict_key_iter(data, handle)
        while qpdf_oh_dict_more_keys(data) == QPDF_TRUE {
            if let key = qpdf_oh_dict_next_key(data) { out.append(String(String(cString: key).dropFirst())) }
        }
        return out
    }

    /// An array's items (an empty list for anything else).
    var items: [PDFObject] {
        guard isArray else { return [] }
        let count = qpdf_oh_get_array_n_items(data, handle)
        return (0..<count).map { PDFObject(pdf, qpdf_oh_get_array_item(data, handle, $0)) }
    }

    var count: Int { isArray ? Int(qpdf_oh_get_array_n_items(data, handle)) : 0 }

    /// The value as a list: an array's items, or the single value itself.
    var asList: [PDFObject] {
        let type = self.type
        return type == ot_array ? items : (type == ot_null || type == ot_uninitialized ? [] : [self])
    }

    /// A stream's data, decoded from Flate and the other generalized filters.
    var streamData: [UInt8]? {
        guard isStream else { return nil }
        var buffer: UnsafeMutablePointer<UInt8>?
        var length = 0
        var filtered: QPDF_BOOL = QPDF_FALSE
        guard qpdf_oh_get_stream_data(data, handle, qpdf_dl_generalized, &filtered, &buffer, &length) == 0, let buffer else { return nil }
        defer { free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: length))
    }

    /// The PDF syntax of this object, for diagnostics and tests.
    var unparsed: String { String(cString: qpdf_oh_unparse(data, handle)) }
}

// MARK: - Reading helpers (inspectPDF)

extension PDFObject {
    /// Where to read keys: a stream's dictionary (libqpdf's key lookups on a stream handle
    /// find nothing), or the object itself.
    var dictionary: PDFObject { isStream ? PDFObject(pdf, qpdf_oh_get_dict(pdf.raw, handle)) : self }

    /// An integer's or a real's value.
    var number: Double? {
        qpdf_oh_is_number(pdf.raw, handle) == QPDF_TRUE ? qpdf_oh_get_numeric_value(pdf.raw, handle) : nil
    }
}
