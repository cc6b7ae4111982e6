import Foundation

/// Page contents with their furniture re-marked as artifacts and compressed again, made on
/// another core from a second reading of the same bytes while the caller completes the
/// structure tree (a libqpdf document is not thread-safe; two documents are independent).
final class RemarkedContents: @unchecked Sendable {
    /// By content stream object number: the compressed content, and the MCIDs re-marked.
    typealias Pages = [Int: (page: Int, compressed: [UInt8], mcids: Set<Int>)]
    private let done = DispatchGroup()
    private var result: Result<Pages, PDFError> = .success([:])

    init(_ input: PDFBuffer) {
        DispatchQueue.global(qos: .userInitiated).async(group: done) {
            self.result = Result { () throws(PDFError) in try Self.remark(input) }
        }
    }

    /// The re-marked contents, once made.
    func wait() throws(PDFError) -> Pages {
        done.wait()
        return try result.get()
    }

    /// Waits for the work to end (a caller that failed must not leave libqpdf running while
    /// the process exits).
    func settle() { done.wait() }

    private static func remark(_ input: PDFBuffer) throws(PDFError) -> Pages {
        let pdf = try QPDF(bytes: input, name: "contents")
        var pages: Pages = [:]
        for page in pdf.pages {
            guard let contents = page["Contents"], contents.isStream, let data = contents.streamData else { continue }
            let (content, mcids) = markArtifacts(data)
            guard !mcids.isEmpty else { continue }
            guard let compressed = deflated(content) else { throw PDFError("cannot compress the content of page object \(page.objectID)") }
            pages[contents.objectID] = (page.objectID, compressed, mcids)
        }
        return pages
    }
}
