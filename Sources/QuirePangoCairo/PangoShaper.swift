import Dispatch
import Foundation
public import QuireLayout

/// The Pango implementation of the layout's `TextShaper` port. Large batches are split
/// across worker threads, each with its own font map (Pango font maps are not thread-safe).
public final class PangoShaper: TextShaper, @unchecked Sendable {
    /// Each worker is guarded by its lock: one thread at a time touches its Pango objects.
    private let workers: [(lock: NSLock, owner: LazyOwner)]
    /// Below this many paragraphs, a second thread costs more (font map start-up) than it saves.
    private let parallelThreshold = 200

    /// - Parameter threads: worker count, by default the machine's cores.
    public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        workers = (0..<max(1, threads)).map { _ in (NSLock(), LazyOwner()) }
    }

    public func shape(_ paragraphs: [ParagraphSpec]) -> [ShapedParagraph] {
        let count = paragraphs.count
        guard count >= parallelThreshold, workers.count > 1 else {
            return withWorker(0) { owner in paragraphs.map(owner.shape) }
        }
        var results = [ShapedParagraph?](repeating: nil, count: count)
        let chunks = workers.count
        results.withUnsafeMutableBufferPointer { buffer in
            let output = SendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (chunk * count / chunks)..<((chunk + 1) * count / chunks)
                self.withWorker(chunk) { owner in
                    for index in range { output.buffer[index] = owner.shape(paragraphs[index]) }
                }
            }
        }
        return results.map { $0! }
    }

    /// Runs `body` with worker `index`'s Pango context, holding its lock.
    func withWorker<T>(_ index: Int, _ body: (PangoContextOwner) -> T) -> T {
        let worker = workers[index % workers.count]
        worker.lock.lock()
        defer { worker.lock.unlock() }
        return body(worker.owner.value)
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

/// Lets concurrent workers write disjoint slots of one buffer.
private struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
