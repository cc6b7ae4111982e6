public import Hummingbird
public import NIOCore

/// The context every route gets: Hummingbird's, plus the connection the request came on, so a
/// render can stop when its client goes (`ClientPresence`).
public struct QuireRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
