public import Foundation

/// A real small file system for the disk-full tests: a tmpfs of `bytes` mounted on a fresh
/// folder, unmounted and removed when the value goes. Mounting needs root (`canMount`); the
/// tests that use it are skipped elsewhere.
public final class TinyDisk {
    public static let canMount = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount")

    public let folder: URL

    public init(bytes: Int) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-tiny-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let mounted = try runProcess("/bin/mount", ["-t", "tmpfs", "-o", "size=\(bytes)", "tmpfs", folder.path])
        guard mounted.status == 0 else {
            try? FileManager.default.removeItem(at: folder)
            throw MountFailed(reason: mounted.stderr)
        }
    }

    deinit {
        _ = try? runProcess("/bin/umount", [folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Bytes in use on it (tmpfs counts whole pages).
    public var usedBytes: Int {
        var status = statvfs()
        guard statvfs(folder.path, &status) == 0 else { return -1 }
        return Int(status.f_blocks - status.f_bfree) * Int(status.f_frsize)
    }

    /// Every file on it, hidden ones and those in folders included, as paths inside it.
    public var files: [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(path)
            }
        }
        return found.sorted()
    }
}

/// `mount -t tmpfs` refused.
public struct MountFailed: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { "mount -t tmpfs failed: \(reason)" }
}
