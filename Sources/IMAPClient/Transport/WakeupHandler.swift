import NIOCore

/// The last handler before the async channel: turns a ``Wakeup`` user event into an empty read, so that a
/// task waiting for bytes can be woken at a deadline without closing the channel.
final class WakeupHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// The user event that wakes the reader.
    struct Wakeup: Sendable {}

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is Wakeup {
            context.fireChannelRead(wrapInboundOut(ByteBuffer()))
            context.fireChannelReadComplete()  // the async channel delivers reads on read-complete
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
