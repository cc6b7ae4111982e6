public import Foundation
public import QuireModel
import QuireKit

/// What a regeneration wrote, per paper: its PDF, page count, the file's SHA-256 and a hash
/// of each page's laid-out content, so that `--check` can say which page changed. Written as
/// `manifest.json` (or `manifest-shard-i-of-n.json`, one per shard) in the output folder.
public struct ArchiveManifest: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var path: String
        public var pdf: String
        public var pages: Int
        public var sha256: String
        public var pageHashes: [String]
        /// Set when the paper failed in the latest run: the entry is the last good render's
        /// (its PDF is still in the folder), kept so a failed run loses nothing, with the error.
        public var failed: String?
    }

    public var papers: [Entry]

    public static func fileName(for shard: Shard?) -> String {
        shard.map { "manifest-shard-\($0.index)-of-\($0.count).json" } ?? "manifest.json"
    }

    public func write(to url: URL) throws(QuireError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(ArchiveManifest(papers: papers.sorted { $0.path < $1.path }))
        } catch {
            throw QuireError(.io, at: nil, "cannot write the manifest \(url.path): \(error.localizedDescription)")
        }
        try writeAtomically(data, to: url.path, inputs: [], option: "--out")
    }

    /// The entries of the manifest at `url`, by paper path; none when there is no readable one.
    public static func entries(at url: URL) -> [String: Entry] {
        guard let data = FileManager.default.contents(atPath: url.path),
              let manifest = try? JSONDecoder().decode(ArchiveManifest.self, from: data) else { return [:] }
        return Dictionary(manifest.papers.map { ($0.path, $0) }) { first, _ in first }
    }

    /// Every manifest in `folder` (the whole run's and each shard's), merged by paper path.
    public static func readAll(in folder: URL) throws(QuireError) -> [String: Entry] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0 == "manifest.json" || ($0.hasPrefix("manifest-shard-") && $0.hasSuffix(".json")) }.sorted()
        guard !names.isEmpty else {
            throw QuireError(.io, at: nil, "no manifest.json in \(folder.path) to check against",
                             hint: "regenerate the archive into that folder first (without --check)")
        }
        var entries: [String: Entry] = [:]
        for name in names {
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path),
                  let manifest = try? JSONDecoder().decode(ArchiveManifest.self, from: data) else {
                throw QuireError(.invalidValue, at: SourceLocation(file: url.path, line: 1), "the manifest cannot be read",
                                 hint: "regenerate the archive to write it again")
            }
            for entry in manifest.papers { entries[entry.path] = entry }
        }
        return entries
    }
}
