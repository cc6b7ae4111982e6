import Foundation
import QuireTestSupport

/// `deploy/Dockerfile` read as stages of instructions: comment lines dropped (also inside a
/// continued instruction, as Docker does), continued lines joined.
struct Dockerfile {
    struct Instruction {
        let keyword: String
        let arguments: String
    }

    struct Stage {
        let base: String
        let name: String?
        var instructions: [Instruction] = []
    }

    let stages: [Stage]

    init(_ text: String) {
        var stages: [Stage] = []
        var pending = ""
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") { continue }
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
                continue
            }
            let whole = (pending + line).trimmingCharacters(in: .whitespaces)
            pending = ""
            guard !whole.isEmpty else { continue }
            let keyword = String(whole.prefix { !$0.isWhitespace })
            let arguments = whole.dropFirst(keyword.count).trimmingCharacters(in: .whitespaces)
            if keyword.uppercased() == "FROM" {
                let words = arguments.split(whereSeparator: \.isWhitespace).map(String.init)
                let name = words.count >= 3 && words[1].uppercased() == "AS" ? words[2] : nil
                stages.append(Stage(base: words.first ?? "", name: name))
            } else if !stages.isEmpty {
                stages[stages.count - 1].instructions.append(Instruction(keyword: keyword.uppercased(), arguments: arguments))
            }
        }
        self.stages = stages
    }
}

extension Dockerfile.Stage {
    /// The arguments of every `keyword` instruction, in order.
    func arguments(of keyword: String) -> [String] {
        instructions.filter { $0.keyword == keyword }.map(\.arguments)
    }

    /// The packages its RUN instructions install with `apt-get install`.
    var aptPackages: [String] {
        var packages: [String] = []
        for run in arguments(of: "RUN") {
            let words = run.split(whereSeparator: \.isWhitespace).map(String.init)
            var index = 0
            while index < words.count {
                guard words[index] == "apt-get" || words[index] == "apt",
                      let command = words[(index + 1)...].firstIndex(where: { !$0.hasPrefix("-") }),
                      words[command] == "install"
                else {
                    index += 1
                    continue
                }
                index = command + 1
                while index < words.count, !["&&", "||", ";", "|"].contains(words[index]) {
                    if !words[index].hasPrefix("-") { packages.append(words[index]) }
                    index += 1
                }
            }
        }
        return packages
    }

    /// Its ENV instructions (`KEY=value` form), later ones winning.
    var environment: [String: String] {
        var environment: [String: String] = [:]
        for line in arguments(of: "ENV") {
            for word in line.split(whereSeparator: \.isWhitespace) {
                let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { environment[parts[0]] = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            }
        }
        return environment
    }

    /// The last `keyword` instruction in exec (JSON) form, e.g. ENTRYPOINT or CMD.
    func execForm(_ keyword: String) -> [String]? {
        guard let text = arguments(of: keyword).last else { return nil }
        return try? JSONDecoder().decode([String].self, from: Data(text.utf8))
    }

    /// Its COPY instructions: `--from` stage, sources and destination.
    var copies: [(from: String?, sources: [String], destination: String)] {
        arguments(of: "COPY").compactMap { line in
            var words = line.split(whereSeparator: \.isWhitespace).map(String.init)
            var from: String?
            while let flag = words.first, flag.hasPrefix("--") {
                if flag.hasPrefix("--from=") { from = String(flag.dropFirst("--from=".count)) }
                words.removeFirst()
            }
            guard words.count >= 2, let destination = words.last else { return nil }
            return (from, Array(words.dropLast()), destination)
        }
    }
}

/// Walks nested YAML/JSON values: string keys into mappings, integers into sequences.
func dig(_ value: Any?, _ path: Any...) -> Any? {
    var current = value
    for step in path {
        switch step {
        case let key as String: current = (current as? [String: Any])?[key]
        case let index as Int:
            guard let array = current as? [Any], array.indices.contains(index) else { return nil }
            current = array[index]
        default: return nil
        }
    }
    return current
}

/// A tool's standard output and exit status (standard error is dropped).
func toolOutput(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let result = try runProcess(tool, arguments)
    return (result.status, result.stdout)
}

struct NotAnELF64File: Error {}

/// The shared libraries an executable names itself (its DT_NEEDED entries), read from its ELF
/// dynamic section: unlike ldd's list, without what those libraries load in turn.
func neededLibraries(of executable: URL) throws -> [String] {
    let file = try FileHandle(forReadingFrom: executable)
    defer { try? file.close() }
    func bytes(_ offset: Int, _ count: Int) throws -> [UInt8] {
        try file.seek(toOffset: UInt64(offset))
        return Array(try file.read(upToCount: count) ?? Data())
    }
    func integer<T: FixedWidthInteger>(_ bytes: [UInt8], _ offset: Int, as: T.Type) -> T {
        bytes[offset..<offset + MemoryLayout<T>.size].reversed().reduce(T(0)) { $0 << 8 | T($1) }
    }
    let header = try bytes(0, 64)
    guard header.count == 64, header[0..<4] == [0x7F, 0x45, 0x4C, 0x46], header[4] == 2, header[5] == 1 else { throw NotAnELF64File() }
    let tableOffset = Int(integer(header, 0x28, as: UInt64.self))
    let entrySize = Int(integer(header, 0x3A, as: UInt16.self))
    let count = Int(integer(header, 0x3C, as: UInt16.self))
    let table = try bytes(tableOffset, entrySize * count)
    guard table.count == entrySize * count, entrySize >= 64 else { throw NotAnELF64File() }
    func section(_ index: Int) -> (type: UInt32, offset: Int, size: Int, link: Int) {
        let base = index * entrySize
        return (integer(table, base + 4, as: UInt32.self), Int(integer(table, base + 24, as: UInt64.self)),
                Int(integer(table, base + 32, as: UInt64.self)), Int(integer(table, base + 40, as: UInt32.self)))
    }
    var names: [String] = []
    for index in 0..<count where section(index).type == 6 {  // SHT_DYNAMIC
        let dynamic = section(index)
        let strings = section(dynamic.link)
        let entries = try bytes(dynamic.offset, dynamic.size)
        let text = try bytes(strings.offset, strings.size)
        for entry in stride(from: 0, to: entries.count - 15, by: 16) {
            let tag = integer(entries, entry, as: UInt64.self)
            if tag == 0 { break }  // DT_NULL
            guard tag == 1 else { continue }  // DT_NEEDED
            let start = Int(integer(entries, entry + 8, as: UInt64.self))
            guard start < text.count else { throw NotAnELF64File() }
            let end = text[start...].firstIndex(of: 0) ?? text.endIndex
            names.append(String(decoding: text[start..<end], as: UTF8.self))
        }
    }
    return names
}

/// Every shared library the dynamic loader maps for an executable (ldd: direct and indirect),
/// with the file it found, or nil when it found none.
func loadedLibraries(of executable: URL) throws -> [(name: String, path: String?)] {
    let (status, output) = try toolOutput("ldd", [executable.path])
    guard status == 0 else { return [] }
    return output.split(separator: "\n").compactMap { line in
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { return nil }
        if words.count >= 3, words[1] == "=>" {
            return (first, words[2] == "not" ? nil : words[2])
        }
        // The loader itself is listed by path; the vDSO (no file) is skipped.
        return first.hasPrefix("/") ? ((first as NSString).lastPathComponent, first) : nil
    }
}

/// The Debian package holding each file, from dpkg's database. With merged /usr, /lib and
/// /usr/lib are one folder but dpkg records each file under the one its package ships it in,
/// so both spellings, of the path and of its symlink's target, are asked.
func owningPackages(of paths: [String]) throws -> [String: String] {
    func spellings(_ path: String) -> [String] {
        var resolved = path
        if let real = realpath(path, nil) {
            resolved = String(cString: real)
            free(real)
        }
        return Array(Set([path, resolved].flatMap { path in
            [path, path.hasPrefix("/usr/") ? String(path.dropFirst(4)) : "/usr" + path]
        })).sorted()
    }
    let candidates = Dictionary(Set(paths).map { ($0, spellings($0)) }, uniquingKeysWith: { first, _ in first })
    let asked = Array(Set(candidates.values.joined())).sorted()
    guard !asked.isEmpty else { return [:] }
    var owner: [String: String] = [:]
    for line in try toolOutput("dpkg", ["-S"] + asked).output.split(separator: "\n") where !line.hasPrefix("diversion") {
        guard let separator = line.range(of: ": ") else { continue }
        let package = line[..<separator.lowerBound].split(separator: ",").first.map { $0.split(separator: ":").first ?? $0 } ?? ""
        owner[String(line[separator.upperBound...])] = String(package).trimmingCharacters(in: .whitespaces)
    }
    return candidates.compactMapValues { spellings in spellings.lazy.compactMap { owner[$0] }.first }
}

/// The installed packages `roots` need, themselves included: Pre-Depends and Depends,
/// followed recursively (of alternatives, every one installed).
func installedDependencyClosure(of roots: [String]) throws -> Set<String> {
    let listing = try toolOutput("dpkg-query", ["-W", "-f", "${db:Status-Abbrev}\t${Package}\t${Pre-Depends}, ${Depends}\n"]).output
    var needs: [String: Set<String>] = [:]
    for line in listing.split(separator: "\n") {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 3, fields[0].hasPrefix("ii") else { continue }
        let names = fields[2].split(whereSeparator: { $0 == "," || $0 == "|" }).compactMap { alternative in
            alternative.split(whereSeparator: { $0.isWhitespace || $0 == "(" }).first.map { String($0.split(separator: ":").first ?? $0) }
        }
        needs[fields[1], default: []].formUnion(names)
    }
    var closure: Set<String> = []
    var queue = roots
    while let package = queue.popLast() {
        guard needs[package] != nil, closure.insert(package).inserted else { continue }
        queue += needs[package] ?? []
    }
    return closure
}

/// The libraries Quire opens on first use instead of linking (`Sources/C*/*.c`: each
/// `QuireLazyLibrary`'s first name, and the Debian package it names, whether one library's own
/// `{names, "package"}` or a row of the text stack's table), with the path the loader finds
/// each at (nil if none).
func lazilyLoadedLibraries() throws -> [(name: String, package: String, path: String?)] {
    let sources = repositoryRoot.appendingPathComponent("Sources")
    var found: [(name: String, package: String, path: String?)] = []
    let cache = try toolOutput("ldconfig", ["-p"]).output
    for folder in try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted() where folder.hasPrefix("C") {
        let directory = sources.appendingPathComponent(folder)
        for file in ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted() where file.hasSuffix(".c") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            var names: [String: String] = [:]
            for match in text.matches(of: /const char \*const (\w+)\[\] = \{"([^"]+)"/) { names[String(match.1)] = String(match.2) }
            for match in text.matches(of: /\{(\w+), "([^"]+)"\}/) {
                guard let name = names[String(match.1)] else { continue }
                let path = cache.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(name + " ") }
                    .flatMap { $0.components(separatedBy: " => ").last }.map { String($0) }
                found.append((name, String(match.2), path))
            }
        }
    }
    return found
}
