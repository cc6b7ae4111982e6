/// One result slot per piece of work done with `DispatchQueue.concurrentPerform`: each worker
/// writes its own slot, and the caller reads them all once the work is done.
public final class ConcurrentSlots<Value>: Sendable {
    private let values: Locked<[Value?]>

    public init(count: Int) { values = Locked(Array(repeating: nil, count: count)) }

    public subscript(index: Int) -> Value? {
        get { values.withLock { $0[index] } }
        set { values.withLock { $0[index] = newValue } }
    }
}
