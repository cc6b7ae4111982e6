public import Foundation
#if canImport(Glibc)
import CMalloc
#endif

/// What Quire asks of the operating system that differs between Linux and elsewhere, in one
/// place: the running executable's path, the process's resident memory, and giving freed heap
/// back. Everything else is Foundation's.
public enum Platform {
    /// The running executable, links resolved: `quire serve` and `quire bench` find their
    /// companions beside it.
    public static var executable: URL {
        #if os(Linux)
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        #else
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        #endif
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
