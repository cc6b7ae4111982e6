import Foundation
public import QuirePages

/// What the finisher adds to the PDF cairo wrote.
public struct PDFFinish: Sendable {
    public var metadata: DocumentMetadata
    /// Structure elements in the order they were opened (see `WrittenElement`).
    public var elements: [WrittenElement]
    /// Each page's printed number, for /PageLabels.
    public var pageLabels: [String]
    public var producer: String
    /// PDF/A-2b: the ICC profile to embed as the sRGB output intent; nil for a plain PDF.
    public var archivalProfile: String?

    public init(metadata: DocumentMetadata, elements: [WrittenElement], pageLabels: [String], producer: String, archivalProfile: String? = nil) {
        self.metadata = metadata
        self.elements = elements
        self.pageLabels = pageLabels
        self.producer = producer
        self.archivalProfile = archivalProfile
    }
}

/// Completes the PDF cairo wrote (`input`, in memory) into an accessible one at `output`: the
/// structure tree's attributes and artifacts, /Lang, /MarkInfo, the title shown in the title
/// bar, one set of document properties in /Info and XMP, page labels, link descriptions and
/// tab order, and for the archive a PDF/A-2b identification and output intent. Objects cairo
/// wrote that need no change are copied byte for byte; the /ID is derived from the content,
/// so the same input gives the same bytes.
public func finishPDF(_ input: consuming [UInt8], to output: String, _ finish: PDFFinish) throws(PDFError) {
    try finishRewriting(input, to: .path(output), finish)
}

/// `finishPDF` into a file the caller opened (an exclusively created temporary file, so no
/// path is looked up again between creating and writing it). The descriptor stays open.
public func finishPDF(_ input: consuming [UInt8], toDescriptor descriptor: Int32, _ finish: PDFFinish) throws(PDFError) {
    try finishRewriting(input, to: .descriptor(descriptor), finish)
}

/// Where the finished PDF goes.
enum PDFDestination: CustomStringConvertible {
    case path(String)
    case descriptor(Int32)

    var description: String {
        switch self {
        case .path(let path): path
        case .descriptor(let descriptor): "file descriptor \(descriptor)"
        }
    }
}
