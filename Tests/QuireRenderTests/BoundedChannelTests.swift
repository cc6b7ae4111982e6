import Foundation
import QuireSystem
import Testing

/// Pages go from the thread that finishes them to the thread that draws them through a
/// `BoundedChannel`: same elements, same order, never more than its depth queued.
@Suite("Bounded channels")
struct BoundedChannelTests {
    @Test("every element arrives, in order, on the other thread; take ends after close")
    func inOrder() {
        let channel = BoundedChannel<Int>(depth: 3)
        let received = Locked<[Int]>([])
        let done = DispatchSemaphore(value: 0)
        SpareThreads.run {
            while let value = channel.take() { received.withLock { $0.append(value) } }
            done.signal()
        }
        for value in 1...1_000 { channel.put(value) }
        channel.close()
        done.wait()
        #expect(received.value == Array(1...1_000))
        #expect(channel.take() == nil)
    }

    @Test("the producer waits once its depth is queued, and goes on as the consumer takes")
    func bounded() {
        let channel = BoundedChannel<Int>(depth: 4)
        let put = Locked(0)
        let done = DispatchSemaphore(value: 0)
        SpareThreads.run {
            for value in 1...20 {
                channel.put(value)
                put.withLock { $0 = value }
            }
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.05)
        #expect(put.value == 4)
        for expected in 1...3 { #expect(channel.take() == expected) }
        Thread.sleep(forTimeInterval: 0.05)
        #expect(put.value == 7)
        while put.value < 20 { _ = channel.take() }
        done.wait()
    }
}
