/// A failure reading, finishing or writing a PDF.
public struct PDFError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
