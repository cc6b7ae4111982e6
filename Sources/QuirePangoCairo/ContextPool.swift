import Foundation

/// Pango contexts, each used by one thread at a time (Pango font maps are not thread-safe),
/// each made on first use. Concurrent renders in one process (the service) take free
/// contexts side by side instead of queueing on a single one.
final class ContextPool: @unchecked Sendable {
    private let members: [(lock: NSLock, owner: LazyOwner)]
    private let turn = NSLock()
    private var nextTurn = 0

    init(count: Int) {
        members = (0..<max(1, count)).map { _ in (NSLock(), LazyOwner()) }
    }

    var count: Int { members.count }

    /// Runs `body` with context `index`, waiting until it is free.
    func with<T>(_ index: Int, _ body: (PangoContextOwner) -> T) -> T {
        let member = members[index % members.count]
        member.lock.lock()
        defer { member.lock.unlock() }
        return body(member.owner.value)
    }

    /// Runs `body` with the first free context, or, when all are busy, waits for one in turn.
    func withAny<T>(_ body: (PangoContextOwner) -> T) -> T {
        for member in members where member.lock.try() {
            defer { member.lock.unlock() }
            return body(member.owner.value)
        }
        turn.lock()
        let index = nextTurn
        nextTurn = (nextTurn + 1) % members.count
        turn.unlock()
        return with(index, body)
    }
}

/// Creates the Pango context on first use, so a small job never pays for idle workers.
final class LazyOwner {
    private var owner: PangoContextOwner?
    var value: PangoContextOwner {
        if let owner { return owner }
        let created = PangoContextOwner()
        owner = created
        return created
    }
}
