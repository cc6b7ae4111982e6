import Foundation
import NIOCore
import QuireKit
import QuireSystem

/// Watches a body as it arrives and closes the connection once it falls below the minimum
/// rate (after a grace period): a body sent a byte at a time, or not at all after its
/// headers, would otherwise hold its connection and its workspace for as long as the client
/// liked (each byte resets the idle timer, and an unfinished request is never idle).
final class UploadPace: Sendable {
    private let started = ContinuousClock.now
    private let received = Locked(0)
    private let grace: Double
    private let minimumRate: Int

    init(grace: Double, minimumRate: Int) {
        self.grace = grace
        self.minimumRate = minimumRate
    }

    func update(_ bytes: Int) { received.withLock { $0 = bytes } }

    /// Whether the body is behind the slowest pace allowed.
    var isTooSlow: Bool {
        let elapsed = (ContinuousClock.now - started).seconds
        return elapsed > grace && Double(received.value) < (elapsed - grace) * Double(minimumRate)
    }

    /// Checks the pace once a second until cancelled, closing `channel` when it is too slow.
    func watch(_ channel: any Channel) -> Task<Void, Never> {
        Task { [self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                if !Task.isCancelled, isTooSlow {
                    channel.close(promise: nil)
                    return
                }
            }
        }
    }
}
