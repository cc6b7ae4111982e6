import QuireSystem

/// Bounds the work in the service. A request is admitted (or refused at once, so the client
/// retries later instead of piling up here) once its body is complete or large (`Admission`);
/// it then waits, in arrival order, for one of `slots` render slots. A trickling body never
/// holds a place, and reading a body never holds a slot.
actor RenderGate {
    enum Refusal: Error { case full, cancelled }

    let slots: Int
    let queueLimit: Int
    private(set) var running = 0
    private var admitted = 0
    private var waiters: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []  // a few hundred at most
    private var nextID = 0

    init(slots: Int, queueLimit: Int) {
        self.slots = max(1, slots)
        self.queueLimit = max(0, queueLimit)
    }

    var queued: Int { admitted - running }

    /// Counts the request in, or throws `full` when `slots + queueLimit` are already in.
    func admit() throws(Refusal) {
        guard admitted < slots + queueLimit else { throw .full }
        admitted += 1
    }

    /// Waits for a render slot (call `releaseSlot()` after); throws `cancelled` if the task is
    /// cancelled while waiting (its client went away).
    func waitForSlot() async throws {
        if running < slots, waiters.isEmpty {
            running += 1
            return
        }
        let id = nextID
        nextID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                waiters.append((id, continuation))
            }
        } onCancel: {
            Task { await self.cancel(id) }
        }
    }

    /// Counts the request out. Once the service has been idle for `trimDelay`, freed heap
    /// goes back to the system: glibc keeps what a burst of large requests freed in its
    /// per-thread arenas, and a replica's memory would stay at its peak. Not at once: a lone
    /// client's next request comes a moment later, and trimming after each one made every
    /// render fault its memory in again.
    func leave() {
        admitted -= 1
        guard admitted == 0 else { return }
        idlePeriod += 1
        let period = idlePeriod
        Task {
            try? await Task.sleep(for: RenderGate.trimDelay)
            await self.releaseMemory(ifStillIdleSince: period)
        }
    }

    static let trimDelay = Duration.milliseconds(100)
    private var idlePeriod = 0

    private func releaseMemory(ifStillIdleSince period: Int) {
        if admitted == 0, idlePeriod == period { Platform.releaseFreedMemory() }
    }

    /// Hands a finished render's slot to the next waiter.
    func releaseSlot() {
        if !waiters.isEmpty {
            waiters.removeFirst().continuation.resume()  // the slot passes on: `running` stays the same
        } else {
            running -= 1
        }
    }

    private func cancel(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: Refusal.cancelled)
    }
}
