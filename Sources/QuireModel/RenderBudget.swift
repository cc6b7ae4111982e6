import Foundation

/// How much work one render may do: a deadline and a page limit. The layout checks it
/// between chunks of paragraphs and as pages are made, drawing checks it between pages, so
/// a render past either stops early instead of running on (the service's time and page
/// limits). The first limit crossed is kept as the error to report.
public final class RenderBudget: @unchecked Sendable {
    public let deadline: ContinuousClock.Instant?
    public let maxPages: Int?
    private let seconds: Double?
    private var crossed: QuireError?
    private let lock = NSLock()

    /// No limits: the CLI's renders.
    public static let unlimited = RenderBudget()

    public init(seconds: Double? = nil, maxPages: Int? = nil) {
        self.seconds = seconds
        self.deadline = seconds.map { .now + .milliseconds(Int64($0 * 1000)) }
        self.maxPages = maxPages
    }

    /// The limit crossed so far, if any.
    public var exceeded: QuireError? {
        lock.lock(); defer { lock.unlock() }
        return crossed
    }

    /// True while the render may go on with `pages` pages made; false (and the reason kept)
    /// once past the time or page limit.
    public func allows(pages: Int = 0) -> Bool {
        guard deadline != nil || maxPages != nil else { return true }
        lock.lock(); defer { lock.unlock() }
        if crossed != nil { return false }
        if let maxPages, pages > maxPages {
            crossed = QuireError(.limit, at: nil, "the document runs past \(maxPages) pages, the most one render may make",
                                 hint: "split the document, or raise the limit (quire serve --max-pages)")
        } else if let deadline, let seconds, ContinuousClock.now > deadline {
            crossed = QuireError(.timeLimit, at: nil, "the render took longer than \(formatSeconds(seconds)) s and was stopped",
                                 hint: "try again when the service is less busy, split the document, or raise the limit (quire serve --render-timeout)")
        }
        return crossed == nil
    }

    /// Throws the limit crossed, if any.
    public func check(pages: Int = 0) throws(QuireError) {
        if !allows(pages: pages), let crossed = exceeded { throw crossed }
    }
}

private func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
}
