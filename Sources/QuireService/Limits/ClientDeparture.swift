import NIOCore
import QuireSystem

/// Whether the client of a connection is still there, and who to tell when it goes. A
/// request's render watches it, so a client that hangs up stops its render (and frees the
/// slot) instead of leaving it to run to its time limit for nobody.
final class ClientPresence: Sendable {
    private let state = Locked<(gone: Bool, next: Int, watchers: [Int: @Sendable () -> Void])>((false, 0, [:]))

    var isGone: Bool { state.value.gone }

    /// Calls `action` (once) when the client goes, at once if it has gone; the number returned
    /// stops the watch (`stopWatching`).
    func onDeparture(_ action: @escaping @Sendable () -> Void) -> Int {
        let (token, goneAlready) = state.withLock { state -> (Int, Bool) in
            defer { state.next += 1 }
            if !state.gone { state.watchers[state.next] = action }
            return (state.next, state.gone)
        }
        if goneAlready { action() }
        return token
    }

    func stopWatching(_ token: Int) { state.withLock { _ = $0.watchers.removeValue(forKey: token) } }

    fileprivate func markGone() {
        let watchers = state.withLock { state -> [@Sendable () -> Void] in
            guard !state.gone else { return [] }
            state.gone = true
            defer { state.watchers = [:] }
            return Array(state.watchers.values)
        }
        for watcher in watchers { watcher() }
    }
}

/// Sits in each connection's pipeline and marks its client gone when the connection closes
/// or the client closes its side. As nginx does, a client that shuts its sending side while
/// waiting for an answer counts as gone: a well-behaved HTTP/1.1 client keeps it open until
/// the answer is read. The server closing the input itself (Hummingbird does, shutting down
/// on SIGTERM) is not the client leaving: those renders finish and are answered.
final class ClientDepartureHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny
    typealias OutboundIn = NIOAny
    let presence = ClientPresence()
    private var closingInputHere = false

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed, !closingInputHere { presence.markGone() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        presence.markGone()
        context.fireChannelInactive()
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        if mode == .input { closingInputHere = true }
        context.close(mode: mode, promise: promise)
    }
}

extension Channel {
    /// The presence of the client on this connection, if its pipeline watches for it (the
    /// in-process test server's channel does not).
    func clientPresence() async -> ClientPresence? {
        try? await eventLoop.submit { [self] in try self.pipeline.syncOperations.handler(type: ClientDepartureHandler.self).presence }.get()
    }
}
