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
}
