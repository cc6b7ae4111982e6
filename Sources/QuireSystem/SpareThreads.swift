import CThreads
import Foundation

/// Runs each job on a thread of its own, started at once as `Thread { }.start()` would, but
/// on a thread an earlier job left idle where there is one. A render hands two jobs to
/// threads of their own (the page prefetcher, the content re-marking); the service made and
/// ended both for every request, and each new thread's stack was faulted in and given back
/// (two `clone3` and an 8 MiB `madvise` a request).
///
/// A job may block for as long as it likes (waiting for its consumer): every job gets a
/// thread that runs nothing else meanwhile, so no job waits behind another, as it could on a
/// dispatch queue.
public enum SpareThreads {
    /// Starts `job` on an idle thread, or on a new one when none is idle.
    public static func run(_ job: @escaping @Sendable () -> Void) { reserve.run(job) }

    /// Threads kept waiting between jobs: a pack's or the service's busiest moment needs a
    /// few; more than these end when their job does.
    static let kept = 8

    private static let reserve = Reserve()

    private final class Reserve: @unchecked Sendable {
        private let condition = NSCondition()
        private var pending: [@Sendable () -> Void] = []
        private var waiting = 0

        func run(_ job: @escaping @Sendable () -> Void) {
            condition.lock()
            defer { condition.unlock() }
            pending.append(job)
            if waiting > 0 { condition.signal() }
            // One thread per pending job: a waiting thread for each, or a new one.
            if pending.count > waiting { start() }
        }

        /// A new thread, first run on another core than this one's where there is one
        /// (`quire_thread_start_elsewhere`): a render's threads start while the main thread
        /// is busy, and one queued behind it waited 1 to 4 ms with the other core idle.
        private func start() {
            let box = Unmanaged.passRetained(self).toOpaque()
            // 8 MiB of stack: a page's finishing recurses through its frames.
            let started = quire_thread_start_elsewhere({ pointer in
                Unmanaged<Reserve>.fromOpaque(pointer!).takeRetainedValue().work()
            }, box, 8 << 20)
            if started != 0 {
                Unmanaged<Reserve>.fromOpaque(box).release()
                let thread = Thread { [self] in work() }
                thread.stackSize = 8 << 20
                thread.start()
            }
        }

        private func work() {
            condition.lock()
            while true {
                if !pending.isEmpty {
                    let job = pending.removeFirst()
                    condition.unlock()
                    job()
                    condition.lock()
                    continue
                }
                guard waiting < SpareThreads.kept else { break }
                waiting += 1
                condition.wait()
                waiting -= 1
            }
            condition.unlock()
        }
    }
}
