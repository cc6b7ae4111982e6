import Foundation
import QuireModel

/// Resolves a path a source names (an image, a data file, a pack's paper) against the allowed
/// folders, in order, each folder both where the path starts and where it must stay. Absolute
/// paths, URLs and anything that leaves the folders are refused: rendering never reads outside
/// the paper's folder and Quire's own resources. A symbolic link inside a folder is its
/// owner's choice and is followed (the example pack links its papers in this way); layouts are
/// checked with links resolved (`resolvingLinks`).
func findLocalFile(_ path: String, in folders: [URL], location: SourceLocation, field: String, what: String) throws(QuireError) -> URL {
    try checkRelative(path, location: location, field: field, what: what)
    for folder in folders {
        let url = folder.appendingPathComponent(path).standardizedFileURL
        if isInside(url, folders: [folder], resolvingLinks: false), FileManager.default.fileExists(atPath: url.path) { return url }
    }
    throw QuireError(.io, at: location, field: field, "\(what) '\(path)' was not found",
                     hint: "looked in \(folders.map { $0.standardizedFileURL.path }.joined(separator: " and ")); paths may not leave these folders")
}

/// Resolves a relative path from `base` (the folder of the file naming it) that must stay
/// inside one of `allowed`, symbolic links resolved: a layout named by a paper, a manifest or
/// another layout (a layout decides what a render reads next, so a link may not lead it out).
/// The same check as `findLocalFile`, so one rule decides what a render may read.
func findLocalFile(_ path: String, from base: URL, within allowed: [URL], location: SourceLocation?, field: String, what: String) throws(QuireError) -> URL {
    let at = location ?? SourceLocation(file: base.path, line: 1)
    try checkRelative(path, location: at, field: field, what: what)
    let url = base.appendingPathComponent(path).standardizedFileURL
    // Checked before looking for it, so an answer never tells whether a file outside exists.
    guard isInside(url, folders: allowed, resolvingLinks: true) else {
        throw QuireError(.io, at: location, field: field, "\(what) '\(path)' is outside the folders Quire may read",
                         hint: "keep it in \(allowed.map { $0.standardizedFileURL.path }.joined(separator: " or ")) (symbolic links are followed before checking)")
    }
    guard FileManager.default.fileExists(atPath: url.path) else {
        throw QuireError(.io, at: location, field: field, "\(what) '\(path)' was not found",
                         hint: "looked for \(url.path); a path is read from the folder of the file that names it")
    }
    return url
}

/// Refuses absolute paths and URLs.
private func checkRelative(_ path: String, location: SourceLocation, field: String, what: String) throws(QuireError) {
    guard !path.hasPrefix("/"), !path.contains("://"), !path.isEmpty else {
        throw QuireError(.invalidValue, at: location, field: field, "\(what) '\(path)' must be a relative path",
                         hint: "put the file beside the paper and name it by its file name, e.g. figures.yaml or logo.png")
    }
}

/// Whether a file is inside one of the folders: as written (`..` taken out), and with
/// `resolvingLinks` also once symbolic links are resolved on both sides, so a link inside an
/// allowed folder cannot lead out of it.
func isInside(_ url: URL, folders: [URL], resolvingLinks: Bool) -> Bool {
    func contains(_ path: String, _ folder: String) -> Bool { path.hasPrefix(folder == "/" ? "/" : folder + "/") }
    let written = url.standardizedFileURL.path
    let real = url.standardizedFileURL.resolvingSymlinksInPath().path
    return folders.contains { folder in
        contains(written, folder.standardizedFileURL.path)
            && (!resolvingLinks || contains(real, folder.standardizedFileURL.resolvingSymlinksInPath().path))
    }
}
