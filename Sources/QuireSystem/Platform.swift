public import Foundation
import CThreads
#if canImport(Glibc)
import CMalloc
#endif

/// What Quire asks of the operating system that differs between Linux and elsewhere, in one
/// place: the running executable's path, the process's resident memory, and giving freed heap
/// back. Everything else is Foundation's.
public enum Platform {
    /// The running executable, links resolved: `quire serve` and `quire bench` find their
    /// companions beside it.
    public static var executable: URL { URL(fileURLWithPath: executablePath) }

    /// Read once. On Linux the kernel's link is the path with every link resolved already:
    /// neither `Bundle.main` (which lists the executable's folder) nor resolving the URL
    /// component by component (a stat each) is needed, and a start-up did both.
    private static let executablePath: String = {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if length > 0 { return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        #endif
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    }()

    /// The environment variable `name`, nil when unset. `getenv`, not
    /// `ProcessInfo.environment`, whose first use builds a dictionary of every variable and
    /// cost a cold render 0.3 ms of type lookups before anything else could start (perf).
    public static func environmentValue(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Sets the environment variable `name` for this process and the libraries it loads, safe
    /// while other threads read the environment (`setenv` is not: see `environment.c`).
    /// False when `name` is empty or holds "=", or memory ran out.
    @discardableResult
    public static func setEnvironmentValue(_ name: String, _ value: String) -> Bool {
        quire_environment_set(name, value) == 0
    }

    /// Resident memory of this process in bytes (Linux: VmRSS from /proc/self/status); 0 where
    /// the system does not say.
    public static func residentMemoryBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes * 1024
    }

    /// Keeps freed heap in the process until `releaseFreedMemory` gives it back, for a
    /// process that calls that when it goes idle (the service). By default glibc hands the
    /// top of a thread's arena back as soon as 128 KiB or so of it is free, and the next
    /// render faults it in again: a dozen `madvise` calls a request. Blocks of 4 MiB and more
    /// still come from and go straight back to the system.
    public static func keepFreedMemoryUntilReleased() {
        #if canImport(Glibc)
        mallopt(M_MMAP_THRESHOLD, 4 << 20)
        mallopt(M_TRIM_THRESHOLD, 16 << 20)
        #endif
    }

    /// Gives heap that has been freed back to the system. glibc keeps what a burst of large
    /// allocations freed in its per-thread arenas (a long-running service would stay at its
    /// peak); other allocators return it themselves, so this does nothing there.
    public static func releaseFreedMemory() {
        #if canImport(Glibc)
        malloc_trim(0)
        #endif
    }
}
