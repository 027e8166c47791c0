import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle
import Synchronization

/// The probe and metrics endpoint: `GET /healthz`, `GET /readyz` and `GET /metrics` over HTTP/1.1.
///
/// Runs on an event loop group of its own (one thread), so neither a slow client nor a busy worker
/// can starve the other. Requests are bounded in size and time (see ``Configuration``).
///
/// | route | answer |
/// |-------|--------|
/// | `/healthz` | liveness: `200 ok`, or `503` with `{"status":"unhealthy","reasons":[...]}` |
/// | `/readyz` | readiness, same shape |
/// | `/metrics` | the Prometheus text exposition format, version 0.0.4 |
/// | any other path | `404` |
/// | a method other than `GET` or `HEAD` | `405` |
///
/// - Important: Put it first in the `ServiceGroup` so it stops last and answers probes during
///   shutdown (with 503).
public final class HTTPServer: Service, Sendable {
    private let configuration: Configuration
    private let router: HTTPRouter
    private let logger: Logger
    private let boundAddress = BoundAddress()
    private let activeConnections = Atomic<Int>(0)

    /// Creates a server; nothing is bound before ``run()``.
    ///
    /// - Parameters:
    ///   - configuration: Address and limits.
    ///   - health: Answers `/healthz` (liveness) and `/readyz` (readiness).
    ///   - metrics: Renders the Prometheus text page, called on every `GET /metrics`.
    ///   - logger: Receives start, stop and connection errors.
    public init(
        configuration: Configuration = .init(),
        health: HealthMonitor,
        metrics: @escaping @Sendable () async -> String,
        logger: Logger
    ) {
        self.configuration = configuration
        self.router = HTTPRouter(health: health, metrics: metrics)
        self.logger = logger
    }

    /// The port the server listens on, once it does; useful with port `0`.
    ///
    /// - Throws: ``HTTPServerError`` with code `bindFailed` or `notBound` when the server stopped
    ///   (or failed to bind) before it listened.
    /// - Important: Waits until ``run()`` binds; call it concurrently with ``run()``.
    public func waitUntilBound() async throws -> Int {
        try await boundAddress.wait()
    }

    /// Serves until graceful shutdown or cancellation, then closes the listening socket and all
    /// connections and shuts its event loop group down.
    ///
    /// - Throws: ``HTTPServerError`` with code `bindFailed` when the address cannot be bound.
    public func run() async throws {
        guard (0...65535).contains(configuration.port), configuration.maxConnections > 0 else {
            let error = HTTPServerError(
                code: .invalidConfiguration,
                reason: "port must be 0...65535 and maxConnections positive"
            )
            boundAddress.fail(error)
            throw error
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            try await serve(on: group)
        } catch {
            boundAddress.fail(HTTPServerError(code: .notBound, reason: "the server stopped before it was bound"))
            try? await group.shutdownGracefully()
            throw error
        }
        boundAddress.fail(HTTPServerError(code: .notBound, reason: "the server stopped before it was bound"))
        try await group.shutdownGracefully()
    }

    private typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    private func serve(on group: MultiThreadedEventLoopGroup) async throws {
        let configuration = self.configuration
        let server: NIOAsyncChannel<Connection, Never>
        do {
            server = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 64)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                // A client may shut down its sending side right after the request (`nc -N`); it still
                // gets its answer.
                .childChannelOption(.allowRemoteHalfClosure, value: true)
                .bind(host: configuration.host, port: configuration.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try Self.configurePipeline(channel, configuration: configuration)
                        // Finishing the writer half-closes, so a rejected client reads the answer and EOF.
                        return try Connection(
                            wrappingChannelSynchronously: channel,
                            configuration: .init(isOutboundHalfClosureEnabled: true)
                        )
                    }
                }
        } catch {
            let failure = HTTPServerError(
                code: .bindFailed,
                reason: "cannot listen on \(configuration.host):\(configuration.port)",
                cause: error
            )
            boundAddress.fail(failure)
            throw failure
        }
        let port = server.channel.localAddress?.port ?? configuration.port
        boundAddress.succeed(port: port)
        logger.info("http server listening", metadata: ["http.host": "\(configuration.host)", "http.port": "\(port)"])

        do {
            try await withTaskCancellationHandler {
                try await withGracefulShutdownHandler {
                    try await acceptLoop(server)
                } onGracefulShutdown: {
                    server.channel.close(promise: nil)
                }
            } onCancel: {
                server.channel.close(promise: nil)
            }
        } catch is CancellationError {
            // Cancellation is a way to stop, not a failure: the listener and connections are closed.
        }
        logger.info("http server stopped")
    }

    private func acceptLoop(_ server: NIOAsyncChannel<Connection, Never>) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            try await server.executeThenClose { inbound in
                for try await connection in inbound {
                    guard activeConnections.add(1, ordering: .relaxed).newValue <= configuration.maxConnections else {
                        activeConnections.subtract(1, ordering: .relaxed)
                        logger.warning("http connection refused, too many connections")
                        try? await connection.executeThenClose { _, _ in }
                        continue
                    }
                    group.addTask {
                        await self.handle(connection)
                        self.activeConnections.subtract(1, ordering: .relaxed)
                    }
                }
            }
            // The listener is closed: drop the remaining (idle keep-alive) connections too.
            group.cancelAll()
        }
    }

    private static func configurePipeline(_ channel: any Channel, configuration: Configuration) throws {
        var limits = NIOHTTPDecoderLimitConfiguration()
        limits.maxHeaderFieldSize = configuration.maxRequestHeaderBytes
        limits.maxHeaderListSize = configuration.maxRequestHeaderBytes
        let decoder = HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes, limitConfiguration: limits)
        // The decoder keeps at most one unparsed request head in memory; the buffer cap also bounds a
        // request line that never ends.
        let maximumBuffer = configuration.maxRequestHeaderBytes + configuration.maxRequestBodyBytes + 1024
        let nanoseconds =
            configuration.idleTimeout.components.seconds * 1_000_000_000
            + configuration.idleTimeout.components.attoseconds / 1_000_000_000
        try channel.pipeline.syncOperations.addHandlers([
            HTTPResponseEncoder(),
            ByteToMessageHandler(decoder, maximumBufferSize: maximumBuffer),
            HTTPErrorResponder(),
            ConnectionDeadlineHandler(timeout: .nanoseconds(nanoseconds)),
        ])
    }

    private func handle(_ connection: Connection) async {
        do {
            try await withTaskCancellationHandler {
                try await connection.executeThenClose { inbound, outbound in
                    try await serveRequests(inbound: inbound, outbound: outbound)
                }
            } onCancel: {
                connection.channel.close(promise: nil)
            }
        } catch {
            logger.debug("http connection ended with an error", metadata: ["error": "\(error)"])
        }
    }

    private func serveRequests(
        inbound: NIOAsyncChannelInboundStream<HTTPServerRequestPart>,
        outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws {
        var request: HTTPRequestHead?
        var bodyBytes = 0
        var parts = inbound.makeAsyncIterator()
        while let part = try await parts.next() {
            switch part {
            case .head(let head):
                request = head
                bodyBytes = 0
                if Self.headSize(head) > configuration.maxRequestHeaderBytes {
                    try await reject(.requestHeaderFieldsTooLarge, for: head, outbound: outbound)
                    while try await parts.next() != nil {}
                    return
                }
            case .body(let chunk):
                bodyBytes += chunk.readableBytes
                if bodyBytes > configuration.maxRequestBodyBytes, let head = request {
                    try await reject(.payloadTooLarge, for: head, outbound: outbound)
                    while try await parts.next() != nil {}
                    return
                }
            case .end:
                guard let head = request else { continue }
                request = nil
                let response = await router.respond(method: head.method, uri: head.uri)
                let keepAlive = head.isKeepAlive && !response.close
                try await write(response, for: head, keepAlive: keepAlive, to: outbound)
                if !keepAlive { return }
            }
        }
    }

    /// The request line and headers, as counted against ``Configuration/maxRequestHeaderBytes``.
    private static func headSize(_ head: HTTPRequestHead) -> Int {
        head.uri.utf8.count + head.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 }
    }

    /// Answers `status` and half-closes. The caller then discards what the client still sends until it
    /// closes (or the deadline handler does): closing with unread input would reset the connection
    /// before the client read the answer.
    private func reject(
        _ status: HTTPResponseStatus,
        for head: HTTPRequestHead,
        outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws {
        let response = HTTPRouteResponse(
            status: status,
            contentType: HTTPRouter.plainText,
            body: "\(status.code) \(status.reasonPhrase)\n",
            close: true
        )
        try await write(response, for: head, keepAlive: false, to: outbound)
        outbound.finish()
    }

    private func write(
        _ response: HTTPRouteResponse,
        for request: HTTPRequestHead,
        keepAlive: Bool,
        to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws {
        var head = HTTPResponseHead(version: .http1_1, status: response.status)
        head.headers.add(name: "content-type", value: response.contentType)
        head.headers.add(name: "content-length", value: String(response.body.utf8.count))
        head.headers.add(name: "cache-control", value: "no-store")
        head.headers.add(name: "connection", value: keepAlive ? "keep-alive" : "close")
        for (name, value) in response.headers {
            head.headers.add(name: name, value: value)
        }
        var parts: [HTTPServerResponsePart] = [.head(head)]
        if request.method != .HEAD, !response.body.isEmpty {
            parts.append(.body(.byteBuffer(ByteBuffer(string: response.body))))
        }
        parts.append(.end(nil))
        try await outbound.write(contentsOf: parts)
    }
}
