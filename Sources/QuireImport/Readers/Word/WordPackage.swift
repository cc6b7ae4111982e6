import Foundation
public import QuireModel
import ZIPFoundation

/// A .docx opened through ZIPFoundation, its parts read by name within bounds: the entry count
/// and the uncompressed sizes the central directory declares are checked before anything is
/// inflated, and inflating stops at the bound whatever the directory declared (a zip bomb
/// lies there). Reading is from memory; nothing is extracted to disk.
final class WordPackage {
    /// At most this many entries (a large report holds a few hundred).
    static let maxEntries = 5_000
    /// At most this many bytes uncompressed, every part together, and one part alone.
    static let maxTotalBytes: UInt64 = 512 << 20
    static let maxPartBytes: UInt64 = 128 << 20

    let file: String
    private let archive: Archive
    /// Entry paths, as the central directory gives them.
    let names: Set<String>
    /// Bytes inflated so far, every part together.
    private var inflated: UInt64 = 0

    init(_ data: Data, file: String) throws(QuireError) {
        self.file = file
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw QuireError(.invalidValue, at: nil, "'\(file)' cannot be opened as a zip file (a .docx is one): its central directory is damaged or missing",
                             hint: "the file is truncated or damaged; open it in Word or LibreOffice and save it again as a Word document (.docx)")
        }
        var names = Set<String>()
        var declared: UInt64 = 0
        for entry in archive {
            guard names.count < WordPackage.maxEntries else {
                throw QuireError(.limit, at: nil, "'\(file)' holds more than \(WordPackage.maxEntries) files; a Word document holds a few hundred at most",
                                 hint: "this is not a document Word wrote; save the document again from Word, or remove embedded files")
            }
            declared += entry.uncompressedSize
            if entry.uncompressedSize > WordPackage.maxPartBytes || declared > WordPackage.maxTotalBytes {
                throw WordPackage.tooLarge(file)
            }
            names.insert(entry.path)
        }
        self.archive = archive
        self.names = names
    }

    /// Whether the package holds a part of this name.
    func has(_ name: String) -> Bool { names.contains(name) }

    /// A part's bytes, nil when the package has no such part.
    func part(_ name: String) throws(QuireError) -> Data? {
        guard names.contains(name), let entry = archive[name] else { return nil }
        let limit = min(WordPackage.maxPartBytes, WordPackage.maxTotalBytes - inflated)
        var bytes = Data()
        var overflow = false
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // Stops inflating as soon as the bound is passed, whatever the directory said.
                guard UInt64(bytes.count + chunk.count) <= limit else {
                    overflow = true
                    throw CancellationError()
                }
                bytes.append(chunk)
            }
        } catch {
            if overflow { throw WordPackage.tooLarge(file) }
            throw QuireError(.invalidValue, at: nil, field: name, "'\(file)': the part \(name) cannot be read from the zip (\(error))",
                             hint: "the file is damaged; open it in Word or LibreOffice and save it again as a Word document (.docx)")
        }
        inflated += UInt64(bytes.count)
        return bytes
    }

    /// A part read as XML, nil when absent.
    func xml(_ name: String) throws(QuireError) -> WordElement? {
        guard let data = try part(name) else { return nil }
        return try parseWordXML(data, part: name, file: file)
    }

    private static func tooLarge(_ file: String) -> QuireError {
        QuireError(.limit, at: nil, "'\(file)' unpacks to more than \(maxTotalBytes >> 20) MiB (or one part to more than \(maxPartBytes >> 20) MiB); a committee paper is a few MiB at most",
                   hint: "this looks like a zip bomb, not a Word document; if it is a real document, save its images smaller and try again")
    }
}
