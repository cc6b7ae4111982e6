import Foundation
public import QuireLayout
public import QuireModel
import QuireSystem

/// The service's budget for one render: a deadline and a page limit (`--render-timeout`,
/// `--max-pages`), and a stop when the client has gone (`cancel`). The first limit crossed is
/// kept as the error to report.
public final class RenderBudget: WorkBudget {
    public let maxPages: Int?
    private let seconds: Double?
    private let state = Locked<(deadline: ContinuousClock.Instant?, crossed: QuireError?, cancelled: Bool)>((nil, nil, false))

    /// The deadline runs from `start()`, so time spent waiting for a slot is not counted.
    public init(seconds: Double? = nil, maxPages: Int? = nil) {
        self.seconds = seconds
        self.maxPages = maxPages
    }

    /// Starts the clock: the render itself begins now.
    public func start() {
        state.withLock { state in state.deadline = seconds.map { .now + .milliseconds(Int64($0 * 1000)) } }
    }

    public var exceeded: QuireError? { state.value.crossed }

    /// Whether the render was stopped because its client went away.
    public var cancelled: Bool { state.value.cancelled }

    /// Stops the render at its next check: nobody is waiting for its answer.
    public func cancel() {
        state.withLock { state in
            guard state.crossed == nil else { return }
            state.cancelled = true
            state.crossed = QuireError(.timeLimit, at: nil, "the client closed the connection, so the render was stopped")
        }
    }

    public func allows(pages: Int) -> Bool {
        state.withLock { state in
            if state.crossed != nil { return false }
            if let maxPages, pages > maxPages {
                state.crossed = QuireError(.limit, at: nil, "the document runs past \(maxPages) pages, the most one render may make",
                                           hint: "split the document, or raise the limit (quire serve --max-pages)")
            } else if let deadline = state.deadline, let seconds, ContinuousClock.now > deadline {
                state.crossed = QuireError(.timeLimit, at: nil, "the render took longer than \(formatSeconds(seconds)) s and was stopped",
                                           hint: "try again when the service is less busy, split the document, or raise the limit (quire serve --render-timeout)")
            }
            return state.crossed == nil
        }
    }
}

private func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
}
