import Foundation
public import QuireLayout
public import QuireModel
import QuireSystem

/// The service's budget for one render: a deadline and a page limit (`--render-timeout`,
/// `--max-pages`). The first limit crossed is kept as the error to report.
public final class RenderBudget: WorkBudget {
    public let deadline: ContinuousClock.Instant?
    public let maxPages: Int?
    private let seconds: Double?
    private let crossed = Locked<QuireError?>(nil)

    public init(seconds: Double? = nil, maxPages: Int? = nil) {
        self.seconds = seconds
        self.deadline = seconds.map { .now + .milliseconds(Int64($0 * 1000)) }
        self.maxPages = maxPages
    }

    public var exceeded: QuireError? { crossed.value }

    public func allows(pages: Int) -> Bool {
        guard deadline != nil || maxPages != nil else { return true }
        return crossed.withLock { crossed in
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
    }
}

private func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
}
