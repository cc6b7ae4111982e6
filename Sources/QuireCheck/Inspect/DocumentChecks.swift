import Foundation

/// The checks that read the catalog and metadata: language, title, PDF/A claim.
extension AccessibilityCheck {
    static func language(catalog: PDFObject) -> AccessibilityCheck {
        guard let language = trimmedNonEmpty(catalog["Lang"]?.text) else {
            return .init("language", .fail, "no /Lang in the catalog, so screen readers guess the language")
        }
        return .init("language", .pass, language)
    }

    /// A title, and the viewer told to show it instead of the file name.
    static func title(catalog: PDFObject, info: PDFObject?, xmp: XMPMetadata?) -> AccessibilityCheck {
        let title = trimmedNonEmpty(info?["Title"]?.text) ?? xmp?.title
        let displayed = catalog["ViewerPreferences"]?["DisplayDocTitle"]?.bool == true
        guard let title else {
            return .init("title", .fail, "no title (neither Info /Title nor XMP dc:title)")
        }
        guard displayed else {
            return .init("title", .fail, "\"\(title)\", but /ViewerPreferences /DisplayDocTitle is not true")
        }
        return .init("title", .pass, "\"\(title)\", shown as the window title")
    }

    /// PDF/UA-1 claimed in the XMP (ISO 14289-1, 5: pdfuaid:part 1); in a PDF/A file the
    /// claim must be described by an extension schema, or the file is not valid PDF/A.
    static func pdfua(xmp: XMPMetadata?) -> AccessibilityCheck {
        guard let part = trimmedNonEmpty(xmp?.pdfuaPart) else {
            return .init("pdfua", .fail, "PDF/UA not claimed (no pdfuaid:part in the XMP metadata)")
        }
        guard part == "1" else { return .init("pdfua", .fail, "pdfuaid:part is \(part), not 1") }
        if trimmedNonEmpty(xmp?.pdfaPart) != nil, xmp?.describesPDFUA != true {
            return .init("pdfua", .fail, "PDF/UA-1 claimed in a PDF/A file without the extension schema that describes pdfuaid")
        }
        return .init("pdfua", .pass, "PDF/UA-1 claimed")
    }

    /// A PDF/A claim in the XMP is held to what every PDF/A part asks of the whole file:
    /// an output intent with its ICC profile, no encryption, metadata agreeing with Info.
    static func pdfa(pdf: QPDF, catalog: PDFObject, info: PDFObject?, xmp: XMPMetadata?, required: Bool) -> AccessibilityCheck {
        guard let part = trimmedNonEmpty(xmp?.pdfaPart) else {
            return required ? .init("pdfa", .fail, "not claimed (no pdfaid:part in the XMP metadata)") : .init("pdfa", .info, "not claimed")
        }
        let claim = "PDF/A-\(part)\((xmp?.pdfaConformance ?? "").uppercased())"
        var problems: [String] = []
        var intentName = "(unnamed)"
        if let intent = catalog["OutputIntents"]?.asList.first(where: { $0["S"]?.name == "GTS_PDFA1" }) {
            if intent["DestOutputProfile"]?.isStream != true { problems.append("the GTS_PDFA1 output intent has no /DestOutputProfile") }
            intentName = trimmedNonEmpty(intent["OutputConditionIdentifier"]?.text) ?? trimmedNonEmpty(intent["Info"]?.text) ?? intentName
        } else {
            problems.append("no /OutputIntents entry with /S /GTS_PDFA1")
        }
        if pdf.isEncrypted { problems.append("the file is encrypted") }
        if let infoTitle = info?["Title"]?.text, trimmedNonEmpty(infoTitle) != xmp?.title {
            problems.append("XMP dc:title \(xmp?.title.map { "\"\($0)\"" } ?? "(none)") differs from Info /Title \"\(infoTitle)\"")
        }
        guard problems.isEmpty else { return .init("pdfa", .fail, "\(claim) claimed, but " + problems.joined(separator: "; ")) }
        return .init("pdfa", .pass, "\(claim), output intent \(intentName)")
    }
}

/// The text trimmed, or nil when nothing is left.
func trimmedNonEmpty(_ text: String?) -> String? {
    guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
    return trimmed
}
