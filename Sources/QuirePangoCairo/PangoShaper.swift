import Dispatch
public import Foundation
public import QuireLayout
import QuireSystem

/// The Pango implementation of the layout's `TextShaper` port. Large batches are split
/// across worker threads, each with its own font map (Pango font maps are not thread-safe).
public final class PangoShaper: TextShaper, @unchecked Sendable {
    /// One context per worker; one thread at a time touches each one's Pango objects.
    private let workers: ContextPool
    /// Below this many paragraphs, handing work to a second thread costs more than it saves.
    private let parallelThreshold = 32

    /// - Parameter threads: worker count, by default the machine's cores.
    public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        workers = ContextPool(count: threads)
    }

    /// Starts every worker's Pango context and loads the bundled family's faces on background
    /// threads, so that font start-up overlaps whatever the caller does next (reading and
    /// parsing the source). Safe to skip; safe to race with `shape`.
    public func prewarm(family: String = "Liberation Sans") {
        let spec = Self.warmUpSample(family: family)
        for index in 0..<workers.count {
            DispatchQueue.global().async {
                self.workers.with(index) { owner in _ = owner.shape(spec) }
            }
        }
    }

    /// A paragraph whose shaping loads the family's regular and bold faces.
    static func warmUpSample(family: String) -> ParagraphSpec {
        var sample = StyledText("Page 1 of 1 ")
        sample.append("Recommendation:", style: SpanStyle(bold: true))
        return ParagraphSpec(text: sample, family: family, size: 12, width: 400, alignment: .justify)
    }

    /// Paragraphs this shaper has shaped, for every render it serves.
    public let cache = ShapedParagraphCache()

    public func shape(_ paragraphs: [ParagraphSpec]) -> [ShapedParagraph] {
        cache.shaped(paragraphs, by: shapeEach)
    }

    private func shapeEach(_ paragraphs: [ParagraphSpec]) -> [ShapedParagraph] {
        let count = paragraphs.count
        guard count >= parallelThreshold, workers.count > 1 else {
            return workers.withAny { owner in paragraphs.map(owner.shape) }
        }
        var results = [ShapedParagraph?](repeating: nil, count: count)
        // Workers take small batches from a shared counter: paragraphs differ in length, so
        // fixed halves would leave one core idle at the end.
        let next = AtomicCounter()
        let batch = 16
        results.withUnsafeMutableBufferPointer { buffer in
            let output = SendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: workers.count) { _ in
                // Any free context: a pack lays papers out side by side, each shaping its own
                // batch, and a fixed context per worker would make them queue on context 0.
                self.workers.withAny { owner in
                    while true {
                        let start = next.add(batch)
                        guard start < count else { break }
                        for index in start..<min(start + batch, count) { output.buffer[index] = owner.shape(paragraphs[index]) }
                    }
                }
            }
        }
        return results.map { $0! }
    }
}

/// A shared work counter (a lock is cheap at one take per batch).
private final class AtomicCounter: Sendable {
    private let value = Locked(0)

    /// Returns the value before adding `amount`.
    func add(_ amount: Int) -> Int {
        value.withLock { value in
            defer { value += amount }
            return value
        }
    }
}

/// Lets concurrent workers write disjoint slots of one buffer.
private struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
