public import Foundation
public import QuireLayout
public import QuireModel
import QuireSource

/// A house style on disk.
public struct LayoutInfo: Sendable, Hashable {
    public var name: String
    public var description: String
    public var path: String
}

/// Which layout a render uses.
public enum LayoutChoice: Hashable, Sendable, ExpressibleByStringLiteral {
    /// As a paper's `layout:` names it: a layout name (looked for in the job's `layouts/`
    /// folder, then `QUIRE_LAYOUTS`, then the bundled ones), or a path (`./styles/ours.yaml`)
    /// from the folder of the file naming it, which must stay inside the job's folder or a
    /// layouts folder.
    case reference(String)
    /// A layout file the person running `quire` named on the command line: read wherever it is.
    case file(String)

    public init(stringLiteral value: String) { self = .reference(value) }

    /// `--layout X`: a path (it has a `/` or ends in .yaml) is that file, else a name.
    public init(commandLine value: String) {
        self = isLayoutPath(value) ? .file(URL(fileURLWithPath: value).standardizedFileURL.path) : .reference(value)
    }

    /// The layout's name when it is chosen by name (what an imported source's `layout:` may
    /// say); nil for a path.
    public var name: String? {
        if case .reference(let name) = self, !isLayoutPath(name) { name } else { nil }
    }
}

/// Whether a layout reference is a path rather than a name.
func isLayoutPath(_ reference: String) -> Bool {
    reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml")
}

extension Resources {
    /// The folders searched for a layout by name, in order: the job's own `layouts/` folder
    /// (beside the paper, the pack manifest, the archive or in the upload), `QUIRE_LAYOUTS`,
    /// then Quire's bundled `layouts/`.
    public func layoutFolders(root: URL? = nil) -> [URL] {
        var folders: [URL] = []
        if let local = root?.appendingPathComponent("layouts"), local.standardizedFileURL != layouts.standardizedFileURL,
           FileManager.default.fileExists(atPath: local.path) {
            folders.append(local)
        }
        return folders + layoutPath + [layouts]
    }

    /// The house styles found by name, each under the first folder that has it.
    public func availableLayouts(root: URL? = nil) throws(QuireError) -> [LayoutInfo] {
        try listLayouts(root: root).layouts
    }

    /// The listing, each layout loaded (so one that does not load is an error here too), with
    /// every file the loads read and the bytes each had (`LayoutListingCache` keeps both).
    func listLayouts(root: URL?) throws(QuireError) -> (layouts: [LayoutInfo], files: [String: Data]) {
        guard FileManager.default.fileExists(atPath: layouts.path) else {
            throw QuireError(.io, at: nil, "cannot read the layouts folder \(layouts.path)", hint: "set QUIRE_HOME to the folder holding layouts/ and fonts/")
        }
        var out: [LayoutInfo] = []
        let reads = LayoutReads()
        let jobRoot = root ?? layouts
        let folders = layoutFolders(root: jobRoot)
        for (name, url) in layoutFiles(root: root) {
            let theme = try loadLayout(url, root: jobRoot, folders: folders, chain: [], location: nil, reads: reads)
            out.append(LayoutInfo(name: name, description: theme.description, path: url.path))
        }
        return (out, reads.files)
    }

    /// Every layout name in the search folders, sorted, with the file that wins.
    private func layoutFiles(root: URL?) -> [(String, URL)] {
        var found: [String: URL] = [:]
        for folder in layoutFolders(root: root).reversed() {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }
            for file in names { found[String(file.dropLast(5))] = folder.appendingPathComponent(file) }
        }
        return found.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Loads `layouts/<name>.yaml` (through the search path); an unknown name lists the ones
    /// there are.
    public func theme(named name: String, requestedAt location: SourceLocation?) throws(QuireError) -> Theme {
        try theme(.reference(name), referrer: layouts, root: layouts, requestedAt: location)
    }

    /// Finds and reads a layout, and every layout it `extends:`. A name is looked for in
    /// `layoutFolders(root:)`; a path is read from `referrer` (the folder of the file naming
    /// it) and must stay, symbolic links followed, inside that folder, `root` (the job's
    /// folder: the current directory for `quire render`, the manifest's folder for a pack, the
    /// archive, the upload) or a layouts folder. An extending layout may name the layout it shadows (`extends:
    /// committee-paper` in a council's own committee-paper.yaml): names already in the chain
    /// are skipped.
    public func theme(_ choice: LayoutChoice, referrer: URL, root: URL, requestedAt location: SourceLocation?) throws(QuireError) -> Theme {
        let folders = layoutFolders(root: root)
        let reads = LayoutReads()
        switch choice {
        case .file(let path):
            return try loadLayout(URL(fileURLWithPath: path), root: root, folders: folders, chain: [], location: location, reads: reads)
        case .reference(let reference):
            return try loadLayout(reference, referrer: referrer, root: root, folders: folders, allowed: [referrer], chain: [], location: location,
                                  field: "layout", reads: reads)
        }
    }

    private func loadLayout(_ reference: String, referrer: URL, root: URL, folders: [URL], allowed extra: [URL], chain: [String],
                            location: SourceLocation?, field: String, reads: LayoutReads) throws(QuireError) -> Theme {
        let url = try findLayout(reference, referrer: referrer, root: root, folders: folders, allowed: extra, chain: chain, location: location, field: field)
        reads.references.append(LayoutReference(reference: reference, referrer: referrer, allowed: extra, chain: chain, field: field, path: url.path))
        return try loadLayout(url, root: root, folders: folders, chain: chain, location: location, reads: reads)
    }

    /// The file a reference names: a path from `referrer`, inside the allowed folders, or a
    /// name through the search folders.
    private func findLayout(_ reference: String, referrer: URL, root: URL, folders: [URL], allowed extra: [URL], chain: [String],
                            location: SourceLocation?, field: String) throws(QuireError) -> URL {
        if isLayoutPath(reference) {
            return try findLocalFile(reference, from: referrer, within: [root] + folders + extra, location: location, field: field, what: "the layout")
        }
        let url = try namedLayout(reference, folders: folders, skipping: chain, location: location, field: field)
        // The job's own layouts/ folder is the job's, not Quire's: its links may not lead out.
        if !(layoutPath + [layouts]).map(\.standardizedFileURL.path).contains(url.deletingLastPathComponent().standardizedFileURL.path) {
            try checkLinks(url, path: "layouts/" + url.lastPathComponent, within: [root], location: location, field: field, what: "the layout")
        }
        return url
    }

    /// Reads one layout file, resolving its `extends:` relative to its own folder; parsed
    /// once while its chain is unchanged (`LayoutCache`).
    private func loadLayout(_ url: URL, root: URL, folders: [URL], chain: [String], location: SourceLocation?, reads: LayoutReads) throws(QuireError) -> Theme {
        let real = url.standardizedFileURL.resolvingSymlinksInPath().path
        if chain.contains(real) || chain.count >= 16 {
            throw QuireError(.layout, at: location, field: "extends", "the layouts extend each other in a circle",
                             hint: "the chain: \((chain + [real]).map { ($0 as NSString).lastPathComponent }.joined(separator: " → ")); make one of them extend a bundled layout")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw QuireError(.io, at: location ?? SourceLocation(file: url.path, line: 1), field: "layout", "cannot read the layout file \(url.path)",
                             hint: "check the path; the file must exist and be readable")
        }
        reads.files[url.path] = data
        let key = LayoutCache.Key(path: real, chain: chain, bytes: data)
        if let entry = layoutCache.entry(key), stillHolds(entry, root: root, folders: folders) {
            reads.merge(entry)
            return entry.theme
        }
        // A byte-order mark and Windows line endings are read as any source's are.
        let text = try decodeUTF8(data, file: url.path)
        let folder = url.deletingLastPathComponent()
        let parents = LayoutReads()
        let theme = try parseTheme(text, file: url.path) { reference, at throws(QuireError) in
            // A layout may name files beside itself (a trusted one anywhere, a checked one
            // only inside the allowed folders, so its own folder adds nothing new).
            try loadLayout(reference, referrer: folder, root: root, folders: folders, allowed: [folder], chain: chain + [real], location: at,
                           field: "extends", reads: parents)
        }
        let entry = LayoutCache.Entry(theme: theme, references: parents.references, files: parents.files)
        layoutCache.store(entry, for: key)
        reads.merge(entry)
        return theme
    }

    /// Whether a cached parse still describes the files: each reference finds the same file
    /// from this job's folders, and each file read has the same bytes.
    private func stillHolds(_ entry: LayoutCache.Entry, root: URL, folders: [URL]) -> Bool {
        for reference in entry.references {
            let found = try? findLayout(reference.reference, referrer: reference.referrer, root: root, folders: folders, allowed: reference.allowed,
                                        chain: reference.chain, location: nil, field: reference.field)
            guard found?.path == reference.path else { return false }
        }
        return entry.files.allSatisfy { path, bytes in FileManager.default.contents(atPath: path) == bytes }
    }

    /// The first `<name>.yaml` in the search folders not already in the chain.
    private func namedLayout(_ name: String, folders: [URL], skipping chain: [String], location: SourceLocation?, field: String) throws(QuireError) -> URL {
        let valid = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        if valid {
            for folder in folders {
                let url = folder.appendingPathComponent(name + ".yaml")
                if FileManager.default.fileExists(atPath: url.path), !chain.contains(url.standardizedFileURL.resolvingSymlinksInPath().path) {
                    return url
                }
            }
        }
        var known = Set<String>()
        for folder in folders {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where file.hasSuffix(".yaml") {
                known.insert(String(file.dropLast(5)))
            }
        }
        let names = known.sorted()
        let hint = nearestName(name, in: names).map { "did you mean '\($0)'? " } ?? ""
        throw QuireError(.layout, at: location, field: field, "unknown layout '\(name)'",
                         hint: hint + "available layouts: \(names.joined(separator: ", ")) (see `quire layouts`); or name a layout file by its path, e.g. ./styles/ours.yaml")
    }
}
