import Foundation
import QuireLayout
import QuirePages
import QuireSystem

/// The text stack made ready from the first moment of a command that typesets, on a thread
/// of its own, while the command line is parsed and the source read: the bundled fonts'
/// configuration, Pango, cairo and HarfBuzz loaded, and Pango contexts with the bundled
/// family's faces loaded for shaping and for drawing, which the context pools take as they
/// need them (`ContextPool`). Without it a cold render loaded the stack only once its
/// `Typesetter` was made, after parsing, and laying the paper out waited for it.
public enum TextStackWarmUp {
    private static let state = NSCondition()
    nonisolated(unsafe) private static var started = false
    nonisolated(unsafe) private static var finished = false
    nonisolated(unsafe) private static var warmed: [PangoContextOwner] = []

    /// Starts the warm-up, once per process: `contexts` Pango contexts, the first ready
    /// soonest. `first` runs before anything is loaded: what the caller needs opened before
    /// Pango holds the loader (`quire_stack_bind_markdown`).
    public static func start(fontsDirectory: String, contexts: Int, family: String = "Liberation Sans",
                             first: @escaping @Sendable () -> Void) {
        state.lock()
        defer { state.unlock() }
        guard !started else { return }
        started = true
        SpareThreads.run {
            first()
            FontConfiguration.use(fontsDirectory: fontsDirectory)
            for _ in 0..<max(1, contexts) {
                let owner = PangoContextOwner()
                _ = owner.shape(PangoShaper.warmUpSample(family: family))
                _ = owner.scaledFont(for: QuirePagesFontRef(family: family, size: 12))
                state.lock()
                warmed.append(owner)
                state.signal()
                state.unlock()
            }
            state.lock()
            finished = true
            state.broadcast()
            state.unlock()
        }
    }

    /// Whether a warm-up was started: a `Typesetter` then has nothing of its own to prewarm.
    public static var isStarted: Bool {
        state.lock()
        defer { state.unlock() }
        return started
    }

    /// Waits until a warm-up under way has finished: before the process exits, whose
    /// libraries' finalisers (HarfBuzz's, fontconfig's) must not run while it shapes.
    public static func wait() {
        state.lock()
        defer { state.unlock() }
        while started && !finished { state.wait() }
    }

    /// A warmed context, waiting for the next if the warm-up is still making them; nil once
    /// there was none or all were taken.
    static func take() -> PangoContextOwner? {
        state.lock()
        defer { state.unlock() }
        while started && !finished && warmed.isEmpty { state.wait() }
        return warmed.isEmpty ? nil : warmed.removeFirst()
    }
}
