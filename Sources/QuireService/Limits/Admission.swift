/// One request's way into the render gate. It is counted in once its body is complete, or
/// once the body passes `threshold` bytes (so the uploads stored on disk stay bounded by the
/// gate), never while a body trickles in: a slow client cannot take a queue position from a
/// good one.
final class Admission {
    static let threshold = 1 << 20

    private let gate: RenderGate
    private(set) var admitted = false

    init(gate: RenderGate) { self.gate = gate }

    /// `bytes` of the body have arrived.
    func received(_ bytes: Int) async throws(RenderGate.Refusal) {
        if !admitted, bytes >= Self.threshold { try await admit() }
    }

    /// The body is complete.
    func complete() async throws(RenderGate.Refusal) {
        if !admitted { try await admit() }
    }

    private func admit() async throws(RenderGate.Refusal) {
        try await gate.admit()
        admitted = true
    }
}
