import CThreads
import Foundation
import QuireSystem
import Testing

/// Spare threads start on a core other than their creator's (`quire_thread_start_elsewhere`)
/// and then widen to every core their creator may use, so the narrowed first mask never
/// reaches the job.
@Suite("Spare threads", .serialized)
struct SpareThreadsTests {
    /// The calling thread's cores, as CPU numbers.
    static func cores() -> [Int32] {
        var cores = [Int32](repeating: -1, count: 1024)
        let count = quire_thread_cores(&cores, Int32(cores.count))
        return count > 0 ? Array(cores.prefix(Int(count))) : []
    }

    static func pin(to cores: [Int32]) -> Bool { quire_thread_set_cores(cores, Int32(cores.count)) == 0 }

    /// The cores a thread started by `quire_thread_start_elsewhere` has when its body runs.
    static func coresOfNewThread() -> [Int32]? {
        final class Box: @unchecked Sendable {
            var cores: [Int32] = []
            let done = DispatchSemaphore(value: 0)
        }
        let box = Box()
        let pointer = Unmanaged.passRetained(box).toOpaque()
        let started = quire_thread_start_elsewhere({ pointer in
            let box = Unmanaged<Box>.fromOpaque(pointer!).takeRetainedValue()
            box.cores = SpareThreadsTests.cores()
            box.done.signal()
        }, pointer, 1 << 20)
        guard started == 0 else {
            Unmanaged<Box>.fromOpaque(pointer).release()
            return nil
        }
        box.done.wait()
        return box.cores
    }

    @Test("a new thread's body runs with all of its creator's cores, whatever core it first ran on")
    func widened() {
        let mine = Self.cores()
        #expect(!mine.isEmpty)
        for _ in 0..<20 { #expect(Self.coresOfNewThread() == mine) }
    }

    @Test("a creator held to one core starts its threads there: no core it may not use")
    func oneCore() throws {
        let mine = Self.cores()
        let first = try #require(mine.first)
        #expect(Self.pin(to: [first]))
        defer { _ = Self.pin(to: mine) }
        for _ in 0..<20 { #expect(Self.coresOfNewThread() == [first]) }
    }

    @Test("jobs that wait for each other each get a thread, past the ones kept idle")
    func manyJobs() {
        let arrived = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let running = Locked(0), finished = DispatchSemaphore(value: 0)
        for _ in 0..<20 {
            SpareThreads.run {
                running.withLock { $0 += 1 }
                arrived.signal()
                release.wait()
                finished.signal()
            }
        }
        // All 20 are under way at once (none waits behind another), so all arrive.
        for _ in 0..<20 { arrived.wait() }
        #expect(running.value == 20)
        for _ in 0..<20 { release.signal() }
        for _ in 0..<20 { finished.wait() }
    }
}
