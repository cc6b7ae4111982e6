import Foundation

/// A value behind a lock: the one way Quire's code shares mutable state between threads
/// (counters, caches, a budget's verdict, result slots). Reads copy the value out; changes
/// happen inside `withLock`, so no caller ever holds the lock across its own code.
public final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()

    public init(_ value: Value) { stored = value }

    /// The value now (a copy).
    public var value: Value { withLock { $0 } }

    /// Runs `body` with the value, under the lock, and returns what it returns.
    @discardableResult
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&stored)
    }

    /// Runs `body` under the lock if no other thread holds it, else returns nil at once (a
    /// pool takes the first free member this way).
    public func withLockIfAvailable<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result? {
        guard lock.try() else { return nil }
        defer { lock.unlock() }
        return try body(&stored)
    }
}
