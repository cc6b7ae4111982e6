import Foundation
public import Logging
public import QuireKit

/// Where the service listens, how much it lets one request cost and how it logs. Every setting
/// is a `quire serve` flag and a `QUIRE_…` environment variable (`ServiceSetting`); the
/// defaults suit a 2-core replica rendering papers and packs.
public struct ServiceConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The largest request body, in bytes (a pack with its PDF appendices is the big case).
    public var maxBodyBytes = 32 * 1024 * 1024
    /// The most pages one document (paper or pack) may have.
    public var maxPages = 2000
    /// Seconds one render may take once started; past it the render stops and the answer is 503.
    public var renderTimeout = 60.0
    /// Renders at once: one per core, so a render never waits for CPU behind another.
    public var maxConcurrentRenders = ProcessInfo.processInfo.activeProcessorCount
    /// Requests waiting for a render slot; beyond it, 429 with Retry-After.
    public var maxQueuedRenders = 256
    /// Open connections; further ones wait in the listen backlog.
    public var maxConnections = 512
    /// Seconds an idle (or trickling) connection is kept open.
    public var idleTimeout = 30.0
    /// How log lines are written.
    public var logFormat = LogFormat.text
    /// The least severe log level written; `debug` adds a line as each request arrives.
    public var logLevel = Logger.Level.info
    /// The house styles, fonts and assets: the only folders the service reads.
    public var resources: Resources

    public init(resources: Resources = .locate()) { self.resources = resources }
}
