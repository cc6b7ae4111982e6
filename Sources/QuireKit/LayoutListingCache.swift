public import Foundation
public import QuireModel
import QuireSystem

/// `quire layouts` from the user's cache folder while nothing it came from has changed: the
/// listing loads every layout in full (so a broken one is reported), about 6 ms of a 15 ms
/// command for eight layouts; a fresh listing costs reading the files and comparing them.
///
/// An entry holds while the executable is the one that wrote it (another build may read a
/// layout differently), the search folders hold the same `.yaml` names (a name may now be
/// found in another folder), and every file the loads read, `extends:` chains included, has the
/// bytes it had. The file is a few tab-separated lines; one that cannot be read or written is
/// a miss, never an error.
struct LayoutListingCache {
    let file: URL

    /// `$XDG_CACHE_HOME/quire/layouts`, else `~/.cache/quire/layouts`; nil without either.
    static func user(environment: (String) -> String? = Platform.environmentValue) -> LayoutListingCache? {
        let base: URL
        if let cache = environment("XDG_CACHE_HOME"), cache.hasPrefix("/") {
            base = URL(fileURLWithPath: cache)
        } else if let home = environment("HOME"), home.hasPrefix("/") {
            base = URL(fileURLWithPath: home).appendingPathComponent(".cache")
        } else {
            return nil
        }
        return LayoutListingCache(file: base.appendingPathComponent("quire/layouts"))
    }

    private static let format = "quire-layouts 1"

    /// What the listing depends on besides the files read: the executable, and each search
    /// folder with the layout names in it.
    static func key(folders: [URL]) -> String {
        var parts: [String] = []
        let executable = Platform.executable.path
        // stat, not FileManager's attributes: those name the owner and group, and looking the
        // names up (NSS: nscd's socket, /etc/passwd, /etc/group) took longer than the listing.
        var status = stat()
        if stat(executable, &status) == 0 {
            parts.append("\(executable) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)")
        }
        for folder in folders {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            parts.append(folder.path + ":" + names.joined(separator: ","))
        }
        return parts.joined(separator: ";")
    }

    /// The stored listing, if it was stored under `key` and every file it read is unchanged.
    func load(key: String) -> [LayoutInfo]? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, lines[0] == Self.format, lines[1] == "key\t" + escaped(key) else { return nil }
        var layouts: [LayoutInfo] = []
        for line in lines.dropFirst(2) where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { unescaped(String($0)) }
            switch fields.first {
            case "file" where fields.count == 3:
                guard let bytes = FileManager.default.contents(atPath: fields[1]), fingerprint(bytes) == fields[2] else { return nil }
            case "layout" where fields.count == 4:
                layouts.append(LayoutInfo(name: fields[1], description: fields[3], path: fields[2]))
            default:
                return nil
            }
        }
        return layouts
    }

    func store(_ layouts: [LayoutInfo], files: [String: Data], key: String) {
        var text = Self.format + "\nkey\t" + escaped(key) + "\n"
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            text += "file\t\(escaped(path))\t\(fingerprint(bytes))\n"
        }
        for layout in layouts {
            text += "layout\t\(escaped(layout.name))\t\(escaped(layout.path))\t\(escaped(layout.description))\n"
        }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: file, options: .atomic)
    }

    /// The length and a 64-bit FNV-1a hash of the bytes: enough to see that a file changed.
    private func fingerprint(_ bytes: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        // Through a buffer: Data's iterator cost a call a byte (1% of the command, perf).
        bytes.withUnsafeBytes { buffer in
            for byte in buffer {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return "\(bytes.count)-" + String(hash, radix: 16)
    }

    /// Backslash, tab and newline escaped, on the UTF-8 bytes (Foundation's
    /// `replacingOccurrences` went through NSString, and its first use cost more than the work).
    private func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func unescaped(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var out = ""
        var escaping = false
        for character in text {
            if escaping {
                out.append(character == "t" ? "\t" : character == "n" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}

extension Resources {
    /// `availableLayouts()` through the user's cache (`LayoutListingCache`): what `quire
    /// layouts` prints.
    public func availableLayoutsCached(environment: ((String) -> String?)? = nil) throws(QuireError) -> [LayoutInfo] {
        guard let cache = LayoutListingCache.user(environment: environment ?? Platform.environmentValue) else { return try availableLayouts() }
        let key = LayoutListingCache.key(folders: layoutFolders(root: layouts))
        if let listed = cache.load(key: key) { return listed }
        let (layouts, files) = try listLayouts(root: nil)
        cache.store(layouts, files: files, key: key)
        return layouts
    }
}
