import Foundation
public import Logging
public import QuireKit
import QuireModel

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
    /// Seconds an idle connection is kept open.
    public var idleTimeout = 30.0
    /// Seconds a client has to send a request's headers; past it the connection is closed
    /// (slowloris: headers sent a byte at a time).
    public var headerTimeout = 10.0
    /// The slowest a body may arrive, in bytes a second, after `headerTimeout` seconds of
    /// grace; a slower one is cut off (a body sent a byte at a time).
    public var minUploadRate = 16 * 1024
    /// Memory this replica may promise at once (`--memory-budget-mib`): its own baseline,
    /// each render slot's share and the JSON bodies held while decoded. nil: not bounded.
    public var memoryBudgetBytes: Int?
    /// How log lines are written.
    public var logFormat = LogFormat.text
    /// The least severe log level written; `debug` adds a line as each request arrives.
    public var logLevel = Logger.Level.info
    /// The house styles, fonts and assets: the only folders the service reads.
    public var resources: Resources

    public init(resources: Resources = .locate()) { self.resources = resources }

    /// What the memory budget counts: the service itself, each render slot (a paper or pack
    /// render at the page limit, measured), and a JSON body held while decoded (the body,
    /// its strings and one decoded file: four times its size).
    public static let baselineBytes = 96 << 20, renderSlotBytes = 160 << 20, jsonCostFactor = 4

    /// Bytes of JSON bodies that may be held at once: what the budget leaves after the
    /// baseline and the render slots; nil when there is no budget.
    var jsonMemoryBytes: Int? {
        memoryBudgetBytes.map { $0 - Self.baselineBytes - maxConcurrentRenders * Self.renderSlotBytes }
    }

    /// Refuses a budget that cannot hold the renders and one largest JSON upload.
    func checkMemoryBudget() throws(QuireError) {
        guard let budget = memoryBudgetBytes, let json = jsonMemoryBytes, json < Self.jsonCostFactor * maxBodyBytes else { return }
        let needed = (Self.baselineBytes + maxConcurrentRenders * Self.renderSlotBytes + Self.jsonCostFactor * maxBodyBytes) >> 20
        throw QuireError(.invalidValue, at: nil, field: ServiceSetting.memoryBudgetMib.rawValue,
                         "--memory-budget-mib \(budget >> 20) cannot hold \(maxConcurrentRenders) renders (\(Self.renderSlotBytes >> 20) MiB each), "
                             + "the service's own \(Self.baselineBytes >> 20) MiB and one JSON upload of --max-body-mib \(maxBodyBytes >> 20) "
                             + "(\(Self.jsonCostFactor * maxBodyBytes >> 20) MiB to decode)",
                         hint: "set --memory-budget-mib to at least \(needed), or lower --concurrency or --max-body-mib")
    }
}
