package import Foundation
package import QuireModel

// The one path rule every file a render reads goes through (images, data files, layouts, a
// pack's papers and PDFs, an archive's papers): the path as written must be relative and stay
// inside the folder it is read from, and the file it leads to, every symbolic link resolved,
// must be inside one of the allowed folders. A link that stays inside them is followed (a
// pack may link a paper's folder it shares); one leading out is refused, so a file received
// from someone else cannot pull a file of the reader's into the PDF.

/// Resolves a path a source names against `folders`, in order, each folder both where the path
/// starts and where it must stay. The file found must lie, links resolved, inside one of
/// `folders` or of `linkRoots` (the job's folder: a pack's or archive's root).
package func findLocalFile(_ path: String, in folders: [URL], linkRoots: [URL] = [], location: SourceLocation, field: String,
                   what: String) throws(QuireError) -> URL {
    try checkRelative(path, location: location, field: field, what: what)
    for folder in folders {
        let url = folder.appendingPathComponent(path).standardizedFileURL
        guard isInside(url, folders: [folder], resolvingLinks: false), FileManager.default.fileExists(atPath: url.path) else { continue }
        try checkLinks(url, path: path, within: folders + linkRoots, location: location, field: field, what: what)
        return url
    }
    throw QuireError(.io, at: location, field: field, "\(what) '\(path)' was not found",
                     hint: "looked in \(folders.map { $0.standardizedFileURL.path }.joined(separator: " and ")); paths may not leave these folders")
}

/// Resolves a relative path from `base` (the folder of the file naming it) that must stay
/// inside one of `allowed`, symbolic links resolved: a layout named by a paper, a manifest or
/// another layout.
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

/// Refuses a file whose real path (every link on the way resolved) is outside `roots`,
/// naming where the link leads and how to fix it.
func checkLinks(_ url: URL, path: String, within roots: [URL], location: SourceLocation?, field: String, what: String) throws(QuireError) {
    guard !isInside(url, folders: roots, resolvingLinks: true) else { return }
    let target = realPath(url.path) ?? url.resolvingSymlinksInPath().path
    throw QuireError(.io, at: location, field: field,
                     "\(what) '\(path)' is a symbolic link (or inside a linked folder) leading to \(target), outside the folders Quire may read",
                     hint: "links may only lead inside \(roots.map { realPath($0.path) ?? $0.path }.uniqued().joined(separator: " or ")); "
                         + "copy the file in instead of linking it, or (quire pack, quire regenerate) name a folder holding both with --root")
}

/// Refuses absolute paths and URLs.
private func checkRelative(_ path: String, location: SourceLocation, field: String, what: String) throws(QuireError) {
    guard !path.hasPrefix("/"), !path.contains("://"), !path.isEmpty else {
        throw QuireError(.invalidValue, at: location, field: field, "\(what) '\(path)' must be a relative path",
                         hint: "put the file beside the paper and name it by its file name, e.g. figures.yaml or logo.png")
    }
}

/// Whether a file is inside one of the folders: as written (`..` taken out), and with
/// `resolvingLinks` also once symbolic links are resolved on both sides (`realpath`), so a
/// link inside an allowed folder cannot lead out of it. A file that does not exist is judged
/// by its folder's real path.
func isInside(_ url: URL, folders: [URL], resolvingLinks: Bool) -> Bool {
    func contains(_ path: String, _ folder: String) -> Bool { path.hasPrefix(folder == "/" ? "/" : folder + "/") }
    let written = url.standardizedFileURL.path
    let real = resolvingLinks ? realPathOfNearest(written) : written
    return folders.contains { folder in
        contains(written, folder.standardizedFileURL.path)
            && (!resolvingLinks || contains(real, realPath(folder.standardizedFileURL.path) ?? folder.standardizedFileURL.path))
    }
}

/// The path with every symbolic link resolved, or nil when it does not exist.
func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

/// `realPath` of the path, or of its nearest existing folder with the rest appended (a file
/// about to be looked for, a dangling link's name).
private func realPathOfNearest(_ path: String) -> String {
    if let real = realPath(path) { return real }
    let parent = (path as NSString).deletingLastPathComponent
    guard parent != path, !parent.isEmpty else { return path }
    return (realPathOfNearest(parent) as NSString).appendingPathComponent((path as NSString).lastPathComponent)
}

extension Array where Element: Hashable {
    fileprivate func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
