public import Foundation
public import QuirePages

/// What the finisher adds to the PDF cairo wrote.
public struct PDFFinish: Sendable {
    public var metadata: DocumentMetadata
    /// Structure elements in the order they were opened (see `WrittenElement`).
    public var elements: [WrittenElement]
    /// Each page's printed number, for /PageLabels.
    public var pageLabels: [PageLabel]
    public var producer: String
    /// PDF/A-2b: the ICC profile to embed as the sRGB output intent; nil for a plain PDF.
    public var archivalProfile: String?
    /// Pages of tagged PDFs placed with their structure, to be copied in.
    public var importedPages: [ImportedPDFPage]

    public init(metadata: DocumentMetadata, elements: [WrittenElement], pageLabels: [PageLabel], producer: String, archivalProfile: String? = nil,
                importedPages: [ImportedPDFPage] = []) {
        self.importedPages = importedPages
        self.metadata = metadata
        self.elements = elements
        self.pageLabels = pageLabels
        self.producer = producer
        self.archivalProfile = archivalProfile
    }
}

/// Where the finished PDF goes: a path, a file the caller opened (an exclusively created
/// temporary file, so no path is looked up again between creating and writing it; it stays
/// open), or memory (the service answers with the bytes, so it writes no file to read back).
public enum PDFDestination: CustomStringConvertible, Sendable {
    case path(String)
    case descriptor(Int32)
    case memory(PDFInMemory)

    public var description: String {
        switch self {
        case .path(let path): path
        case .descriptor(let descriptor): "file descriptor \(descriptor)"
        case .memory: "memory"
        }
    }
}

/// The bytes of a PDF written to `.memory`, once it is finished.
public final class PDFInMemory: @unchecked Sendable {
    public internal(set) var bytes = Data()
    public init() {}
}
