import Foundation

/// A real memory limit a process is started under, as a pod's limit is: a child memory cgroup
/// of the test's own (v1 `memory.limit_in_bytes` or v2 `memory.max`), else a systemd scope
/// with `MemoryMax=`, else an address-space limit (`ulimit -v`, which counts reservations as
/// well as use, so it is stricter than a pod's). `QUIRE_TEST_MEMORY_CAP` (v1, v2, systemd,
/// rlimit) picks one, to try a fallback on a machine that has the others.
final class MemoryCap: @unchecked Sendable {
    enum Mechanism: String { case v1, v2, systemd, rlimit }

    let mechanism: Mechanism
    let limit: Int
    /// The cgroup the process is charged to (for v1 and v2 made here; for systemd, found
    /// once the process runs).
    private(set) var group: URL?
    private let unit = "quire-cap-\(UUID().uuidString.prefix(8).lowercased())"

    /// A cap of `limit` bytes by the first mechanism this machine allows, or why there is none.
    static func make(limit: Int) -> Result<MemoryCap, NoMemoryCap> {
        let wanted = ProcessInfo.processInfo.environment["QUIRE_TEST_MEMORY_CAP"].flatMap(Mechanism.init(rawValue:))
        var reasons: [String] = []
        for mechanism in wanted.map({ [$0] }) ?? [.v1, .v2, .systemd, .rlimit] {
            do {
                return .success(try MemoryCap(mechanism, limit: limit))
            } catch {
                reasons.append("\(mechanism.rawValue): \(error)")
            }
        }
        return .failure(NoMemoryCap(reasons: reasons))
    }

    private init(_ mechanism: Mechanism, limit: Int) throws {
        self.mechanism = mechanism
        self.limit = limit
        switch mechanism {
        case .v1:
            let group = try Self.childGroup(hierarchy: "/sys/fs/cgroup/memory", controller: "memory")
            try Self.write(String(limit), to: group.appendingPathComponent("memory.limit_in_bytes"))
            // No swap either, where the kernel accounts it (a pod gets none).
            let swap = group.appendingPathComponent("memory.memsw.limit_in_bytes")
            if FileManager.default.fileExists(atPath: swap.path) { try? Self.write(String(limit), to: swap) }
            self.group = group
        case .v2:
            guard let controllers = try? String(contentsOfFile: "/sys/fs/cgroup/cgroup.controllers", encoding: .utf8),
                  controllers.split(separator: " ").contains(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "memory" })
            else { throw CapFailure("/sys/fs/cgroup is not a cgroup v2 hierarchy with the memory controller") }
            let own = Self.ownGroupPath(controller: nil) ?? "/"
            let parent = URL(fileURLWithPath: "/sys/fs/cgroup" + own)
            // A v2 group passes a controller to its children only when asked (and only when it
            // holds no processes itself, unless it is the root).
            try? Self.write("+memory", to: parent.appendingPathComponent("cgroup.subtree_control"))
            let group = try Self.childGroup(hierarchy: "/sys/fs/cgroup", controller: nil)
            guard FileManager.default.fileExists(atPath: group.appendingPathComponent("memory.max").path) else {
                try? FileManager.default.removeItem(at: group)
                throw CapFailure("\(parent.path) does not pass the memory controller to its children (cgroup.subtree_control)")
            }
            try Self.write(String(limit), to: group.appendingPathComponent("memory.max"))
            try? Self.write("0", to: group.appendingPathComponent("memory.swap.max"))
            self.group = group
        case .systemd:
            guard FileManager.default.fileExists(atPath: "/run/systemd/system"), FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-run")
            else { throw CapFailure("systemd is not the init system here (no /run/systemd/system), so systemd-run --scope cannot make a scope") }
        case .rlimit:
            break
        }
    }

    /// The command that runs `executable` with `arguments` under the cap. The process itself
    /// is the one capped (a shell that joins the group, then execs), so its pid is the server's.
    func command(_ executable: String, _ arguments: [String]) -> [String] {
        switch mechanism {
        case .v1, .v2:
            ["/bin/sh", "-c", "echo $$ > \"$0/cgroup.procs\" && exec \"$@\"", group!.path, executable] + arguments
        case .systemd:
            ["/usr/bin/systemd-run", "--quiet", "--scope", "--unit", unit, "-p", "MemoryMax=\(limit)", "-p", "MemorySwapMax=0", "--", executable] + arguments
        case .rlimit:
            ["/bin/sh", "-c", "ulimit -v \(limit / 1024) && exec \"$@\"", "sh", executable] + arguments
        }
    }

    /// Finds the scope's cgroup once `pid` runs in it (systemd makes it).
    func attach(pid: Int32) {
        guard mechanism == .systemd, group == nil,
              let lines = try? String(contentsOfFile: "/proc/\(pid)/cgroup", encoding: .utf8).split(separator: "\n") else { return }
        if let v1 = lines.first(where: { $0.split(separator: ":").dropFirst().first?.split(separator: ",").contains("memory") == true }) {
            group = URL(fileURLWithPath: "/sys/fs/cgroup/memory" + v1.split(separator: ":", maxSplits: 2).last!)
        } else if let v2 = lines.first(where: { $0.hasPrefix("0::") }) {
            group = URL(fileURLWithPath: "/sys/fs/cgroup" + v2.dropFirst(3))
        }
    }

    /// Whether the cap is enforced by the kernel's memory accounting (not an address-space bound).
    var isCgroup: Bool { mechanism != .rlimit }

    /// The most memory the group was charged at once (page cache included), when the kernel says.
    var peakBytes: Int? {
        number("memory.max_usage_in_bytes") ?? number("memory.peak")
    }

    /// How many processes the kernel's OOM killer ended in the group.
    var oomKills: Int? {
        field("oom_kill", in: "memory.oom_control") ?? field("oom_kill", in: "memory.events")
    }

    /// How often the group reached its limit (and the kernel reclaimed page cache to stay under).
    var limitHits: Int? {
        number("memory.failcnt") ?? field("max", in: "memory.events")
    }

    /// What the mechanism is, for the test's report.
    var description: String {
        switch mechanism {
        case .v1: "cgroup v1 \(group!.path) memory.limit_in_bytes=\(limit)"
        case .v2: "cgroup v2 \(group!.path) memory.max=\(limit)"
        case .systemd: "systemd-run --scope -p MemoryMax=\(limit) (\(group?.path ?? "scope not found"))"
        case .rlimit: "ulimit -v \(limit / 1024) (address space, not resident memory)"
        }
    }

    /// Removes the group once its processes have gone (a cgroup with members cannot be removed).
    func remove() {
        guard mechanism == .v1 || mechanism == .v2, let group else { return }
        for _ in 0..<100 {
            if rmdir(group.path) == 0 || errno == ENOENT { return }
            usleep(50_000)
        }
    }

    deinit { remove() }

    // MARK: Reading and making groups

    private func number(_ name: String) -> Int? {
        guard let group, let text = try? String(contentsOf: group.appendingPathComponent(name), encoding: .utf8) else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The value of `key` in a file of "key value" lines.
    private func field(_ key: String, in name: String) -> Int? {
        guard let group, let text = try? String(contentsOf: group.appendingPathComponent(name), encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix(key + " ") }.flatMap { Int($0.split(separator: " ").last ?? "") }
    }

    /// The test process's own cgroup path for `controller` (nil: the v2 unified line).
    private static func ownGroupPath(controller: String?) -> String? {
        guard let lines = try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8).split(separator: "\n") else { return nil }
        for line in lines {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            if let controller, parts[1].split(separator: ",").contains(Substring(controller)) { return String(parts[2]) }
            if controller == nil, parts[0] == "0", parts[1].isEmpty { return String(parts[2]) }
        }
        return nil
    }

    /// A new group under the test's own, so that the cap nests inside whatever limits the
    /// test already runs under and nothing outside it is touched.
    private static func childGroup(hierarchy: String, controller: String?) throws -> URL {
        guard FileManager.default.fileExists(atPath: hierarchy + "/cgroup.procs") else {
            throw CapFailure("\(hierarchy) is not a mounted cgroup hierarchy")
        }
        let own = ownGroupPath(controller: controller) ?? "/"
        let group = URL(fileURLWithPath: hierarchy + own).appendingPathComponent("quire-cap-\(UUID().uuidString.prefix(8).lowercased())")
        guard mkdir(group.path, 0o755) == 0 else {
            throw CapFailure("cannot make \(group.path): \(String(cString: strerror(errno))) (making a cgroup needs root or a delegated group)")
        }
        return group
    }

    private static func write(_ value: String, to file: URL) throws {
        // One write(2) of the value: how the kernel's control files take it.
        let descriptor = open(file.path, O_WRONLY)
        let written = descriptor < 0 ? -1 : value.withCString { Foundation.write(descriptor, $0, strlen($0)) }
        let code = errno
        if descriptor >= 0 { close(descriptor) }
        guard written == value.utf8.count else {
            throw CapFailure("cannot write \(value) to \(file.path): \(String(cString: strerror(code)))")
        }
    }
}

/// Why one mechanism could not cap memory here.
struct CapFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Why no mechanism could cap memory here, one reason per mechanism tried.
struct NoMemoryCap: Error, CustomStringConvertible {
    let reasons: [String]
    var description: String { "no memory cap can be made on this machine: " + reasons.joined(separator: "; ") }
}
