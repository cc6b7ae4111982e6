import QuireSystem

/// Pango contexts, each used by one thread at a time (Pango font maps are not thread-safe),
/// each made on first use. Concurrent renders in one process (the service) take free
/// contexts side by side instead of queueing on a single one.
final class ContextPool: Sendable {
    private let members: [Locked<PangoContextOwner?>]
    private let nextTurn = Locked(0)

    init(count: Int) {
        members = (0..<max(1, count)).map { _ in Locked(nil) }
    }

    var count: Int { members.count }

    /// Runs `body` with context `index`, waiting until it is free.
    func with<T>(_ index: Int, _ body: (PangoContextOwner) -> T) -> T {
        members[index % members.count].withLock { body(Self.made(&$0, key: index % members.count)) }
    }

    /// Runs `body` with the first free context, or, when all are busy, waits for one in turn.
    func withAny<T>(_ body: (PangoContextOwner) -> T) -> T {
        for (index, member) in members.enumerated() {
            if let result = member.withLockIfAvailable({ body(Self.made(&$0, key: index)) }) { return result }
        }
        let count = members.count
        let index = nextTurn.withLock { turn in
            defer { turn = (turn + 1) % count }
            return turn
        }
        return with(index, body)
    }

    /// The member's context, made on first use so a small job never pays for idle workers
    /// (or the one the process warmed up, `TextStackWarmUp`); each member after the first
    /// keeps its cairo fonts apart from the others' (`PangoContextOwner(fontKey:)`), so
    /// threads drawing side by side never wait on each other's font locks.
    private static func made(_ owner: inout PangoContextOwner?, key: Int) -> PangoContextOwner {
        if let owner { return owner }
        let created = key == 0 ? TextStackWarmUp.take() ?? PangoContextOwner() : PangoContextOwner(fontKey: key)
        owner = created
        return created
    }
}
