import Foundation

/// The one folder this process keeps its requests' workspaces in, `quire-service-<pid>` in
/// the temporary folder. A process killed outright (SIGKILL, the OOM killer) cannot remove
/// its own, so each service, as it starts, removes those of processes that are gone; those
/// of services still running (several may share a machine's /tmp) are left alone.
enum RequestFolders {
    static let prefix = "quire-service-"
    static let parent: URL = {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(prefix + String(getpid()))
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return url
    }()

    /// Removes the request folders of services no longer running; returns how many.
    @discardableResult
    static func sweep(in temporary: URL = URL(fileURLWithPath: NSTemporaryDirectory())) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        var removed = 0
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            // kill(pid, 0) fails with ESRCH only when no such process exists.
            if kill(pid, 0) != 0, errno == ESRCH, (try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))) != nil {
                removed += 1
            }
        }
        return removed
    }
}
