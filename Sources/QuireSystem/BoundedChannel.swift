import Foundation

/// A queue between threads that holds at most `depth` elements: `put` waits for room, `take`
/// for an element. Pages go through one from the thread that finishes them (read back from
/// the spool, running header and footer added) to the thread that draws them, so neither runs
/// more than `depth` pages ahead of the other.
public final class BoundedChannel<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [Element] = []  // at most `depth` long: taking from its front is cheap
    private var closed = false
    private let depth: Int

    public init(depth: Int) { self.depth = Swift.max(1, depth) }

    /// Waits for room and adds `element`.
    public func put(_ element: Element) {
        condition.lock()
        defer { condition.unlock() }
        while buffer.count >= depth { condition.wait() }
        buffer.append(element)
        condition.broadcast()
    }

    /// The next element, waiting for it; nil once the channel is closed and empty.
    public func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while buffer.isEmpty, !closed { condition.wait() }
        guard !buffer.isEmpty else { return nil }
        condition.broadcast()
        return buffer.removeFirst()
    }

    /// No more elements: `take` returns the ones queued, then nil.
    public func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
