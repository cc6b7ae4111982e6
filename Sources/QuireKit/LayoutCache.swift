import Foundation
import QuireLayout
import QuireSystem

/// Parsed layouts kept for the next paper and the next request: a pack of 250 papers, or a
/// service's thousandth request, in one house style reads its layout files each time but
/// parses them once (the parse was 9% of a 50-paper pack's profile). An entry is used only
/// while everything its parse depended on still holds: the bytes of every file in its
/// `extends:` chain, and the file each reference in the chain finds now (a job's own
/// `layouts/` folder may shadow a bundled parent).
final class LayoutCache: Sendable {
    struct Key: Hashable {
        /// The layout file, symbolic links resolved, and the chain of files extending it.
        var path: String
        var chain: [String]
        var bytes: Data
    }

    struct Entry: Sendable {
        var theme: Theme
        var references: [LayoutReference]
        /// Every file the parse read below the keyed one, with the bytes it had.
        var files: [String: Data]
    }

    private let entries = Locked<[Key: Entry]>([:])
    /// Uploaded layouts live in per-request folders and are never asked for again: past this
    /// many entries the cache starts afresh rather than grow for as long as the service runs.
    private let capacity = 64

    func entry(_ key: Key) -> Entry? { entries.value[key] }

    func store(_ entry: Entry, for key: Key) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll() }
            entries[key] = entry
        }
    }
}

/// One `extends:` (or `layout:`) reference a parse resolved: what it named, from where, and
/// the file it found.
struct LayoutReference: Sendable {
    var reference: String
    var referrer: URL
    var allowed: [URL]
    var chain: [String]
    var field: String
    var path: String
}

/// What one parse read, collected as it goes (the parse runs on one thread).
final class LayoutReads {
    var references: [LayoutReference] = []
    var files: [String: Data] = [:]

    func merge(_ entry: LayoutCache.Entry) {
        references += entry.references
        files.merge(entry.files) { $1 }
    }
}
