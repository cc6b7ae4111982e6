import Foundation

/// A sequence whose elements are made on a thread of their own, up to `depth` ahead of the
/// one consuming them, in the same order. For a producer and a consumer that share nothing
/// but the elements: a long document's pages are finished (read back from the spool, running
/// header and footer added) while the pages before them are drawn.
public struct Prefetched<Base: Sequence>: Sequence, @unchecked Sendable where Base.Element: Sendable {
    private let base: Base
    private let depth: Int

    public init(_ base: Base, depth: Int = 8) {
        self.base = base
        self.depth = Swift.max(1, depth)
    }

    public func makeIterator() -> Iterator { Iterator(base.makeIterator(), depth: depth) }

    public final class Iterator: IteratorProtocol {
        private let channel: Channel

        fileprivate init(_ base: Base.Iterator, depth: Int) {
            let channel = Channel(depth: depth)
            self.channel = channel
            let producer = Producer(base)
            SpareThreads.run {
                while let element = producer.next(), channel.put(element) {}
                channel.close()
            }
        }

        public func next() -> Base.Element? { channel.take() }

        // A consumer that stops early (a failed draw) releases the producer, and waits for it
        // to end: the base may call back into its caller's scope (a closure that must not
        // outlive the call that drew the pages).
        deinit { channel.cancelAndWait() }
    }

    /// The base iterator, handed to the producing thread and used by it alone.
    private final class Producer: @unchecked Sendable {
        private var iterator: Base.Iterator
        init(_ iterator: Base.Iterator) { self.iterator = iterator }
        func next() -> Base.Element? { iterator.next() }
    }

    /// A bounded queue between the two threads.
    private final class Channel: @unchecked Sendable {
        private let condition = NSCondition()
        private var buffer: [Base.Element] = []  // at most `depth` long: taking from its front is cheap
        private var closed = false
        private var cancelled = false
        private let depth: Int

        init(depth: Int) { self.depth = depth }

        /// Waits for room; false once the consumer has gone.
        func put(_ element: Base.Element) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while buffer.count >= depth, !cancelled { condition.wait() }
            guard !cancelled else { return false }
            buffer.append(element)
            condition.broadcast()
            return true
        }

        /// The next element, waiting for it; nil after the last.
        func take() -> Base.Element? {
            condition.lock()
            defer { condition.unlock() }
            while buffer.isEmpty, !closed { condition.wait() }
            guard !buffer.isEmpty else { return nil }
            condition.broadcast()
            return buffer.removeFirst()
        }

        func close() {
            condition.lock()
            closed = true
            condition.broadcast()
            condition.unlock()
        }

        func cancelAndWait() {
            condition.lock()
            defer { condition.unlock() }
            cancelled = true
            condition.broadcast()
            while !closed { condition.wait() }
        }
    }
}
