import NIOCore
import NIOHTTP1

/// Answers requests the decoder rejects, then closes the connection: `431` for a request head over
/// the limit, `400` for anything else that is not HTTP/1.1.
///
/// Decoder errors are not passed on: the connection is closed here, which ends its request stream.
final class HTTPErrorResponder: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// Whether a response head went out without its end yet (then no error response can be sent).
    private var responseInProgress = false
    /// Whether this handler already answered an error (later errors of the same connection are dropped).
    private var rejected = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head: responseInProgress = true
        case .end: responseInProgress = false
        case .body: break
        }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard !rejected else { return }
        rejected = true
        let status: HTTPResponseStatus
        switch error {
        case HTTPParserError.headerOverflow, is ByteToMessageDecoderError.PayloadTooLargeError:
            status = .requestHeaderFieldsTooLarge
        case is HTTPParserError:
            status = .badRequest
        default:
            context.close(promise: nil)
            return
        }
        guard !responseInProgress else {
            context.close(promise: nil)
            return
        }
        let body = "\(status.code) \(status.reasonPhrase)\n"
        var head = HTTPResponseHead(version: .http1_1, status: status)
        head.headers.add(name: "content-type", value: HTTPRouter.plainText)
        head.headers.add(name: "content-length", value: String(body.utf8.count))
        head.headers.add(name: "connection", value: "close")
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: body)))), promise: nil)
        // Half-close rather than close: closing with unread input resets the connection, and the
        // client may lose the answer. The deadline handler closes the connection later.
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            channel.close(mode: .output, promise: nil)
        }
    }
}
