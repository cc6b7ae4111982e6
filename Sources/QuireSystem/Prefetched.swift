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
        private let channel: BoundedChannel<Base.Element>

        fileprivate init(_ base: Base.Iterator, depth: Int) {
            let channel = BoundedChannel<Base.Element>(depth: depth)
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
}
