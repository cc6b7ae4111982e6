import QuireSystem

/// Memory promised to requests being read, counted in bytes rather than requests: a JSON
/// body is held and decoded whole, so it reserves its cost before it is read, and one that
/// does not fit is refused at once (429) instead of taking the replica past its limit.
final class MemoryLedger: Sendable {
    /// Bytes that may be reserved at once; nil for no bound.
    let capacity: Int?
    private let reserved = Locked(0)

    init(capacity: Int?) { self.capacity = capacity }

    var inUse: Int { reserved.value }

    /// Reserves `bytes`, or nil when they would not fit.
    func reserve(_ bytes: Int) -> Reservation? {
        let granted = reserved.withLock { reserved -> Bool in
            if let capacity, reserved + bytes > capacity, bytes > 0 { return false }
            reserved += bytes
            return true
        }
        return granted ? Reservation(ledger: self, bytes: bytes) : nil
    }

    fileprivate func release(_ bytes: Int) { reserved.withLock { $0 -= bytes } }
}

/// Bytes held in a `MemoryLedger`, given back once (by `release` or when dropped).
final class Reservation: Sendable {
    private let ledger: MemoryLedger
    private let bytes: Int
    private let held = Locked(true)

    fileprivate init(ledger: MemoryLedger, bytes: Int) {
        self.ledger = ledger
        self.bytes = bytes
    }

    func release() {
        let wasHeld = held.withLock { held -> Bool in
            defer { held = false }
            return held
        }
        if wasHeld { ledger.release(bytes) }
    }

    deinit { release() }
}
