import Foundation
import QuireSystem
import Testing

/// Pages are finished on a thread of their own while earlier ones are drawn (`Prefetched`):
/// same elements, same order, a bounded distance ahead, and nothing left running when the
/// consumer stops early.
@Suite("Prefetched sequences")
struct PrefetchedTests {
    /// Counts the elements made, and notes whether any was made on the consumer's thread.
    final class Source: Sequence, @unchecked Sendable {
        let made = Locked(0)
        let limit: Int
        let consumer: Thread
        let onConsumerThread = Locked(false)
        init(limit: Int) { self.limit = limit; consumer = Thread.current }

        func makeIterator() -> AnyIterator<Int> {
            AnyIterator { [self] in
                if Thread.current == consumer { onConsumerThread.withLock { $0 = true } }
                return made.withLock { count in
                    guard count < limit else { return nil }
                    count += 1
                    return count
                }
            }
        }
    }

    @Test("every element, in order, made on another thread")
    func sameElementsInOrder() {
        let source = Source(limit: 1_000)
        #expect(Array(Prefetched(source, depth: 3)) == Array(1...1_000))
        #expect(!source.onConsumerThread.value)
        #expect(Array(Prefetched(Source(limit: 0))).isEmpty)
    }

    @Test("the producer runs at most its depth ahead of the consumer")
    func boundedAhead() {
        let source = Source(limit: 100)
        var iterator = Prefetched(source, depth: 4).makeIterator()
        for taken in 1...20 {
            #expect(iterator.next() == taken)
            Thread.sleep(forTimeInterval: 0.002)  // time for the producer to fill the queue
            // Four queued, and one made that waits for room.
            #expect(source.made.value <= taken + 5)
        }
        #expect(source.made.value >= 24)
    }

    @Test("a consumer that stops early stops the producer before it returns")
    func earlyStopEndsTheProducer() {
        let source = Source(limit: 1_000_000)
        do {
            var iterator = Prefetched(source, depth: 8).makeIterator()
            for _ in 0..<5 { _ = iterator.next() }
        }
        let afterStop = source.made.value
        Thread.sleep(forTimeInterval: 0.05)
        #expect(source.made.value == afterStop)
        #expect(afterStop < 5 + 8 + 2)
    }
}
