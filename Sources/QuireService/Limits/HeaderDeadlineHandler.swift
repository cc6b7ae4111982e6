import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request headers have not all arrived within the deadline
/// (slowloris: headers sent a byte at a time, holding a connection each for as long as the
/// client likes). The clock starts when the connection opens, and on a kept-alive connection
/// again at the first byte of each later request: Hummingbird's idle timer counts decoded
/// requests, not bytes, so without this a client could send one good request and then trickle
/// the next one's headers until the idle timeout. A connection merely idle between requests is
/// left to the idle timeout.
///
/// It sits after the HTTP decoder, which passes a request on only once its headers are
/// complete, and puts a `RequestStartWatcher` before the decoder to see raw bytes.
final class HeaderDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private enum State {
        /// Waiting for a request's headers, on the clock.
        case awaitingHeaders
        /// A request is being read or answered.
        case inRequest
        /// Between requests, off the clock until the next request's first byte.
        case idle
    }

    private let timeout: TimeAmount
    private var deadline: Scheduled<Void>?
    private var state = State.awaitingHeaders
    private var watcher: RequestStartWatcher?

    init(timeout: TimeAmount) { self.timeout = timeout }

    func handlerAdded(context: ChannelHandlerContext) {
        let watcher = RequestStartWatcher(owner: self)
        self.watcher = watcher
        try? context.pipeline.syncOperations.addHandler(watcher, position: .first)
        if context.channel.isActive { arm(context.channel) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context.channel)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            state = .inRequest
            disarm()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), state == .inRequest { state = .idle }
        context.write(data, promise: promise)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
        if let watcher { _ = context.pipeline.syncOperations.removeHandler(watcher) }
        watcher = nil
    }

    /// Bytes arrived before the decoder: on an idle connection they start the next request's clock.
    fileprivate func bytesArrived(on channel: any Channel) {
        guard state == .idle else { return }
        state = .awaitingHeaders
        arm(channel)
    }

    private func arm(_ channel: any Channel) {
        guard deadline == nil, state == .awaitingHeaders else { return }
        deadline = channel.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}

/// Sees a connection's raw bytes before the HTTP decoder holds them back (it passes nothing on
/// until a request's headers are complete) and tells its `HeaderDeadlineHandler`.
final class RequestStartWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    /// Weak: the pipeline may drop the deadline handler first as the connection closes.
    private weak var owner: HeaderDeadlineHandler?

    fileprivate init(owner: HeaderDeadlineHandler) { self.owner = owner }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if unwrapInboundIn(data).readableBytes > 0 { owner?.bytesArrived(on: context.channel) }
        context.fireChannelRead(data)
    }
}
