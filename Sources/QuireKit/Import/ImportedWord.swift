import Foundation
import QuireImport
import QuireModel

/// A Word document imported in memory for a render (`quire render report.docx`, a pack item,
/// an upload): the Quire source the import wrote, read as any paper is; the folder its
/// pictures wait in while the pages are drawn (removed when this goes); and the import's
/// warnings, given with the render's. Nothing is written beside the document.
final class ImportedWord: @unchecked Sendable {
    /// The source `quire import` would write, as bytes.
    let source: Data
    /// The temporary folder holding the pictures, nil when there are none.
    let folder: URL?
    let warnings: [Diagnostic]

    private init(source: Data, folder: URL?, warnings: [Diagnostic]) {
        self.source = source
        self.folder = folder
        self.warnings = warnings
    }

    deinit {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// Reads and imports `data` (a .docx, by its bytes) as `quire import` does: the rules pick
    /// the closest bundled layout unless `layout` names one.
    static func importing(_ data: Data, file: String, layout: String?, resources: Resources) throws(QuireError) -> ImportedWord {
        let document = try readWordDocument(data, file: file)
        let profiles = resources.layoutProfiles()
        let result = try importPaper(document, layout: layout, profiles: profiles.isEmpty ? [.committeePaper] : profiles)
        let warnings = result.warnings.map { Diagnostic(at: SourceLocation(file: $0.file, line: $0.line), $0.message + ($0.page.map { " (page \($0))" } ?? "")) }
        guard !result.images.isEmpty else { return ImportedWord(source: Data(result.source.utf8), folder: nil, warnings: warnings) }
        var template = Array((FileManager.default.temporaryDirectory.path + "/quire-word-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw QuireError(.io, at: nil, "cannot create a temporary folder for the document's pictures: \(String(cString: strerror(errno)))",
                             hint: "check that TMPDIR points at a writable folder")
        }
        let folder = URL(fileURLWithPath: String(cString: made))
        let imported = ImportedWord(source: Data(result.source.utf8), folder: folder, warnings: warnings)
        for image in result.images {
            let url = folder.appendingPathComponent(image.name)
            // A picture the document shows twice is one file.
            if FileManager.default.fileExists(atPath: url.path) { continue }
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(image.data).write(to: url, options: .withoutOverwriting)
            } catch {
                throw QuireError(.io, at: nil, "cannot write the document's picture \(image.name) to \(folder.path): \(error.localizedDescription)",
                                 hint: "check the free space in TMPDIR")
            }
        }
        return imported
    }
}
