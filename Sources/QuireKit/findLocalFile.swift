import Foundation
import QuireModel

/// Resolves a path a source names (an image, a data file) against the allowed folders, in
/// order. Absolute paths, URLs and anything that leaves the folders are refused: rendering
/// never reads outside the paper's folder and Quire's own resources.
func findLocalFile(_ path: String, in folders: [URL], location: SourceLocation, field: String, what: String) throws(QuireError) -> URL {
    guard !path.hasPrefix("/"), !path.contains("://"), !path.isEmpty else {
        throw QuireError(.invalidValue, at: location, field: field, "\(what) '\(path)' must be a relative path",
                         hint: "put the file beside the paper and name it by its file name, e.g. figures.yaml or logo.png")
    }
    for folder in folders {
        let base = folder.standardizedFileURL.path
        let url = folder.appendingPathComponent(path).standardizedFileURL
        if url.path.hasPrefix(base + "/"), FileManager.default.fileExists(atPath: url.path) { return url }
    }
    throw QuireError(.io, at: location, field: field, "\(what) '\(path)' was not found",
                     hint: "looked in \(folders.map { $0.standardizedFileURL.path }.joined(separator: " and ")); paths may not leave these folders")
}
